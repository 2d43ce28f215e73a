package org.overparam.problem.leastsquares;

import java.util.random.RandomGenerator;
import org.overparam.linalg.Dense;
import org.overparam.random.Seeds;

/**
 * One linear least-squares instance: n samples of an infinite sequence of Gaussian features, and targets from a
 * linear teacher on the first d of them,
 *
 * <pre>
 *   y = A_{:, 0..d−1} θ* + σ ε,   θ* ~ N(0, I_d / d),   ε ~ N(0, I_n).
 * </pre>
 *
 * <p><b>Seeding (the paired design).</b> Column j of the feature matrix A (the n samples of feature j) is drawn
 * i.i.d. N(0, 1), in sample order, from {@code Seeds.generator(Seeds.hash(instanceSeed, "feature " + j))}, so a
 * model with R parameters uses the first R columns of one fixed infinite matrix and models of every R share the
 * instance. θ* and ε come from {@code Seeds.generator(instanceSeed)}: first the d entries of θ*, then the n
 * entries of ε. ε is drawn even when σ = 0, so θ* does not depend on the noise level.
 *
 * <p>Immutable and thread-safe: {@link #features} regenerates the columns on each call (n·R normals, once per
 * model) and the accessors return copies.
 */
public final class LeastSquaresInstance {

    private final int n;
    private final int d;
    private final double noise;
    private final long seed;
    private final double[] teacher;
    private final double[] y;
    private final double f0;

    private LeastSquaresInstance(int n, int d, double noise, long seed) {
        this.n = n;
        this.d = d;
        this.noise = noise;
        this.seed = seed;
        RandomGenerator rng = Seeds.generator(seed);
        double scale = 1.0 / Math.sqrt(d);
        this.teacher = new double[d];
        for (int k = 0; k < d; k++) {
            teacher[k] = scale * rng.nextGaussian();
        }
        this.y = new double[n];
        Dense.gemv(false, n, d, 1.0, features(d), teacher, 0.0, y);
        for (int i = 0; i < n; i++) {
            y[i] += noise * rng.nextGaussian();
        }
        this.f0 = Dense.dot(y, y) / n;
    }

    /**
     * @param n            samples, ≥ 1
     * @param d            features the teacher uses, ≥ 1
     * @param noise        σ, finite and ≥ 0
     * @param instanceSeed seeds the features, the teacher and the noise (see the class comment)
     */
    public static LeastSquaresInstance of(int n, int d, double noise, long instanceSeed) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if ((long) n * d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n*d must fit in an array, got n=" + n + ", d=" + d);
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        return new LeastSquaresInstance(n, d, noise, instanceSeed);
    }

    /** n, the number of samples. */
    public int n() {
        return n;
    }

    /** d, the number of features the teacher uses. */
    public int d() {
        return d;
    }

    /** σ, the noise level. */
    public double noise() {
        return noise;
    }

    /** The instance seed. */
    public long seed() {
        return seed;
    }

    /** A copy of y (length n). */
    public double[] y() {
        return y.clone();
    }

    /** A copy of θ* (length d). */
    public double[] teacher() {
        return teacher.clone();
    }

    /** f(0) = (1/n)‖y‖², the loss at θ = 0 for every R. */
    public double f0() {
        return f0;
    }

    /**
     * The first {@code columns} features as a new n×R column-major matrix (sample i of feature j at
     * {@code i + n*j}); equal, column by column, for every R.
     *
     * @param columns R ≥ 1
     */
    public double[] features(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        if ((long) n * columns > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("n*columns must fit in an array, got n=" + n + ", columns="
                    + columns);
        }
        double[] a = new double[n * columns];
        for (int j = 0; j < columns; j++) {
            RandomGenerator rng = Seeds.generator(Seeds.hash(seed, "feature " + j));
            for (int i = 0; i < n; i++) {
                a[i + n * j] = rng.nextGaussian();
            }
        }
        return a;
    }

    /** The least-squares model with the first R features. */
    public LinearLeastSquares model(int parameters) {
        if (parameters < 1) {
            throw new IllegalArgumentException("parameters must be >= 1, got " + parameters);
        }
        return LinearLeastSquares.wrap(n, parameters, features(parameters), y);
    }

    @Override
    public String toString() {
        return "LeastSquaresInstance[n=" + n + ", d=" + d + ", noise=" + noise + "]";
    }
}
