package org.overparam.certify;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import java.util.Arrays;
import java.util.Objects;
import org.netlib.util.intW;
import org.overparam.linalg.Lanczos;
import org.overparam.linalg.Lapack;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.Svd;
import org.overparam.problem.sensing.MeasurementOperator;

/**
 * Certified global references f_ref for matrix sensing: the convex re-parameterizations of README, “How a run
 * ends”, solved by accelerated proximal gradient to an explicit duality gap.
 *
 * <p><b>Problems.</b> With 𝒜: R^{d×d} → R^n the measurement operator, y ∈ R^n and f(M) = (1/n)‖𝒜(M) − y‖²:
 * <ul>
 *   <li>{@link #nuclearNorm}: P(M) = f(M) + 2λ‖M‖_* over all d×d M (asymmetric UVᵀ models: by
 *       ‖M‖_* = min_{UVᵀ=M} (‖U‖_F² + ‖V‖_F²)/2 its optimum equals the factored optimum once R ≥ rank).</li>
 *   <li>{@link #psdTrace}: P(M) = f(M) + ⟨Λ, M⟩ over symmetric M ⪰ 0, Λ = λI + C symmetric positive definite
 *       (symmetric UUᵀ models with regularizer λ‖U‖_F² + ⟨C, UUᵀ⟩ = ⟨Λ, UUᵀ⟩). 𝒜 need not be symmetric:
 *       on symmetric M only sym(A_i) = (A_i + A_iᵀ)/2 matters, and the gradient is symmetrized.</li>
 * </ul>
 *
 * <p><b>Primal method.</b> FISTA (Beck &amp; Teboulle, SIAM J. Imaging Sci. 2(1), 2009) with gradient-based
 * adaptive restart (O'Donoghue &amp; Candès, Found. Comput. Math. 15, 2015): from M₀ = 0, t₀ = 1,
 * <pre>
 *   t_{k+1} = (1 + √(1 + 4t_k²))/2,   Y = M_k + ((t_k − 1)/t_{k+1})·(M_k − M_{k−1}),
 *   M_{k+1} = prox_{g/L}(Y − ∇f(Y)/L),   ∇f(M) = (2/n)·𝒜*(𝒜(M) − y)   (symmetrized for psdTrace),
 *   restart (t_{k+1} ← 1) when ⟨Y − M_{k+1}, M_{k+1} − M_k⟩ &gt; 0.
 * </pre>
 * The proximal maps are singular value soft-thresholding at 2λ/L (M = U·max(Σ − 2λ/L, 0)·Vᵀ) for the nuclear
 * norm, and projection onto the PSD cone of Y − ∇f(Y)/L − Λ/L (eigendecomposition, negative eigenvalues
 * clipped) for the trace problem. L = 1.05·(2/n)·‖𝒜‖₂², with ‖𝒜‖₂² = λ_max(𝒜*𝒜) from a few dozen
 * {@link Lanczos} steps; a backtracking test (1/n)‖𝒜(M_{k+1} − Y)‖² ≤ (L/2)‖M_{k+1} − Y‖² doubles L if the
 * estimate was low. By linearity 𝒜(Y) and ∇f(Y) are combinations of the stored 𝒜(M_k), ∇f(M_k), so an
 * iteration costs one 𝒜 and one 𝒜* plus a d×d SVD or eigendecomposition.
 *
 * <p><b>Dual certificate</b> (Fenchel duality, P = h∘𝒜 + g with h(z) = (1/n)‖z − y‖²,
 * h*(w) = ⟨w, y⟩ + (n/4)‖w‖²): for every w,
 * <pre>
 *   D(w) = −⟨w, y⟩ − (n/4)‖w‖²   if −𝒜*(w) ∈ dom g*,   D(w) ≤ P(M) for every feasible M (weak duality),
 *   nuclear norm: dom g* = {Z : ‖Z‖₂ ≤ 2λ}          (‖·‖₂ the largest singular value),
 *   PSD trace:   dom g* = {Z : Z ⪯ Λ}, i.e. Λ + sym(𝒜*(w)) ⪰ 0.
 * </pre>
 * At each iterate the candidate is w = (2/n)(𝒜(M_k) − y), optimal at the optimum, so Z = 𝒜*(w) = ∇f(M_k) is
 * already computed. It is made feasible by scaling: t·w is feasible for t in an interval [t_lo, t_hi] ∋ 0
 * (nuclear: |t| ≤ 2λ/‖Z‖₂; PSD: with Λ = LLᵀ and β_i the eigenvalues of L⁻¹·sym(Z)·L⁻ᵀ,
 * t_hi = 1/max(0, −β_min), t_lo = −1/max(0, β_max), the exact interval of Λ + t·sym(Z) ⪰ 0), and D(t·w),
 * a concave quadratic in t, is maximized over that interval: t = clamp(−2⟨w, y⟩/(n‖w‖²), t_lo, t_hi). This
 * includes the textbook choice t = min(1, 2λ/‖Z‖₂); the exact PSD interval (rather than the sufficient
 * t ≤ λ_min(Λ)/(−λ_min(sym Z))) is what lets the gap close when C ≠ 0. The gap reported is
 * min_k P(M_k) − max_k D(t_k w_k) ≥ 0.
 *
 * <p><b>Result.</b> {@link Reference#value()} = P at the best iterate: an upper bound of the optimum p* with
 * p* ≥ value − dualityGap. The solve stops when dualityGap ≤ gapTol (absolute; callers pass a tolerance
 * times f(0) = (1/n)‖y‖²) or after maxIter iterations, and then still returns its (larger) gap for the row.
 * {@link Reference#rank()} counts singular values (eigenvalues) of the best iterate above
 * {@value #RANK_RELATIVE}·σ₁; thresholding makes the iterates exactly low rank, so this is robust.
 *
 * <p>Every method is a pure function of its arguments (the Lanczos start vector has a fixed seed), allocates
 * per call only, and is safe to call concurrently (given a thread-safe operator, as the contract requires).
 */
