/**
 * Sweep specs: YAML text → a validated {@link org.overparam.spec.SweepSpec} → the ordered grid of
 * {@link org.overparam.experiment.RunConfig} points.
 *
 * <p>YAML is read into a plain tree and validated along one path ({@code SpecReader}); nothing here binds YAML
 * to core types by annotation. {@code SpecTreeReader} (with {@code GridReader} and {@code DerivedReader}) turns
 * the tree into an immutable {@code WrittenSpec}; {@code CrossChecks}, {@code ExplicitCheck} and
 * {@code RequiredKeys} check it across keys; {@code ExpansionBuilder} and {@code CellCheck} build and check every
 * grid cell; {@code SpecPrinter} writes the fixed labels and the normalized JSON that is hashed. Every refusal is
 * a {@link org.overparam.spec.SpecError} naming the key, the value and the rule, raised before any work starts.
 */
package org.overparam.spec;
