package org.overparam.problem.maxcut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.overparam.certify.Curvature;
import org.overparam.certify.DualCertificate;

/**
 * The example of a spurious second-order point at p = 2 that conf/sweeps/maxcut-explicit.yaml sweeps (README,
 * “Families”): n = 4, C = [[M, M], [M, M]] with M = (1 + c)I − c·11ᵀ and c = 1/(p − 1.5) = 2, i.e.
 * M = [[1, −2], [−2, 1]].
 *
 * <p>By hand: at Y = [I; −I], CY = 0, so f = 0, grad f = 0, μ = 0 and S = C, whose eigenvalues are
 * {0, 2} ⊗ {−1, 3} = {−2, 0, 0, 6}: the certificate fails with λ_min(S) = −2 and the dual bound is
 * 0 − 4·2 = −8. The tangent space is spanned by (a·e₂; b·e₁; c·e₂; d·e₁), on which ⟨ξ, Hess ξ⟩ = 2⟨ξ, Cξ⟩ =
 * 2((b + d)² + (a + c)²) ≥ 0: second-order critical, with tangent λ_min = 0. At the all-equal-rows point
 * f = Σ_ij C_ij = −8, μ = C1 = −2·1 and S = C + 2I ⪰ 0 with λ_min = 0: the SDP optimum is −8.
 */
class SpuriousPointTest {

    private static final int N = 4;
    private static final int P = 2;

    /** Every quantity here is a small integer computed exactly or by an 8×8 / 4×4 eigensolve: rounding only. */
    private static final double TOL = 1e-12;

    private static MaxCutInstance instance() {
        double c = 1 / (P - 1.5);
        double[] m = {1 + c - c, -c, -c, 1 + c - c};
        double[] cost = new double[N * N];
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                cost[i + N * j] = m[(i % 2) + 2 * (j % 2)];
            }
        }
        return MaxCutInstance.of(N, cost);
    }

    /** Rows e₁, e₂, −e₁, −e₂ (column-major 4×2). */
    private static final double[] SPURIOUS = {1, 0, -1, 0, 0, 1, 0, -1};

    /** Every row (1, 0). */
    private static final double[] EQUAL_ROWS = {1, 1, 1, 1, 0, 0, 0, 0};

    @Test
    void spuriousPointIsSecondOrderCriticalButNotCertified() {
        BurerMonteiro model = instance().model(P);
        double[] g = new double[N * P];
        assertEquals(0.0, model.valueAndGradient(SPURIOUS, g), TOL);
        assertArrayEquals(new double[N * P], g, TOL, "zero Riemannian gradient");

        double tangentMin = MaxCutFixtures.tangentMinEigenvalue(model, N, P, SPURIOUS);
        assertTrue(tangentMin >= -TOL, "PSD Riemannian Hessian on the tangent space, λ_min = " + tangentMin);
        assertEquals(0.0, tangentMin, TOL, "λ_min over the tangent space (by hand: 0)");
        assertEquals(tangentMin, Curvature.dense(model, SPURIOUS).minEigenvalue(), TOL,
                "the model's operator on R^{np} has the same λ_min");

        DualCertificate cert = model.dualCertificate(SPURIOUS);
        assertEquals(-2.0, cert.minEigenvalue(), TOL, "λ_min(S) = λ_min(C)");
        assertFalse(cert.certified(1e-6));
        assertEquals(0.0, cert.value(), TOL);
        assertEquals(8.0, cert.gap(), TOL);
        assertEquals(-8.0, cert.lowerBound(), TOL, "the bound is the optimum here");
        assertTrue(cert.residual() <= TOL, "eigen-residual " + cert.residual());
    }

    @Test
    void equalRowsPointIsOptimalAndCertified() {
        BurerMonteiro model = instance().model(P);
        double[] g = new double[N * P];
        assertEquals(-8.0, model.valueAndGradient(EQUAL_ROWS, g), TOL);
        assertArrayEquals(new double[N * P], g, TOL);
        DualCertificate cert = model.dualCertificate(EQUAL_ROWS);
        assertTrue(cert.minEigenvalue() >= -TOL, "λ_min(S) = " + cert.minEigenvalue());
        assertEquals(0.0, cert.minEigenvalue(), TOL);
        assertTrue(cert.certified(TOL));
        assertEquals(-8.0, cert.lowerBound(), TOL);
        assertEquals(0.0, cert.gap(), TOL);
        assertTrue(MaxCutFixtures.tangentMinEigenvalue(model, N, P, EQUAL_ROWS) >= -TOL);
    }

    @Test
    void costMatchesTheIssue() {
        double[] c = instance().cost();
        // Block [[M, M], [M, M]] with M = [[1, −2], [−2, 1]], i.e. C_ij = 1 if i ≡ j (mod 2) else −2.
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                assertEquals(i % 2 == j % 2 ? 1.0 : -2.0, c[i + N * j], 0.0);
            }
        }
    }
}
