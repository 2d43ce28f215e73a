package org.overparam.problem.sensing;

import java.util.Objects;

/**
 * The data term D(X) = (1/n)‖𝒜(X) − y‖² of a factored sensing model at X = U Vᵀ (U, V d×R column-major), and the
 * two d×d matrices its derivatives are made of, which the models only ever multiply by d×R factors:
 *
 * <pre>
 *   G = 𝒜*(𝒜(X) − y)        the residual image (∇_X D = (2/n) G),
 *   S = 𝒜*(𝒜(Δ))            the curvature image along a direction Δ = dU Vᵀ + U dVᵀ (∇²_X D[Δ] = (2/n) S).
 * </pre>
 *
 * {@link AsymmetricSensing} and {@link SymmetricSensing} are written against this interface alone; the two forms
 * differ only in how G and S are reached: {@link MeasuredDataTerm} through the operator (residuals, then the
 * adjoint), {@link GramDataTerm} through the instance's shared H = 𝐀ᵀ𝐀 (G = mat(He − b), S = mat(H vec Δ)).
 *
 * <p>One per objective, so one per run: it keeps the last point (and direction) in its own scratch, is not
 * thread-safe, and allocates nothing after construction. Products refer to the point of the last {@link #at},
 * {@link #along} or {@link #alongSymmetric}, and the curvature products to the direction of the last
 * {@code along…}.
 */
sealed interface DataTerm permits MeasuredDataTerm, GramDataTerm {

    /**
     * The data term of {@code form} for factors of {@code rank} columns on {@code instance}: {@code measured}
     * itself for MEASURED (an objective keeps one measured term in any case, for its exact loss and its Jacobian
     * products), a Gram term sharing the instance's H for GRAM.
     *
     * @throws IllegalArgumentException if {@code form} is GRAM and {@link DataForm#preferred} does not choose it
     *                                  for the instance's operator (the Gram form is built only where it pays)
     */
    static DataTerm of(SensingInstance instance, int rank, DataForm form, MeasuredDataTerm measured) {
        Objects.requireNonNull(form, "form must not be null");
        return switch (form) {
            case MEASURED -> measured;
            case GRAM -> {
                if (DataForm.preferred(instance.operator()) != DataForm.GRAM) {
                    throw new IllegalArgumentException("the Gram form needs a dense operator with n ≥ 2d²/5, got "
                            + instance.operator());
                }
                yield new GramDataTerm(instance, rank);
            }
        };
    }

    DataForm form();

    /**
     * An absolute size of D's rounding error that does not shrink with D ({@link
     * org.overparam.problem.Objective#valueErrorFloor}): 0 when D comes from residuals.
     */
    double valueErrorFloor();

    /** Sets the point X = U Vᵀ and returns D(X). */
    double at(double[] u, double[] v);

    /** Sets the point X = U Vᵀ and the direction Δ = dU Vᵀ + U dVᵀ. */
    void along(double[] u, double[] v, double[] du, double[] dv);

    /** Sets the point X = U Uᵀ and the direction Δ = dU Uᵀ + U dUᵀ (the symmetric model's). */
    void alongSymmetric(double[] u, double[] du);

    /** outF = G·F and outG = Gᵀ·F′ for d×R factors F = {@code f}, F′ = {@code g}. */
    void residualTimes(double[] f, double[] g, double[] outF, double[] outG);

    /** out = (G + Gᵀ)·F. */
    void residualSymmetrizedTimes(double[] f, double[] out);

    /**
     * Sets the point X = U Uᵀ, writes (G + Gᵀ)·U into {@code out} and returns D(X): the symmetric model's value and
     * gradient factor, which the measured form of a symmetric operator computes in one pass
     * ({@link MeasurementOperator#residualAndAdjoint}).
     */
    default double atSymmetricWithResidualTimes(double[] u, double[] out) {
        double value = at(u, u);
        residualSymmetrizedTimes(u, out);
        return value;
    }

    /** outF = S·F and outG = Sᵀ·F′. */
    void curvatureTimes(double[] f, double[] g, double[] outF, double[] outG);

    /** out = (S + Sᵀ)·F. */
    void curvatureSymmetrizedTimes(double[] f, double[] out);
}
