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
     * GRAM exactly when the operator is dense and n &gt; d²/2, else MEASURED: a pure function of the operator's
     * kind and size, never of timing. Past n = d²/2 the packed H (≈ d⁴/2 doubles) is smaller than 𝐀 (n·d²) while
     * being read once per evaluation instead of twice, so it costs less memory traffic and never more than doubles
     * the instance's memory. Structured operators (rank-one, entry sampling) already cost O(n·d·R) or O(n·R) per
     * call, far below d⁴.
     *
     * @param denseOperator whether 𝒜 is kept as the dense n×d² matrix 𝐀
     * @param n             measurements
     * @param d             side of the measured matrices
     */
    public static DataForm preferred(boolean denseOperator, int n, int d) {
        return denseOperator && 2L * n > (long) d * d ? GRAM : MEASURED;
    }
}
