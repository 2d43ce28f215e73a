/**
 * Experiments: a point of a sweep (problem, solver, R, α, replicate) resolved into a {@link
 * org.overparam.experiment.RunConfig}, and the pure function {@link org.overparam.experiment.Experiment#run}
 * that turns it into a certified row.
 */
package org.overparam.experiment;
