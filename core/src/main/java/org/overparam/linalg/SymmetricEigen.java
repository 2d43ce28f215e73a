package org.overparam.linalg;

import java.util.Arrays;

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a dense symmetric n×n matrix, in pure Java: Householder
 * tridiagonalization, then the implicit symmetric QL iteration with Wilkinson shifts.
 *
 * <p>Shapes: A is flat column-major, entry (i, j) at {@code i + n*j}; only its lower triangle is read and the
 * caller's array is never modified. {@link #values()} are ascending; column j of {@link #vectors()} (entries
 * {@code n*j … n*j+n-1}) is a unit eigenvector for {@code values()[j]}, and the columns are orthonormal.
 *
 * <p>Algorithm (Golub &amp; Van Loan, <i>Matrix Computations</i>, 4th ed., §8.3; Parlett, <i>The Symmetric
 * Eigenvalue Problem</i>, ch. 8):
 * <ol>
 *   <li>Tridiagonalization T = QᵀAQ, Q = H₀H₁⋯H_{n−3} (GvL Algorithm 8.3.1). The Householder reflector
 *       H_k = I − τ_k v_k v_kᵀ acts on rows and columns k+1 … n−1 and maps column k of the current matrix below
 *       the diagonal to a multiple of e_{k+1}; the trailing block B becomes H_k B H_k by the symmetric rank-2
 *       update B − v wᵀ − w vᵀ, p = τBv, w = p − (τ pᵀv / 2) v. A column already zero below the subdiagonal
 *       gets no reflector, so a tridiagonal (or diagonal) input passes through exactly.</li>
 *   <li>If vectors are wanted, Q itself, by applying the reflectors to the identity in reverse order.</li>
 *   <li>Implicit QL on T: for an unreduced block l … m, one sweep is T ← QᵀTQ with T − μI = QL, done as a
 *       chase of m − l Givens rotations from the bottom of the block to its top (the first fixed by the last
 *       column of T − μI, each later one removing the bulge the previous one made). μ is the Wilkinson shift,
 *       the eigenvalue of the block's leading 2×2 closer to its first diagonal entry, so the block's first
 *       off-diagonal goes to zero, at least quadratically and in practice cubically (Parlett ch. 8). An
 *       off-diagonal e_i is set to zero once |e_i| ≤ ε·(|d_i| + |d_{i+1}|) (GvL §8.3.6). The rotations are
 *       applied to the columns of Q.</li>
 *   <li>Eigenvalues sorted ascending, the columns of V with them.</li>
 * </ol>
 * A matrix whose largest entry lies outside [2⁻⁴⁰⁰, 2⁴⁰⁰] is first multiplied by a power of two (exact) so
 * that no step under- or overflows, and the eigenvalues are scaled back.
 *
 * <p>Cost: about 4n³/3 flops for values only (the QL iteration without vectors is O(n²)), about 9n³ with
 * vectors (GvL §8.3.6); a {@link Workspace} holds n² + 3n doubles. The QL iteration with Wilkinson shifts
 * converges for every symmetric tridiagonal matrix (Wilkinson 1968; Parlett ch. 8), typically in fewer than
 * two sweeps per eigenvalue; after 30·n sweeps in all it stops with an {@link ArithmeticException}, a guard that
 * finite input does not reach in practice.
 *
 * <p>Accuracy: backward stable. The computed V̂ and λ̂ are, to working precision, an exact eigendecomposition of
 * some A + E with ‖E‖₂ ≲ c·n·ε·‖A‖₂ (ε = 2⁻⁵², c a modest constant), hence |λ̂_j − λ_j| ≲ c·n·ε·‖A‖₂ by Weyl's
 * theorem, ‖A V̂ − V̂ Λ̂‖ ≲ c·n·ε·‖A‖₂ and ‖V̂ᵀV̂ − I‖ ≲ c·n·ε; an eigenvector is accurate to about
 * n·ε·‖A‖₂ / gap_j (GvL §8.1.2, §8.3.6; Wilkinson, <i>The Algebraic Eigenvalue Problem</i>, ch. 5). The error
 * is absolute: eigenvalues much smaller than ‖A‖₂ have no relative accuracy.
 *
 * <p>Thread safety and determinism: no shared state and no lock (unlike LAPACK here, see {@link Lapack}). The
 * arithmetic is +, −, ×, ÷, √ and scaling by powers of two, each correctly rounded (Java floating point is
 * strict), in an order decided by the input alone, so the result is a function of the input bits: the same
 * bits on every thread, and the same eigenvalues whether or not vectors are requested.
 *
 * <p>Instances are immutable and the accessors return copies. Loops that decompose many matrices of one size
 * use a {@link Workspace} instead, which allocates nothing per call.
 */
