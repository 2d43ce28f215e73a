/**
 * Sweep specs: YAML text → a validated {@link org.overparam.spec.SweepSpec} → the ordered grid of
 * {@link org.overparam.experiment.RunConfig} points.
 *
 * <p>YAML is read into a plain tree and validated in one place ({@code SpecReader}); nothing here binds YAML
 * to core types by annotation. Every refusal is a {@link org.overparam.spec.SpecError} naming the key, the
 * value and the rule, raised before any work starts.
 */
package org.overparam.spec;
