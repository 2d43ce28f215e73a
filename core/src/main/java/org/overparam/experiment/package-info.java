/**
 * Experiments: a point of a sweep (problem, solver, R, α, replicate) resolved into a {@link
 * org.overparam.experiment.RunConfig}, and the pure function {@link org.overparam.experiment.Experiment#run}
 * that turns it into a certified row. A point's problem is the record of its family's kind (the sealed
 * {@link org.overparam.experiment.ProblemConfig}, holding only the fields that family uses); the
 * {@link org.overparam.experiment.Family} constants register the families.
 */
package org.overparam.experiment;
