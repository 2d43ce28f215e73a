package org.overparam.problem.sensing;

import org.overparam.linalg.Dense;

/**
 * The data term through the instance's Gram form ({@link Gram}: H = 𝐀ᵀ𝐀 packed, b = 𝐀ᵀy, c = yᵀy): with
 * e = vec(X) and h = He − b,
 *
 * <pre>
 *   D(X) = (1/n)(eᵀh − bᵀe + c),    G = mat(h),    S = mat(H vec(Δ)),
 * </pre>
 *
 * so an evaluation reads H's packed triangle once (d²(d²+1)/2 doubles, 2d⁴ flops) and never touches 𝐀;
 * {@link #along} advances the point and the direction in the same single pass (a two-vector product), so a
 * Hessian–vector product costs one pass too. G·F and S·F are d×d by d×R GEMMs.
 *
 * <p><b>Accuracy.</b> D is a difference of O(c) terms (eᵀHe ≈ 2bᵀe ≈ c near a fit), so its rounding error is
 * relative to c = yᵀy, not to D. With u = 2⁻⁵³, γ_k = ku/(1 − ku), m = d² and κ = ‖|𝐀||e|‖/‖y‖, the standard
 * bounds for H, b, c (natural-order sums of n terms), the product He (m terms) and the two dot products (m
 * terms) give, to first order in u,
 *
 * <pre>
 *   |D̂ − D| ≤ γ_{n+2m+4} (‖|𝐀||e|‖ + ‖y‖)² / n = γ_{n+2m+4} (1 + κ)² · c/n,     c/n = f(0) = f0,
 * </pre>
 *
 * i.e. a floor of order ε·f0 that does not shrink with the residual, whereas the measured form's error is
 * proportional to ‖res‖ and vanishes at a fit. Near a fit κ ≈ ‖|𝐀||e|‖/‖𝐀e‖, which for Gaussian 𝐀 is about
 * √(2/π)‖e‖₁/‖e‖₂ ≤ 0.8·d, so the worst case at d = 50, n = 2500 is ≈ 1.4e-9·f0; rounding errors that do not
 * conspire stay far below it: at noiseless fits with d = 50, n = 1251 and 2500, |D̂| ≤ 5e-15·f0. Both sit far
 * below the solver's target (1e-7·f0 by default). Likewise G carries an absolute error up to
 * γ_{n+m+1}·|𝐀|ᵀ(|𝐀||e| + |y|) entrywise: at those fits ‖∇f‖ came out ≈ 1.5e-15·f0 (measured form: 1e-16·f0),
 * far below the default gradient tolerance 1e-8·f0.
 *
 * <p>The value's floor does matter to a line search: near a fit f − f* scales like ‖∇f‖², so the gradient
 * tolerance 1e-8·f0 is met only around f − f* ≈ 1e-16·f0, where a plain Armijo test compares rounding errors
 * and stalls. {@link #valueErrorFloor} reports the bound above with κ = 1, 4γ_{n+2m+4}·f0 (an estimate about a
 * thousand times the errors seen at d = 50, not a bound), and the solver's approximate Armijo test counts a rise
 * of f up to it as rounding, deciding by the accurate gradients instead. The reported loss column does not use
 * this form: the models compute {@code dataLoss} from residuals through 𝐀.
 */
final class GramDataTerm implements DataTerm {

    /** u = 2⁻⁵³. */
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private final Gram gram;
    private final int d;
    private final int m;
    private final int n;
    private final int rank;
    private final double[] b;
    private final double c;
    private final double valueErrorFloor;
    /** e = vec(X) in [0, m), vec(Δ) in [m, 2m). */
    private final double[] points;
    /** h = He − b in [0, m), H vec(Δ) in [m, 2m). */
    private final double[] images;