public final class SymmetricEigen {

    /**
     * The QL iteration gives up after this many sweeps per eigenvalue on average (the cap is this times n for
     * the whole matrix, as in LAPACK's {@code dsteqr}).
     */
    static final int MAX_SWEEPS_PER_EIGENVALUE = 30;

    /** ε = 2⁻⁵², the spacing of doubles at 1: the relative size below which an off-diagonal is rounding. */
    private static final double EPS = Math.ulp(1.0);

    /**
     * Off-diagonals below 2⁻⁹⁷⁰ ≈ 1e-292 are set to zero whatever the diagonal, which keeps the iteration out
     * of subnormal numbers. After scaling the largest entry is ≥ 2⁻⁴⁰⁰, so this is far below ε·‖A‖.
     */
    private static final double DEFLATION_FLOOR = Double.MIN_NORMAL / EPS;

    /** Matrices whose largest entry has a binary exponent beyond ±this are scaled by a power of two first. */
    private static final int SAFE_EXPONENT = 400;

    private final int n;
    private final double[] values;
    private final double[] vectors;

    private SymmetricEigen(int n, double[] values, double[] vectors) {
        this.n = n;
        this.values = values;
        this.vectors = vectors;
    }

    /**
     * Decomposes the symmetric n×n matrix {@code a} (column-major, lower triangle read, not modified).
     *
     * @throws IllegalArgumentException if n &lt; 1, {@code a} is shorter than n², or has a non-finite entry
     *                                  in its lower triangle
     * @throws ArithmeticException      if the QL iteration does not converge within
     *                                  30·n sweeps (not seen for finite input)
     */
    public static SymmetricEigen of(int n, double[] a) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        new Workspace(n).decompose(a, values, vectors);
        return new SymmetricEigen(n, values, vectors);
    }

    /** n, the side of the matrix. */
    public int size() {
        return n;
    }

    /** The n eigenvalues, ascending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The n×n column-major matrix of orthonormal eigenvectors, column j for {@code values()[j]} (a copy). */
    public double[] vectors() {
        return vectors.clone();
    }

    /** The j-th smallest eigenvalue (0-based). */
    public double value(int j) {
        return values[j];
    }

    /** The smallest eigenvalue λ_min. */
    public double min() {
        return values[0];
    }

    /** The largest eigenvalue λ_max. */
    public double max() {
        return values[n - 1];
    }

    /**
     * Reusable buffers for decomposing many n×n symmetric matrices without allocating. Not thread-safe:
     * one per thread (or per run).
     */
    public static final class Workspace {

        private final int n;
        /** The working copy of A: reduced in place, the Householder vectors v_k left in column k below k. */
        private final double[] h;
        /** The off-diagonal of T, e[k] = T(k+1, k). */
        private final double[] e;
        /** τ_k of each reflector, 0 where none was needed. */
        private final double[] tau;
        /** p = τBv, then w, in rows k+1 … n−1. */
        private final double[] p;

        /** Buffers for n×n matrices: n² + 3n doubles. */
        public Workspace(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be ≥ 1, got " + n);
            }
            this.n = n;
            this.h = new double[n * n];
            this.e = new double[n];
            this.tau = new double[n];
            this.p = new double[n];
        }

        /** n, the side of the matrices this workspace decomposes. */
        public int size() {
            return n;
        }

        /**
         * Writes the ascending eigenvalues of the symmetric matrix {@code a} (lower triangle read, not
         * modified) into {@code values} (length ≥ n) and, unless {@code vectors} is null, the orthonormal
         * eigenvectors into {@code vectors} (n×n column-major). {@code vectors} may be the same array as
         * {@code a}. Allocates nothing.
         *
         * @throws IllegalArgumentException if an array is too short or {@code a} has a non-finite entry in its
         *                                  lower triangle
         * @throws ArithmeticException      if the QL iteration does not converge within 30·n sweeps
         */
        public void decompose(double[] a, double[] values, double[] vectors) {
            if (a.length < n * n) {
                throw new IllegalArgumentException("a must hold n² = " + n * n + " entries, got " + a.length);
            }
            if (values.length < n) {
                throw new IllegalArgumentException("values must hold n = " + n + " entries, got " + values.length);
            }
            if (vectors != null && vectors.length < n * n) {
                throw new IllegalArgumentException(
                        "vectors must hold n² = " + n * n + " entries, got " + vectors.length);
            }
            double maxAbs = 0;
            for (int j = 0; j < n; j++) {
                for (int i = j; i < n; i++) {
                    double x = a[i + n * j];
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException(
                                "a must be finite, got " + x + " at (" + i + ", " + j + ")");
                    }
                    maxAbs = Math.max(maxAbs, Math.abs(x));
                }
            }
            System.arraycopy(a, 0, h, 0, n * n);
            int scale = safeScale(maxAbs);
            if (scale != 0) {
                for (int j = 0; j < n; j++) {
                    for (int i = j; i < n; i++) {
                        h[i + n * j] = Math.scalb(h[i + n * j], scale);
                    }
                }
            }
            tridiagonalize(values);
            if (vectors != null) {
                formQ(vectors);
            }
            diagonalize(n, values, e, vectors, n, MAX_SWEEPS_PER_EIGENVALUE * n);
            unscale(n, values, scale);
        }

        /** Reduces h to T (diagonal into d, off-diagonal into e), keeping v_k and τ_k (GvL Algorithm 8.3.1). */
        private void tridiagonalize(double[] d) {
            for (int k = 0; k < n - 1; k++) {
                int ck = n * k;
                d[k] = h[k + ck];
                double tailMax = 0;
                for (int i = k + 2; i < n; i++) {
                    tailMax = Math.max(tailMax, Math.abs(h[i + ck]));
                }
                if (tailMax == 0) {
                    e[k] = h[k + 1 + ck];
                    tau[k] = 0;
                    continue;
                }
                // x = column k below the diagonal, divided by its largest magnitude so that ‖x‖² cannot under-
                // or overflow (the reflector does not depend on the scale of v).
                double xScale = Math.max(tailMax, Math.abs(h[k + 1 + ck]));
                double sigma = 0;
                for (int i = k + 1; i < n; i++) {
                    double x = h[i + ck] / xScale;
                    h[i + ck] = x;
                    sigma += x * x;
                }
                double alpha = h[k + 1 + ck];
                // v = x + sign(α)‖x‖e₁ adds magnitudes (no cancellation); then Hx = −sign(α)‖x‖e₁ and
                // τ = 2 / vᵀv = 1 / (‖x‖(‖x‖ + |α|)).
                double mu = Math.copySign(Math.sqrt(sigma), alpha);
                h[k + 1 + ck] = alpha + mu;
                double t = 1 / (mu * (mu + alpha));
                tau[k] = t;
                e[k] = -mu * xScale;

                // p = τ B v, B the trailing block (rows and columns k+1 … n−1), lower triangle read.
                Arrays.fill(p, k + 1, n, 0.0);
                for (int j = k + 1; j < n; j++) {
                    int cj = n * j;
                    double vj = h[j + ck];
                    double dot = h[j + cj] * vj;
                    for (int i = j + 1; i < n; i++) {
                        double bij = h[i + cj];
                        p[i] += bij * vj;
                        dot += bij * h[i + ck];
                    }
                    p[j] += dot;
                }
                double pv = 0;
                for (int i = k + 1; i < n; i++) {
                    p[i] *= t;
                    pv += p[i] * h[i + ck];
                }
                double half = 0.5 * t * pv;
                for (int i = k + 1; i < n; i++) {
                    p[i] -= half * h[i + ck];
                }
                // B ← B − v wᵀ − w vᵀ (lower triangle).
                for (int j = k + 1; j < n; j++) {
                    int cj = n * j;
                    double vj = h[j + ck];
                    double wj = p[j];
                    for (int i = j; i < n; i++) {
                        h[i + cj] -= h[i + ck] * wj + p[i] * vj;
                    }
                }
            }
            d[n - 1] = h[n - 1 + n * (n - 1)];
        }

        /** q = H₀H₁⋯H_{n−3}, applying the reflectors to I last to first (each touches a trailing block only). */
        private void formQ(double[] q) {
            Arrays.fill(q, 0, n * n, 0.0);
            for (int i = 0; i < n; i++) {
                q[i + n * i] = 1;
            }
            for (int k = n - 2; k >= 0; k--) {
                double t = tau[k];
                if (t == 0) {
                    continue;
                }
                int ck = n * k;
                for (int j = k + 1; j < n; j++) {
                    int cj = n * j;
                    double s = 0;
                    for (int i = k + 1; i < n; i++) {
                        s += h[i + ck] * q[i + cj];
                    }
                    s *= t;
                    for (int i = k + 1; i < n; i++) {
                        q[i + cj] -= s * h[i + ck];
                    }
                }
            }
        }
    }

    /**
     * The eigendecomposition T = S·diag(λ)·Sᵀ of the symmetric tridiagonal n×n matrix T with diagonal
     * {@code d[0..n)} and off-diagonal {@code e[0..n−1)} (e[i] = T(i+1, i)), by the QL iteration above.
     * Overwrites {@code d} with the ascending eigenvalues and destroys {@code e[0..n−1)}. Unless {@code z} is
     * null, the zRows×n column-major matrix Z in it (leading dimension zRows) is replaced by Z·S, S's columns
     * in the order of {@code d}: Z = I gives the eigenvectors, Z = a row of I that row of them (O(n) extra work
     * per sweep instead of O(n²)). The eigenvalues, and each row of Z·S, do not depend on zRows. Allocates
     * nothing.
     *
     * @throws IllegalArgumentException if n &lt; 1, an array is too short, or an entry of T is not finite
     * @throws ArithmeticException      if the QL iteration does not converge within 30·n sweeps
     */
    static void tridiagonal(int n, double[] d, double[] e, double[] z, int zRows) {
        tridiagonal(n, d, e, z, zRows, MAX_SWEEPS_PER_EIGENVALUE * n);
    }

    /** {@link #tridiagonal(int, double[], double[], double[], int)} with the sweep cap given (tests). */
    static void tridiagonal(int n, double[] d, double[] e, double[] z, int zRows, int maxSweeps) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        if (d.length < n || e.length < n - 1) {
            throw new IllegalArgumentException("d must hold n = " + n + " and e n − 1 entries, got "
                    + d.length + " and " + e.length);
        }
        if (z != null && (zRows < 1 || z.length < zRows * n)) {
            throw new IllegalArgumentException("z must hold zRows·n entries with zRows ≥ 1, got zRows = " + zRows
                    + " and " + z.length + " entries");
        }
        double maxAbs = 0;
        for (int i = 0; i < n; i++) {
            double off = i < n - 1 ? e[i] : 0;
            if (!Double.isFinite(d[i]) || !Double.isFinite(off)) {
                throw new IllegalArgumentException("T must be finite, got d = " + d[i] + ", e = " + off + " at " + i);
            }
            maxAbs = Math.max(maxAbs, Math.max(Math.abs(d[i]), Math.abs(off)));
        }
        int scale = safeScale(maxAbs);
        if (scale != 0) {
            for (int i = 0; i < n; i++) {
                d[i] = Math.scalb(d[i], scale);
                if (i < n - 1) {
                    e[i] = Math.scalb(e[i], scale);
                }
            }
        }
        diagonalize(n, d, e, z, zRows, maxSweeps);
        unscale(n, d, scale);
    }

    /** The power of two that brings maxAbs into [1, 2) when it lies outside the safe range, else 0. */
    private static int safeScale(double maxAbs) {
        if (maxAbs == 0) {
            return 0;
        }
        int exponent = Math.getExponent(maxAbs);
        return exponent < -SAFE_EXPONENT || exponent > SAFE_EXPONENT ? -exponent : 0;
    }

    private static void unscale(int n, double[] values, int scale) {
        if (scale != 0) {
            for (int i = 0; i < n; i++) {
                values[i] = Math.scalb(values[i], -scale);
            }
        }
    }

    /** The QL iteration on (d, e), rotations applied to the columns of z (if any), then the ascending sort. */
    private static void diagonalize(int n, double[] d, double[] e, double[] z, int zRows, int maxSweeps) {
        int sweeps = 0;
        for (int l = 0; l < n; l++) {
            while (true) {
                int m = l;
                while (m < n - 1) {
                    double em = Math.abs(e[m]);
                    if (em <= EPS * (Math.abs(d[m]) + Math.abs(d[m + 1])) || em <= DEFLATION_FLOOR) {
                        e[m] = 0;
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break; // d[l] is an eigenvalue
                }
                if (sweeps >= maxSweeps) {
                    throw new ArithmeticException("the symmetric QL iteration did not converge in " + maxSweeps
                            + " sweeps (n = " + n + ", eigenvalue " + l + " still coupled)");
                }
                sweeps++;
                sweep(l, m, d, e, z, zRows);
            }
        }
        sortAscending(n, d, z, zRows);
    }

    /**
     * One implicit QL sweep with the Wilkinson shift on the unreduced block l … m (e[l … m−1] nonzero, e[m]
     * zero or beyond the matrix). Rotation i acts in the plane (i, i+1): T ← RᵀTR, Z ← ZR, R's 2×2 block
     * [[c, s], [−s, c]].
     */
    private static void sweep(int l, int m, double[] d, double[] e, double[] z, int zRows) {
        double g = (d[l + 1] - d[l]) / (2 * e[l]);
        // The eigenvalue of [[d_l, e_l], [e_l, d_{l+1}]] nearer d_l, in the form without cancellation.
        double shift = d[l] - e[l] / (g + Math.copySign(hypot(g, 1), g));
        double bulge = 0; // T(i, i+2) during the chase
        for (int i = m - 1; i >= l; i--) {
            // The first rotation turns the last column of T − μI, (…, e_{m−1}, d_m − μ), onto e_m; each later one
            // removes the bulge at (i, i+2) against T(i+1, i+2).
            double x = i == m - 1 ? d[m] - shift : e[i + 1];
            double y = i == m - 1 ? e[m - 1] : bulge;
            double r = hypot(x, y);
            if (r == 0) {
                // Only in the chase (e[m−1] ≠ 0): T(i+1, i+2) and the bulge are both zero, so T is tridiagonal
                // and split at i+1, and the sweep may stop here.
                break;
            }
            double c = x / r;
            double s = y / r;
            if (i < m - 1) {
                e[i + 1] = r;
            }
            double a = d[i];
            double b = e[i];
            double f = d[i + 1];
            double cc = c * c;
            double ss = s * s;
            double cs = c * s;
            d[i] = cc * a - 2 * cs * b + ss * f;
            d[i + 1] = ss * a + 2 * cs * b + cc * f;
            e[i] = cs * (a - f) + (cc - ss) * b;
            if (i > l) {
                bulge = s * e[i - 1];
                e[i - 1] = c * e[i - 1];
            }
            if (z != null) {
                int ci = zRows * i;
                int cn = zRows * (i + 1);
                for (int row = 0; row < zRows; row++) {
                    double zi = z[ci + row];
                    double zn = z[cn + row];
                    z[ci + row] = c * zi - s * zn;
                    z[cn + row] = s * zi + c * zn;
                }
            }
        }
    }

    /** Selection sort of d ascending (the first of equal values stays first), swapping z's columns alike. */
    private static void sortAscending(int n, double[] d, double[] z, int zRows) {
        for (int i = 0; i < n - 1; i++) {
            int min = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[min]) {
                    min = j;
                }
            }
            if (min != i) {
                double t = d[i];
                d[i] = d[min];
                d[min] = t;
                if (z != null) {
                    int ci = zRows * i;
                    int cm = zRows * min;
                    for (int row = 0; row < zRows; row++) {
                        double u = z[ci + row];
                        z[ci + row] = z[cm + row];
                        z[cm + row] = u;
                    }
                }
            }
        }
    }

    /** √(x² + y²) without under- or overflow, from correctly rounded operations only (so the same bits anywhere). */
    private static double hypot(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double big = Math.max(ax, ay);
        double small = Math.min(ax, ay);
        if (small == 0) {
            return big;
        }
        double t = small / big;
        return big * Math.sqrt(1 + t * t);
    }
}