public final class ConvexReference {

    /** Singular values (eigenvalues) above this fraction of the largest count towards the reference rank. */
    public static final double RANK_RELATIVE = 1e-6;

    /** Margin over the Lanczos estimate of ‖𝒜‖₂², which is a Ritz value and so approaches it from below. */
    private static final double LIPSCHITZ_SAFETY = 1.05;

    /** Lanczos steps for λ_max(𝒜*𝒜): the top of a Gaussian spectrum is resolved to ~1e-3 in a few dozen. */
    private static final int LIPSCHITZ_ITERATIONS = 40;

    private static final double LIPSCHITZ_TOL = 1e-6;

    /** Fixed start-vector seed: the estimate of L is a pure function of the operator. */
    private static final long LIPSCHITZ_SEED = 0x6C697073L;

    /**
     * Relative rounding allowance of the backtracking test: 𝒜(M_{k+1} − Y) is formed as a difference of
     * residuals of size ‖r‖, so differences below ~1e-12‖r‖ are noise and must not inflate L.
     */
    private static final double BACKTRACK_NOISE = 1e-12;

    /** L doubles at most this often per step (2^60 ≈ 1e18 covers any estimate; more means broken input). */
    private static final int MAX_DOUBLINGS = 60;

    private static final BLAS BLAS_IMPL = BLAS.getInstance();
    private static final LAPACK LAPACK_IMPL = LAPACK.getInstance();

    private ConvexReference() {
    }

    /**
     * The certified reference: {@code value} = P(M) at the best iterate (an upper bound of the optimum, within
     * {@code dualityGap} of it), the duality gap reached, the numerical rank of M, the iterations used and how
     * the reference was made.
     */
    public record Reference(double value, double dualityGap, int rank, int iterations, ReferenceKind kind) {
    }

    /** A reference together with the d×d column-major minimizer it was evaluated at (for tests). */
    record Solution(Reference reference, double[] matrix) {
    }

