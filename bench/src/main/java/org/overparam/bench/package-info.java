/**
 * The benchmark that keeps the performance claims of README (“How a sweep runs fast”, “Benchmark”) measurable,
 * outside the cluster jar.
 * {@link org.overparam.bench.Bench} is the in-process half of {@code scripts/bench}: {@code machine} probes the
 * memory bandwidth of one thread (STREAM-like triad, read stream), {@code kernels} times Overparam's kernels on the
 * dense workload and states their achieved bandwidth as a fraction of it ({@link org.overparam.bench.KernelKind}
 * is where a new kernel, such as the Gram form's, is added), and {@code rows} reads what a timed sweep wrote.
 * {@code scripts/bench} times whole processes from outside, Overparam against the NumPy peers, and prints the
 * ratios. Goals are ratios printed there, never timed unit tests.
 */
package org.overparam.bench;
