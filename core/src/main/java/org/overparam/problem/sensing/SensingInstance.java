package org.overparam.problem.sensing;

import java.util.Objects;
import java.util.random.RandomGenerator;
import org.overparam.linalg.Dense;

/**
 * One matrix-sensing instance: an operator 𝒜 (n measurements of d×d matrices), data y ∈ R^n, the truth M*
 * (d×d column-major) of rank r, the ridge weight λ ≥ 0 and an optional symmetric regularizer C (d×d
 * column-major; {@code null} means C = 0, used only by the symmetric model's ⟨C, UUᵀ⟩ term).
 *
 * <p>Immutable: arrays are copied in, and public getters return copies. The one piece built after construction
 * is the Gram form of a dense operator ({@link #gram()}), made on first use and then shared read-only by every
 * objective on this instance, on any thread.
 */
public final class SensingInstance {

    private final MeasurementOperator operator;
    private final double[] y;
    private final double[] truth;
    private final int trueRank;
    private final double lambda;
    private final double[] regularizer;
    private final double f0;
    /** Guards the one build of {@link #gram}; private, so that no caller can hold it. */
    private final Object gramLock = new Object();
    /** The Gram form, null until first needed; written once under gramLock, read without it. */
    private volatile Gram gram;

    private SensingInstance(MeasurementOperator operator, double[] y, double[] truth, int trueRank,
                            double lambda, double[] regularizer) {
        this.operator = operator;
        this.y = y;
        this.truth = truth;
        this.trueRank = trueRank;
        this.lambda = lambda;
        this.regularizer = regularizer;
        this.f0 = Dense.dot(y, y) / y.length;
    }

    /**
     * Validates and copies.
     *
     * @param operator    the measurement operator 𝒜 (n = count, d = dim)
     * @param y           n finite measurements
     * @param truth       M*, d×d column-major, finite
     * @param trueRank    r, the rank of M*, in [0, d]
     * @param lambda      λ, finite and ≥ 0
     * @param regularizer C, symmetric d×d column-major with finite entries, or {@code null} for C = 0
     */
    public static SensingInstance of(MeasurementOperator operator, double[] y, double[] truth, int trueRank,
                                     double lambda, double[] regularizer) {
        Objects.requireNonNull(operator, "operator must not be null");
        int n = operator.count();
        int d = operator.dim();
        requireFinite("y", y, n);
        requireFinite("truth", truth, d * d);
        if (trueRank < 0 || trueRank > d) {
            throw new IllegalArgumentException("trueRank must be in [0, d=" + d + "], got " + trueRank);
        }
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("lambda must be a finite number >= 0, got " + lambda);
        }
        if (regularizer != null) {
            requireFinite("regularizer", regularizer, d * d);
            if (!Dense.isSymmetric(d, regularizer, 0)) {
                throw new IllegalArgumentException("regularizer must be a symmetric " + d + "x" + d
                        + " matrix, got an asymmetric one");
            }
        }
        return new SensingInstance(operator, y.clone(), truth.clone(), trueRank, lambda,
                regularizer == null ? null : regularizer.clone());
    }

    /**
     * y_i = 𝒜(M*)_i + noise·g_i with g_i ~ N(0,1) drawn in order i = 0..n−1. The n normals are drawn even
     * when noise = 0, so the generator's later draws do not depend on the noise level.
     */
    public static double[] measure(MeasurementOperator operator, double[] truth, double noise, RandomGenerator rng) {
        Objects.requireNonNull(operator, "operator must not be null");
        Objects.requireNonNull(rng, "rng must not be null");
        requireFinite("truth", truth, operator.dim() * operator.dim());
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number >= 0, got " + noise);
        }
        double[] y = new double[operator.count()];
        operator.apply(truth, y);
        for (int i = 0; i < y.length; i++) {
            y[i] += noise * rng.nextGaussian();
        }
        return y;
    }

    public MeasurementOperator operator() {
        return operator;
    }

    /** A copy of y. */
    public double[] y() {
        return y.clone();
    }

    /** A copy of M* (d×d column-major). */
    public double[] truth() {
        return truth.clone();
    }

    public int trueRank() {
        return trueRank;
    }

    public double lambda() {
        return lambda;
    }

    /** A copy of C (d×d column-major), or {@code null} when C = 0. */
    public double[] regularizer() {
        return regularizer == null ? null : regularizer.clone();
    }

    /** d. */
    public int dim() {
        return operator.dim();
    }

    /** n. */
    public int count() {
        return operator.count();
    }

    /** f(0) = (1/n)‖y‖², the objective of either factored model at zero parameters. */
    public double f0() {
        return f0;
    }

    /**
     * H = 𝐀ᵀ𝐀, b = 𝐀ᵀy and c = yᵀy, built on the first call (n·d²(d²+1)/2 multiply–adds) and returned by every later
     * one. Thread-safe: concurrent first calls build it once (double-checked locking on a volatile field; the
     * Gram is immutable). Only for instances where {@link DataForm#preferred} picks the Gram form.
     *
     * @throws IllegalStateException if it does not
     */
    Gram gram() {
        Gram g = gram;
        if (g == null) {
            synchronized (gramLock) {
                g = gram;
                if (g == null) {
                    if (DataForm.preferred(operator) != DataForm.GRAM) {
                        throw new IllegalStateException("no Gram form for " + operator + ": it needs a dense "
                                + "operator with n ≥ 2d²/5");
                    }
                    g = Gram.of((DenseOperator) operator, y);
                    gram = g;
                }
            }
        }
        return g;
    }

    /** Whether {@link #gram()} has been built (for tests of its laziness). */
    boolean gramBuilt() {
        return gram != null;
    }

    /** The internal y; callers in this package must not modify it. */
    double[] yShared() {
        return y;
    }

    /** The internal M*; callers in this package must not modify it. */
    double[] truthShared() {
        return truth;
    }

    /** The internal C or {@code null}; callers in this package must not modify it. */
    double[] regularizerShared() {
        return regularizer;
    }

    @Override
    public String toString() {
        return "SensingInstance[d=" + dim() + ", n=" + count() + ", r=" + trueRank + ", lambda=" + lambda
                + (regularizer == null ? "" : ", regularized") + "]";
    }

    /** Throws unless {@code values} has exactly {@code length} finite entries; the message names {@code key}. */
    static void requireFinite(String key, double[] values, int length) {
        Objects.requireNonNull(values, () -> key + " must not be null");
        if (values.length != length) {
            throw new IllegalArgumentException(key + " must have length " + length + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(key + " entries must be finite, got " + values[i]
                        + " at index " + i);
            }
        }
    }
}