    /**
     * min_M (1/n)‖𝒜(M) − y‖² + 2λ‖M‖_* over all d×d M, to an absolute duality gap {@code gapTol}.
     *
     * @param op      the measurement operator (n = count, d = dim)
     * @param y       the n measurements (not modified)
     * @param lambda  λ &gt; 0 (for λ = 0 the noiseless reference is exactly 0: {@link ReferenceKind#ZERO})
     * @param gapTol  absolute gap at which to stop (≥ 0)
     * @param maxIter iteration cap (≥ 0)
     * @throws IllegalArgumentException naming the parameter if an argument breaks its rule
     */
    public static Reference nuclearNorm(MeasurementOperator op, double[] y, double lambda, double gapTol,
                                        int maxIter) {
        return solveNuclearNorm(op, y, lambda, gapTol, maxIter).reference();
    }

    /**
     * min_{M ⪰ 0} (1/n)‖𝒜(M) − y‖² + ⟨Λ, M⟩ over symmetric d×d M, to an absolute duality gap {@code gapTol}.
     *
     * @param op      the measurement operator (need not be symmetric)
     * @param y       the n measurements (not modified)
     * @param penalty Λ = λI + C, d×d column-major, symmetric positive definite (only its symmetric part
     *                matters; not modified)
     * @param gapTol  absolute gap at which to stop (≥ 0)
     * @param maxIter iteration cap (≥ 0)
     * @throws IllegalArgumentException naming the parameter if an argument breaks its rule, in particular if
     *                                  Λ is not positive definite
     */
    public static Reference psdTrace(MeasurementOperator op, double[] y, double[] penalty, double gapTol,
                                     int maxIter) {
        return solvePsdTrace(op, y, penalty, gapTol, maxIter).reference();
    }

