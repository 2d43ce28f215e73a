package org.overparam.bench;

import java.util.random.RandomGenerator;
import org.overparam.problem.sensing.DenseOperator;
import org.overparam.problem.sensing.Operators;
import org.overparam.problem.sensing.SensingInstance;
import org.overparam.problem.sensing.Truths;
import org.overparam.random.Seeds;

/**
 * The dense Gaussian sensing instance the kernels run on, built the way the experiment layer builds one (truth,
 * then 𝐀, then y; noiseless, λ = 0), with the search rank R of the factors the kernels take.
 *
 * @param d        matrix side
 * @param r        rank of the truth
 * @param n        measurements: 𝐀 is n×d²
 * @param rank     R, columns of the factors U, V
 * @param instance the instance
 */
record Workload(int d, int r, int n, int rank, SensingInstance instance) {

    /** A fresh instance for the shape, seeded by the shape (so that reruns time the same numbers). */
    static Workload denseGaussian(int d, int r, int n, int rank) {
        if (d < 1 || r < 1 || r > d || n < 1 || rank < 1) {
            throw new IllegalArgumentException("need 1 <= r <= d, n >= 1 and R >= 1, got d=" + d + ", r=" + r
                    + ", n=" + n + ", R=" + rank);
        }
        if ((long) n * d * d > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("n*d*d must fit in an array, got n=" + n + ", d=" + d);
        }
        RandomGenerator rng = Seeds.generator(Seeds.hash(n, "bench workload d=" + d + " r=" + r));
        double[] truth = Truths.lowRank(d, r, 1.0, false, rng);
        DenseOperator op = Operators.gaussian(d, n, rng);
        double[] y = SensingInstance.measure(op, truth, 0.0, rng);
        return new Workload(d, r, n, rank, SensingInstance.of(op, y, truth, r, 0.0, null));
    }

    /** The dense operator 𝐀. */
    DenseOperator operator() {
        return (DenseOperator) instance.operator();
    }

    /** Bytes of 𝐀: 8·n·d². */
    double operatorBytes() {
        return (double) MachineProbes.DOUBLE_BYTES * n * d * d;
    }

    /** A d×R factor with i.i.d. N(0, 1/d) entries, from a generator seeded by {@code salt}. */
    double[] factor(String salt) {
        return factor(salt, rank);
    }

    /** A d×{@code columns} factor with i.i.d. N(0, 1/d) entries, from a generator seeded by {@code salt}. */
    double[] factor(String salt, int columns) {
        RandomGenerator rng = Seeds.generator(Seeds.hash(n, salt));
        double[] f = new double[d * columns];
        double scale = 1 / Math.sqrt(d);
        for (int i = 0; i < f.length; i++) {
            f[i] = scale * rng.nextGaussian();
        }
        return f;
    }
}
