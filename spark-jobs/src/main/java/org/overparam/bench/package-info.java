/**
 * Benchmarks that keep design §7's performance claims measurable: {@link org.overparam.bench.SensingBenchmark}
 * runs the NumPy peer's workload ({@code ../shared/bench/numpy_sweep.py}) through Overparam's own code path and
 * prints rates and machine limits as JSON lines; {@code scripts/bench} runs both and prints the ratios. Goals are
 * ratios printed here, never timed unit tests.
 */
package org.overparam.bench;