    GramDataTerm(SensingInstance instance, int rank) {
        this.gram = instance.gram();
        this.d = instance.dim();
        this.m = gram.side();
        this.n = gram.count();
        this.rank = rank;
        this.b = gram.bShared();
        this.c = gram.c();
        double k = n + 2.0 * m + 4;
        this.valueErrorFloor = 4 * (k * UNIT_ROUNDOFF / (1 - k * UNIT_ROUNDOFF)) * c / n;
        this.points = new double[2 * m];
        this.images = new double[2 * m];
    }

    @Override
    public DataForm form() {
        return DataForm.GRAM;
    }

    /** 4γ_{n+2m+4}·c/n: the first-order error bound of D with κ = 1 (see the class comment). */
    @Override
    public double valueErrorFloor() {
        return valueErrorFloor;
    }

    @Override
    public double at(double[] u, double[] v) {
        stage(u, v);
        gram.multiply(1, points, images);
        return finish();
    }

    /**
     * The first half of {@link #at}: e = vec(UVᵀ) into {@link #point()}. {@link GramLanes} stages every lane, forms
     * He for all of them in one pass over H into their {@link #image()}s, and finishes each: the bits of {@link #at}.
     */
    void stage(double[] u, double[] v) {
        Dense.gemm(false, true, d, d, rank, 1.0, u, v, 0.0, points);
    }

    /** The second half of {@link #at}, once {@link #image()}[0, m) holds He: h = He − b and D. */
    double finish() {
        residualImage();
        double eh = 0;
        double be = 0;
        for (int i = 0; i < m; i++) {
            eh += points[i] * images[i];
            be += b[i] * points[i];
        }
        return (eh - be + c) / n;
    }

    /** The staged point: e = vec(X) in entries [0, m). */
    double[] point() {
        return points;
    }

    /** Where He goes: entries [0, m). */
    double[] image() {
        return images;
    }

    /** The instance's Gram form this term reads. */
    Gram gram() {
        return gram;
    }

    @Override
    public void along(double[] u, double[] v, double[] du, double[] dv) {
        Dense.gemm(false, true, d, d, rank, 1.0, u, 0, v, 0, 0.0, points, 0);
        Dense.gemm(false, true, d, d, rank, 1.0, du, 0, v, 0, 0.0, points, m);
        Dense.gemm(false, true, d, d, rank, 1.0, u, 0, dv, 0, 1.0, points, m);
        gram.multiply(2, points, images);
        residualImage();
    }

    @Override
    public void alongSymmetric(double[] u, double[] du) {
        along(u, u, du, du);
    }

    @Override
    public void residualTimes(double[] f, double[] g, double[] outF, double[] outG) {
        times(0, f, g, outF, outG);
    }

    @Override
    public void residualSymmetrizedTimes(double[] f, double[] out) {
        symmetrizedTimes(0, f, out);
    }

    @Override
    public void curvatureTimes(double[] f, double[] g, double[] outF, double[] outG) {
        times(m, f, g, outF, outG);
    }

    @Override
    public void curvatureSymmetrizedTimes(double[] f, double[] out) {
        symmetrizedTimes(m, f, out);
    }

    /** h = He − b in place over images[0, m). */
    private void residualImage() {
        for (int i = 0; i < m; i++) {
            images[i] -= b[i];
        }
    }

    /** outF = M·F, outG = Mᵀ·F′ for the d×d matrix M at images[off]. */
    private void times(int off, double[] f, double[] g, double[] outF, double[] outG) {
        Dense.gemm(false, false, d, rank, d, 1.0, images, off, f, 0, 0.0, outF, 0);
        Dense.gemm(true, false, d, rank, d, 1.0, images, off, g, 0, 0.0, outG, 0);
    }

    /** out = (M + Mᵀ)·F for the d×d matrix M at images[off]. */
    private void symmetrizedTimes(int off, double[] f, double[] out) {
        Dense.gemm(false, false, d, rank, d, 1.0, images, off, f, 0, 0.0, out, 0);
        Dense.gemm(true, false, d, rank, d, 1.0, images, off, f, 0, 1.0, out, 0);
    }
}
