package org.overparam.problem.relu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.relu.ReluFixtures.norm;
import static org.overparam.problem.relu.ReluFixtures.relativeError;
import static org.overparam.problem.relu.ReluFixtures.spuriousSix;
import static org.overparam.problem.relu.ReluFixtures.teacherPadded;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.certify.Curvature;
import org.overparam.problem.Model;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;
import org.overparam.solve.StepSize;
import org.overparam.solve.StopReason;
import org.overparam.solve.StoppingRule;

/**
 * The spurious local minimum of Safran &amp; Shamir (ICML 2018) at d = r = R = 6, V = I, in the population loss:
 * a strict local minimum with F* ≈ 0.025 &gt; 0 = min F.
 *
 * <p>Golden values from golden/relu_spurious_golden.py (test resources): mpmath at 50 digits, derivatives by
 * central differences of the loss value alone, polished by Newton to ‖∇F‖ &lt; 1e-30. The paper's rounded
 * F* = 0.0250806 agrees.
 */
class SpuriousMinimumTest {

    /** F at the critical point (mpmath, 50 digits). */
    private static final double F_STAR = 0.025080581002463010;

    /** λ_min(∇²F) there (mpmath); it is 4-fold, the standard representation of the S₅ permuting columns 2..6. */
    private static final double LAMBDA_MIN = 0.0047003547035874713;

    /** The gradient-norm target of the polish: ~2 orders below the 10-digit start's 1.6e-10. */
    private static final double POLISH_GRAD = 1e-11;

    /** What the stationarity check asks of the polished point. */
    private static final double STATIONARY_GRAD = 1e-9;

    /**
     * F − F* ≈ ‖∇F‖²/(2λ_min) ≤ 1e-20 once ‖∇F‖ ≤ 1e-11; what is left is the rounding of ~100 kernel terms of
     * size O(1) cancelling to 0.025 (≈1e-14).
     */
    private static final double VALUE_TOL = 1e-12;

    /**
     * The polished point is within ‖∇F‖/λ_min ≈ 2e-9 of the critical point, and the Hessian is Lipschitz with an
     * O(1) constant there, so eigenvalues move by ~1e-9; the dense eigensolver adds rounding of ε·‖H‖ ≈ 5e-16.
     */
    private static final double LAMBDA_TOL = 1e-8;

    /** Perturbation radius (uniform in the ball) and the paper's fixed step. */
    private static final double RADIUS = 1e-2;
    private static final double ETA = 0.1;

    /** GD at step 0.1 contracts the slowest mode by 1 − 0.1·λ_min per step: ~35k steps from 1e-2 to 1e-11. */
    private static final int MAX_ITERATIONS = 200_000;

    /** Returning to the same point (not a column-permuted copy, ≥ 0.3 away): ‖∇F‖/λ_min ≈ 2e-9 at the stop. */
    private static final double RETURN_DISTANCE = 1e-7;

    private static Model model;
    private static double[] polished;
    private static GradientDescent.Descent polish;

    @BeforeAll
    static void polish() {
        model = TeacherStudent.population(6, 6).model(6);
        polished = spuriousSix();
        polish = GradientDescent.minimize(model, polished, GradientDescent.Settings.of(new StepSize.Armijo(1.0),
                StoppingRule.gradNormBelow(POLISH_GRAD).or(StoppingRule.maxIterations(10_000))));
    }

    @Test
    void polishedPointIsStationaryWithThePublishedValue() {
        assertEquals(StopReason.GRADIENT_TOLERANCE, polish.reason());
        assertTrue(polish.gradNorm() <= STATIONARY_GRAD, "gradient norm " + polish.gradNorm());
        assertEquals(F_STAR, polish.value(), VALUE_TOL);
        assertEquals(0.0250806, polish.value(), 1e-7, "the paper's rounded value");
        assertTrue(relativeError(polished, spuriousSix(), 1) < 1e-8, "the polish only moves the 10-digit start");
    }

    @Test
    void hessianIsPositiveDefiniteThere() {
        Curvature c = Curvature.dense(model, polished);
        assertEquals(Curvature.Method.DENSE, c.method());
        assertEquals(LAMBDA_MIN, c.minEigenvalue(), LAMBDA_TOL);
        assertTrue(c.residual() <= 1e-12, "eigenvector residual " + c.residual());
    }

    @ParameterizedTest(name = "perturbation seed={0}")
    @ValueSource(longs = {1, 2, 3})
    void gradientDescentReturnsAfterASmallPerturbation(long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        double[] x = polished.clone();
        double[] direction = ReluFixtures.gaussian(x.length, rng);
        double scale = RADIUS * Math.pow(rng.nextDouble(), 1.0 / x.length) / norm(direction);
        for (int i = 0; i < x.length; i++) {
            x[i] += scale * direction[i];
        }
        GradientDescent.Descent back = GradientDescent.minimize(model, x, GradientDescent.Settings.of(
                new StepSize.Fixed(ETA),
                StoppingRule.gradNormBelow(POLISH_GRAD).or(StoppingRule.maxIterations(MAX_ITERATIONS))));
        assertEquals(StopReason.GRADIENT_TOLERANCE, back.reason());
        assertEquals(polish.value(), back.value(), VALUE_TOL);
        double distance = relativeError(x, polished, 1); // absolute: ‖polished‖ > 1
        assertTrue(distance * norm(polished) <= RETURN_DISTANCE, "returned to within " + distance * norm(polished));
    }

    @Test
    void itIsNotTheGlobalMinimum() {
        assertTrue(polish.value() >= 1e-3, "spurious: F* = " + polish.value());
        double[] v = teacherPadded(6, 6, 6);
        assertEquals(0.0, model.value(v), 1e-14, "F = 0 at W = V");
    }
}
