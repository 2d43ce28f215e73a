package org.overparam.problem.sensing;

/**
 * How a sensing objective evaluates its data term (1/n)‖𝒜(X) − y‖² and the adjoint products of its derivatives.
 *
 * <ul>
 *   <li>{@link #MEASURED}: through the operator on every call — residuals 𝒜(X) − y, then 𝒜*(res). Any operator;
 *       a dense one streams 𝐀 (n·d² doubles) twice per evaluation.</li>
 *   <li>{@link #GRAM}: through H = 𝐀ᵀ𝐀, b = 𝐀ᵀy and c = yᵀy, built once per instance and shared by all its runs;
 *       an evaluation reads H's packed triangle (d²(d²+1)/2 doubles) once. Dense operators only.</li>
 * </ul>
 *
 * {@link #preferred} is the one place that decides between them.
 */
public enum DataForm {
    MEASURED,
    GRAM;

    /** The form {@link #preferred(boolean, int, int)} picks for this operator. */
    public static DataForm preferred(MeasurementOperator operator) {
        return preferred(operator instanceof DenseOperator, operator.count(), operator.dim());
    }

    /**
     * GRAM exactly when the operator is dense and n ≥ 2d²/5, else MEASURED: a pure function of the operator's kind
     * and size, never of timing, so a row does not depend on the machine that ran it.
     *
     * <p><b>Where the line comes from.</b> A MEASURED evaluation streams 𝐀 (n·d² doubles) twice, a GEMV and a
     * transposed GEMV; a GRAM one streams the packed H (d²(d²+1)/2 doubles) once, with the SIMD product of
     * {@link org.overparam.linalg.PackedSymmetric}. Timed on one core (AMD EPYC Zen 5, JDK 17, netlib's VectorBLAS;
     * {@code GramBenchmark threshold}, asymmetric model, R = 4), {@code valueAndGradient} costs the same in both forms
     * at n ≈ 0.47d² (d = 16), 0.44d² (d = 24), 0.29–0.36d² (d = 32–40), 0.37–0.39d² (d = 50: 0.5 ms) and 0.36d²
     * (d = 64: 2.1 ms); a Hessian–vector product (two vectors in one pass over H against four passes over 𝐀) breaks
     * even near 0.2–0.36d². The line sits at or just above the value-and-gradient break-even for d ≥ 32, where the
     * time goes, because H also costs its build, n·d²(d²+1)/2 multiply–adds once per instance (about 50 to 300 GRAM
     * evaluations' worth at d = 50, shared by all of the instance's runs); for d ≤ 24, where an evaluation takes
     * microseconds in either form, it is slightly early. The runs of an instance advance in lock-step and share each
     * pass over H ({@link GramLanes}), which moves the break-even of a sweep further down. Past it, H (≈ d⁴/2 doubles) is at most 1.25 times the size
     * of 𝐀. Structured operators (rank-one, entry sampling) already
     * cost O(n·d·R) or O(n·R) per call, far below d⁴.
     *
     * @param denseOperator whether 𝒜 is kept as the dense n×d² matrix 𝐀
     * @param n             measurements
     * @param d             side of the measured matrices
     */
    public static DataForm preferred(boolean denseOperator, int n, int d) {
        return denseOperator && 5L * n >= 2L * d * d ? GRAM : MEASURED;
    }
}
