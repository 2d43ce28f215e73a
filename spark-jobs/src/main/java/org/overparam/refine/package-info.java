/**
 * {@code overparam refine}: a sequential design that finds each row's phase boundary with a fraction of a full
 * grid's runs. {@link org.overparam.refine.Plan} decides each round from counts alone;
 * {@link org.overparam.refine.RefineJob} reads the rows and runs the rounds through the sweep engine.
 */
package org.overparam.refine;