    static Solution solveNuclearNorm(MeasurementOperator op, double[] y, double lambda, double gapTol,
                                     int maxIter) {
        checkCommon(op, y, gapTol, maxIter);
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be > 0 and finite for the nuclear-norm reference, got "
                    + lambda + " (λ = 0 without noise has the exact reference 0)");
        }
        return fista(op, y, new NuclearNorm(op.dim(), lambda), gapTol, maxIter, ReferenceKind.NUCLEAR_NORM);
    }

    static Solution solvePsdTrace(MeasurementOperator op, double[] y, double[] penalty, double gapTol,
                                  int maxIter) {
        checkCommon(op, y, gapTol, maxIter);
        Objects.requireNonNull(penalty, "penalty");
        int d = op.dim();
        if (penalty.length != d * d) {
            throw new IllegalArgumentException("penalty must be d×d = " + d * d + " entries, got " + penalty.length);
        }
        for (int i = 0; i < penalty.length; i++) {
            if (!Double.isFinite(penalty[i])) {
                throw new IllegalArgumentException("penalty must be finite, got " + penalty[i] + " at index " + i);
            }
        }
        return fista(op, y, new PsdTrace(d, penalty), gapTol, maxIter, ReferenceKind.PSD_TRACE);
    }

    private static void checkCommon(MeasurementOperator op, double[] y, double gapTol, int maxIter) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(y, "y");
        if (y.length != op.count()) {
            throw new IllegalArgumentException("y must have the operator's count n = " + op.count()
                    + " entries, got " + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y must be finite, got " + y[i] + " at index " + i);
            }
        }
        if (!(gapTol >= 0)) {
            throw new IllegalArgumentException("gapTol must be ≥ 0, got " + gapTol);
        }
        if (maxIter < 0) {
            throw new IllegalArgumentException("maxIter must be ≥ 0, got " + maxIter);
        }
    }

    /** FISTA with restart and the dual certificate described in the class documentation. */
    private static Solution fista(MeasurementOperator op, double[] y, Regularizer reg, double gapTol, int maxIter,
                                  ReferenceKind kind) {
        final int n = op.count();
        final int d = op.dim();
        final int dd = d * d;
        final boolean sym = reg.symmetric();
        double[] m = new double[dd];
        double[] mPrev = new double[dd];
        double[] mNew = new double[dd];
        double[] my = new double[dd];
        double[] v = new double[dd];
        double[] best = new double[dd];
        double[] r = new double[n];
        double[] rPrev = new double[n];
        double[] rNew = new double[n];
        double[] ry = new double[n];
        double[] g = new double[dd];
        double[] gPrev = new double[dd];
        double[] gNew = new double[dd];
        double[] gy = new double[dd];
        double[] wbuf = new double[n];
        double[] interval = new double[2];

        double lip = lipschitz(op, sym);
        for (int i = 0; i < n; i++) {
            r[i] = -y[i];
        }
        gradient(op, r, sym, wbuf, g);
        System.arraycopy(r, 0, rPrev, 0, n);
        System.arraycopy(g, 0, gPrev, 0, dd);
        double regValue = 0;
        int rank = 0;
        double yy = BLAS_IMPL.ddot(n, y, 1, y, 1);

        double bestP = Double.POSITIVE_INFINITY;
        double bestD = Double.NEGATIVE_INFINITY;
        int bestRank = 0;
        double tk = 1;
        int k = 0;
        while (true) {
            double rr = BLAS_IMPL.ddot(n, r, 1, r, 1);
            double p = rr / n + regValue;
            if (p < bestP) {
                bestP = p;
                bestRank = rank;
                System.arraycopy(m, 0, best, 0, dd);
            }
            bestD = Math.max(bestD, dualValue(n, rr, BLAS_IMPL.ddot(n, r, 1, y, 1), reg, g, interval));
            if (bestP - bestD <= gapTol || k >= maxIter) {
                break;
            }

            double tNext = 0.5 * (1 + Math.sqrt(1 + 4 * tk * tk));
            double beta = (tk - 1) / tNext;
            combine(dd, m, mPrev, beta, my);
            combine(n, r, rPrev, beta, ry);
            combine(dd, g, gPrev, beta, gy);
            double ryNorm = Math.sqrt(BLAS_IMPL.ddot(n, ry, 1, ry, 1));
            int doublings = 0;
            while (true) {
                for (int i = 0; i < dd; i++) {
                    v[i] = my[i] - gy[i] / lip;
                }
                regValue = reg.prox(v, 1.0 / lip, mNew);
                op.apply(mNew, rNew);
                double dm2 = 0;
                for (int i = 0; i < dd; i++) {
                    double e = mNew[i] - my[i];
                    dm2 += e * e;
                }
                double da2 = 0;
                for (int i = 0; i < n; i++) {
                    rNew[i] -= y[i];
                    double e = rNew[i] - ry[i];
                    da2 += e * e;
                }
                double noise = BACKTRACK_NOISE * (Math.sqrt(BLAS_IMPL.ddot(n, rNew, 1, rNew, 1)) + ryNorm
                        + Math.sqrt(yy));
                if (da2 / n <= 0.5 * lip * dm2 + (2 * Math.sqrt(da2) * noise + noise * noise) / n) {
                    break; // (NaN compares false and backtracks)
                }
                if (++doublings > MAX_DOUBLINGS) {
                    throw new ArithmeticException("FISTA backtracking failed: the operator gave non-finite or "
                            + "inconsistent values (L = " + lip + ")");
                }
                lip *= 2;
            }
            rank = reg.rank();
            gradient(op, rNew, sym, wbuf, gNew);

            double restart = 0;
            for (int i = 0; i < dd; i++) {
                restart += (my[i] - mNew[i]) * (mNew[i] - m[i]);
            }
            tk = restart > 0 ? 1 : tNext;

            double[] t = mPrev;
            mPrev = m;
            m = mNew;
            mNew = t;
            t = rPrev;
            rPrev = r;
            r = rNew;
            rNew = t;
            t = gPrev;
            gPrev = g;
            g = gNew;
            gNew = t;
            k++;
        }
        Reference ref = new Reference(bestP, bestP - bestD, bestRank, k, kind);
        return new Solution(ref, best);
    }

    /** out = a + beta·(a − b). */
    private static void combine(int len, double[] a, double[] b, double beta, double[] out) {
        for (int i = 0; i < len; i++) {
            out[i] = a[i] + beta * (a[i] - b[i]);
        }
    }

    /** out = ∇f = 𝒜*((2/n)·res), symmetrized when {@code sym}. */
    private static void gradient(MeasurementOperator op, double[] res, boolean sym, double[] wbuf, double[] out) {
        int n = res.length;
        for (int i = 0; i < n; i++) {
            wbuf[i] = 2.0 * res[i] / n;
        }
        op.adjoint(wbuf, out);
        if (sym) {
            symmetrize(op.dim(), out);
        }
    }

    private static void symmetrize(int d, double[] a) {
        for (int j = 0; j < d; j++) {
            for (int i = j + 1; i < d; i++) {
                double s = 0.5 * (a[i + d * j] + a[j + d * i]);
                a[i + d * j] = s;
                a[j + d * i] = s;
            }
        }
    }

    /**
     * max_t D(t·w) over the feasible interval, for w = (2/n)·r: ⟨w, y⟩ = (2/n)·ry, ‖w‖² = (4/n²)·rr, and
     * {@code z} = 𝒜*(w) (symmetrized for the PSD problem).
     */
    private static double dualValue(int n, double rr, double ry, Regularizer reg, double[] z, double[] interval) {
        double wy = 2.0 * ry / n;
        double ww = 4.0 * rr / ((double) n * n);
        if (ww == 0) {
            return 0;
        }
        reg.dualInterval(z, interval);
        double t = Math.max(interval[0], Math.min(interval[1], -2.0 * wy / (n * ww)));
        return -t * wy - 0.25 * n * t * t * ww;
    }

    /** L = 1.05·(2/n)·λ_max(𝒜*𝒜) (on symmetric matrices for the PSD problem). */
    private static double lipschitz(MeasurementOperator op, boolean sym) {
        int n = op.count();
        int d = op.dim();
        int dd = d * d;
        double[] image = new double[n];
        double[] in = new double[dd];
        Lanczos.Result top = Lanczos.smallest(dd, (x, out) -> {
            System.arraycopy(x, 0, in, 0, dd);
            if (sym) {
                symmetrize(d, in);
            }
            op.apply(in, image);
            op.adjoint(image, out);
            if (sym) {
                symmetrize(d, out);
            }
            for (int i = 0; i < dd; i++) {
                out[i] = -out[i];
            }
        }, LIPSCHITZ_ITERATIONS, LIPSCHITZ_TOL, LIPSCHITZ_SEED);
        double normSquared = -top.value();
        if (!(normSquared > 0) || Double.isInfinite(normSquared)) {
            return 1.0; // 𝒜 = 0 (or not finite): f is constant, any step works and the gap check decides
        }
        return LIPSCHITZ_SAFETY * 2.0 * normSquared / n;
    }

    /** The non-smooth part g: its proximal map, rank of the last prox output, and the dual feasible interval. */
    private interface Regularizer {

        /** Whether M is restricted to symmetric matrices (then gradients are symmetrized). */
        boolean symmetric();

        /** out = argmin_M g(M) + (1/(2·step))‖M − v‖²; returns g(out). {@code v} may be overwritten. */
        double prox(double[] v, double step, double[] out);

        /** The numerical rank of the last {@link #prox} output. */
        int rank();

        /** [t_lo, t_hi] = {t : −t·z ∈ dom g*}, written into {@code interval}. */
        void dualInterval(double[] z, double[] interval);
    }

    /** g(M) = 2λ‖M‖_*. */
    private static final class NuclearNorm implements Regularizer {
        private final int d;
        private final double twoLambda;
        private final Svd.Workspace svd;
        private final double[] s;
        private final double[] u;
        private final double[] vt;
        private int rank;

        NuclearNorm(int d, double lambda) {
            this.d = d;
            this.twoLambda = 2 * lambda;
            this.svd = new Svd.Workspace(d, d);
            this.s = new double[d];
            this.u = new double[d * d];
            this.vt = new double[d * d];
        }

        @Override
        public boolean symmetric() {
            return false;
        }

        @Override
        public double prox(double[] v, double step, double[] out) {
            double tau = twoLambda * step;
            svd.decompose(v, s, u, vt);
            int kept = 0;
            double sum = 0;
            // s is descending: the kept singular values are a leading block.
            while (kept < d && s[kept] > tau) {
                double shrunk = s[kept] - tau;
                BLAS_IMPL.dscal(d, shrunk, u, d * kept, 1);
                s[kept] = shrunk;
                sum += shrunk;
                kept++;
            }
            rank = 0;
            while (rank < kept && s[rank] > RANK_RELATIVE * s[0]) {
                rank++;
            }
            if (kept == 0) {
                Arrays.fill(out, 0, d * d, 0.0);
            } else {
                BLAS_IMPL.dgemm("N", "N", d, d, kept, 1.0, u, d, vt, d, 0.0, out, d);
            }
            return twoLambda * sum;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public void dualInterval(double[] z, double[] interval) {
            svd.decompose(z, s, null, null);
            double tMax = s[0] > 0 ? twoLambda / s[0] : Double.POSITIVE_INFINITY;
            interval[0] = -tMax;
            interval[1] = tMax;
        }
    }

    /** g(M) = ⟨Λ, M⟩ + indicator{M ⪰ 0}. */
    private static final class PsdTrace implements Regularizer {
        private final int d;
        private final double[] penalty;
        private final double[] chol;
        private final SymmetricEigen.Workspace eig;
        private final double[] values;
        private final double[] vectors;
        private final double[] scratch;
        private int rank;

        PsdTrace(int d, double[] lambdaMatrix) {
            this.d = d;
            this.penalty = lambdaMatrix.clone();
            symmetrize(d, penalty);
            this.eig = new SymmetricEigen.Workspace(d);
            this.values = new double[d];
            this.vectors = new double[d * d];
            this.scratch = new double[d * d];
            this.chol = penalty.clone();
            intW info = new intW(0);
            synchronized (Lapack.LOCK) {
                LAPACK_IMPL.dpotrf("L", d, chol, d, info);
            }
            if (info.val != 0) {
                eig.decompose(penalty, values, null);
                throw new IllegalArgumentException("penalty Λ = λI + C must be symmetric positive definite, got "
                        + "λ_min(Λ) = " + values[0] + " (the PSD-trace dual needs Λ ≻ 0)");
            }
        }

        @Override
        public boolean symmetric() {
            return true;
        }

        @Override
        public double prox(double[] v, double step, double[] out) {
            for (int i = 0; i < d * d; i++) {
                v[i] -= step * penalty[i];
            }
            eig.decompose(v, values, vectors);
            // values ascend: the positive eigenvalues are a trailing block of columns.
            int first = d;
            while (first > 0 && values[first - 1] > 0) {
                first--;
            }
            int kept = d - first;
            rank = 0;
            for (int j = first; j < d; j++) {
                BLAS_IMPL.dscal(d, Math.sqrt(values[j]), vectors, d * j, 1);
                if (values[j] > RANK_RELATIVE * values[d - 1]) {
                    rank++;
                }
            }
            if (kept == 0) {
                Arrays.fill(out, 0, d * d, 0.0);
                return 0;
            }
            BLAS_IMPL.dsyrk("L", "N", d, kept, 1.0, vectors, d * first, d, 0.0, out, 0, d);
            for (int j = 0; j < d; j++) {
                for (int i = j + 1; i < d; i++) {
                    out[j + d * i] = out[i + d * j];
                }
            }
            return BLAS_IMPL.ddot(d * d, penalty, 1, out, 1);
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public void dualInterval(double[] z, double[] interval) {
            // Λ + t·Z ⪰ 0  ⇔  I + t·B ⪰ 0 with B = L⁻¹ Z L⁻ᵀ.
            System.arraycopy(z, 0, scratch, 0, d * d);
            BLAS_IMPL.dtrsm("L", "L", "N", "N", d, d, 1.0, chol, d, scratch, d);
            BLAS_IMPL.dtrsm("R", "L", "T", "N", d, d, 1.0, chol, d, scratch, d);
            eig.decompose(scratch, values, null);
            double lo = values[0];
            double hi = values[d - 1];
            interval[1] = lo < 0 ? -1.0 / lo : Double.POSITIVE_INFINITY;
            interval[0] = hi > 0 ? -1.0 / hi : Double.NEGATIVE_INFINITY;
        }
    }
}
