package org.overparam.problem.maxcut;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.maxcut.MaxCutFixtures.dot;
import static org.overparam.problem.maxcut.MaxCutFixtures.norm;
import static org.overparam.problem.maxcut.MaxCutFixtures.plus;
import static org.overparam.problem.maxcut.MaxCutFixtures.project;
import static org.overparam.problem.maxcut.MaxCutFixtures.relativeError;
import static org.overparam.problem.maxcut.MaxCutFixtures.rowDots;
import static org.overparam.problem.maxcut.MaxCutFixtures.scaled;
import static org.overparam.problem.maxcut.MaxCutFixtures.tangent;
import static org.overparam.problem.maxcut.MaxCutFixtures.unitRows;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.certify.Curvature;
import org.overparam.certify.DualCertificate;
import org.overparam.random.Seeds;

/** The Riemannian gradient and Hessian of {@link BurerMonteiro} against finite differences and their identities. */
class BurerMonteiroDerivativesTest {

    /** f is quadratic in Y, so central differences of f are exact up to rounding ε|f|/h ≈ 1e-11 at h = 1e-4. */
    private static final double H_GRADIENT = 1e-4;
    private static final double GRADIENT_RTOL = 1e-8;

    /**
     * The Euclidean gradient (for the Hessian check, the unprojected-row gradient) is cubic in Y: truncation
     * h²·g'''/6 ≈ 1e-10·‖C‖ and rounding ε‖g‖/h ≈ 1e-11 at h = 1e-5, against O(1) relative errors from a wrong
     * term.
     */
    private static final double H_HESSIAN = 1e-5;
    private static final double HESSIAN_RTOL = 1e-6;

    /**
     * Second difference of t ↦ f(R(Y + tξ)) at t = 1e-4: truncation t²·φ''''/12 ≈ 1e-8·‖C‖ and rounding
     * 4ε|f|/t² ≈ 4e-8·|f|, relative to ‖C‖-sized curvature; a missing −Diag(μ) term is O(1).
     */
    private static final double T_RETRACTION = 1e-4;
    private static final double RETRACTION_RTOL = 1e-5;

    /** Symmetry and normal-shift identities hold up to the rounding of O(n)-term sums. */
    private static final double IDENTITY_RTOL = 1e-12;

    /** Curvature's dense path and the tangent-basis eigenvalue both carry ~N·ε·β rounding. */
    private static final double EIGEN_TOL = 1e-10;

    enum Cost { GAUSSIAN, GRAPH }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Cost cost : Cost.values()) {
            for (int p : new int[] {2, 3, 5}) {
                for (long seed : new long[] {21, 22}) {
                    cases.add(Arguments.of(cost, p, seed));
                }
            }
        }
        return cases.stream();
    }

    private static MaxCutInstance instance(Cost cost, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        return cost == Cost.GAUSSIAN ? MaxCutFixtures.gaussianCost(7, rng) : MaxCutInstance.randomGraph(9, 0.5, rng);
    }

    @ParameterizedTest(name = "{0} p={1} seed={2}")
    @MethodSource("cases")
    void gradientIsTheProjectedEuclideanGradientAndTangent(Cost cost, int p, long seed) {
        MaxCutInstance instance = instance(cost, seed);
        int n = instance.n();
        BurerMonteiro model = instance.model(p);
        double[] y = unitRows(n, p, Seeds.generator(seed + 100));
        double[] g = new double[n * p];
        double value = model.valueAndGradient(y, g);
        assertEquals(model.value(y), value, 1e-13 * instance.scale(), "valueAndGradient returns value(x)");

        double[] euclidean = new double[n * p];
        for (int j = 0; j < euclidean.length; j++) {
            double[] e = new double[n * p];
            e[j] = 1;
            euclidean[j] = (model.value(plus(y, H_GRADIENT, e)) - model.value(plus(y, -H_GRADIENT, e)))
                    / (2 * H_GRADIENT);
        }
        double[] expected = project(n, p, y, euclidean);
        assertTrue(norm(g) > 1e-2, "the check point must not be stationary");
        double err = relativeError(g, expected, 0);
        assertTrue(err <= GRADIENT_RTOL, "Riemannian gradient relative error " + err);
        for (double d : rowDots(n, p, g, y)) {
            assertEquals(0.0, d, IDENTITY_RTOL * norm(g), "⟨grad_i, y_i⟩ = 0");
        }
    }

    @ParameterizedTest(name = "{0} p={1} seed={2}")
    @MethodSource("cases")
    void hessianIsTheSecondDerivativeAlongTheRetraction(Cost cost, int p, long seed) {
        MaxCutInstance instance = instance(cost, seed);
        int n = instance.n();
        BurerMonteiro model = instance.model(p);
        RandomGenerator rng = Seeds.generator(seed + 200);
        double[] y = unitRows(n, p, rng);
        for (int trial = 0; trial < 3; trial++) {
            double[] xi = tangent(n, p, y, rng);
            double[] hx = new double[n * p];
            model.hessianVector(y, xi, hx);
            double[] plus = plus(y, T_RETRACTION, xi);
            double[] minus = plus(y, -T_RETRACTION, xi);
            model.retract(plus);
            model.retract(minus);
            double second = (model.value(plus) - 2 * model.value(y) + model.value(minus))
                    / (T_RETRACTION * T_RETRACTION);
            double curvature = dot(xi, hx);
            assertEquals(second, curvature, RETRACTION_RTOL * (Math.abs(curvature) + instance.maxRowSum()),
                    "⟨ξ, Hess ξ⟩ vs d²/dt² f(R(Y + tξ))");
        }
    }

    @ParameterizedTest(name = "{0} p={1} seed={2}")
    @MethodSource("cases")
    void hessianIsTheProjectedDerivativeOfTheGradient(Cost cost, int p, long seed) {
        MaxCutInstance instance = instance(cost, seed);
        int n = instance.n();
        BurerMonteiro model = instance.model(p);
        RandomGenerator rng = Seeds.generator(seed + 300);
        double[] y = unitRows(n, p, rng);
        double[] xi = tangent(n, p, y, rng);
        double[] hx = new double[n * p];
        model.hessianVector(y, xi, hx);

        double[] gPlus = new double[n * p];
        double[] gMinus = new double[n * p];
        model.valueAndGradient(plus(y, H_HESSIAN, xi), gPlus);
        model.valueAndGradient(plus(y, -H_HESSIAN, xi), gMinus);
        double[] diff = new double[n * p];
        for (int j = 0; j < diff.length; j++) {
            diff[j] = (gPlus[j] - gMinus[j]) / (2 * H_HESSIAN);
        }
        double err = relativeError(hx, project(n, p, y, diff), 0);
        assertTrue(err <= HESSIAN_RTOL, "Riemannian Hessian relative error " + err);
        assertTrue(norm(rowDots(n, p, hx, y)) <= IDENTITY_RTOL * model.normalShift() * n, "Hess ξ is tangent");

        double[] again = new double[n * p];
        model.valueAndGradient(scaled(3, y), gPlus); // disturb the scratch buffers
        model.hessianVector(y, xi, again);
        assertArrayEquals(hx, again, 0.0, "hessianVector depends only on its arguments");
    }

    @ParameterizedTest(name = "{0} p={1} seed={2}")
    @MethodSource("cases")
    void operatorIsSymmetricWithTheShiftOnNormals(Cost cost, int p, long seed) {
        MaxCutInstance instance = instance(cost, seed);
        int n = instance.n();
        BurerMonteiro model = instance.model(p);
        RandomGenerator rng = Seeds.generator(seed + 400);
        double[] y = unitRows(n, p, rng);
        double beta = model.normalShift();
        assertEquals(1 + 4 * instance.maxRowSum(), beta, 0.0);

        // Symmetric on tangent vectors, and on all of R^{np} (the normal block is β·I, no cross terms).
        double[][] pairs = {tangent(n, p, y, rng), tangent(n, p, y, rng),
                MaxCutFixtures.gaussian(n * p, rng), MaxCutFixtures.gaussian(n * p, rng)};
        for (int k = 0; k < pairs.length; k += 2) {
            double[] u = pairs[k];
            double[] v = pairs[k + 1];
            double[] hu = new double[n * p];
            double[] hv = new double[n * p];
            model.hessianVector(y, u, hu);
            model.hessianVector(y, v, hv);
            assertEquals(dot(u, hv), dot(v, hu), IDENTITY_RTOL * (norm(u) * norm(hv) + norm(v) * norm(hu)));
        }

        // Normal vectors a_i·y_i are eigenvectors for β.
        double[] normal = new double[n * p];
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian();
            for (int k = 0; k < p; k++) {
                normal[i + n * k] = a * y[i + n * k];
            }
        }
        double[] hn = new double[n * p];
        model.hessianVector(y, normal, hn);
        assertTrue(relativeError(hn, scaled(beta, normal), 0) <= IDENTITY_RTOL, "Hess[normal] = β·normal");
    }

    @ParameterizedTest(name = "{0} p={1} seed={2}")
    @MethodSource("cases")
    void smallestEigenvalueOverAllDirectionsIsTheTangentOne(Cost cost, int p, long seed) {
        MaxCutInstance instance = instance(cost, seed);
        int n = instance.n();
        BurerMonteiro model = instance.model(p);
        double[] y = unitRows(n, p, Seeds.generator(seed + 500));
        double tangentMin = MaxCutFixtures.tangentMinEigenvalue(model, n, p, y);
        Curvature curvature = Curvature.dense(model, y);
        assertEquals(tangentMin, curvature.minEigenvalue(), EIGEN_TOL * model.normalShift());
        assertTrue(tangentMin < model.normalShift(), "β above every tangent eigenvalue");
        assertEquals(n * (p - 1), model.tangentDimension());
        assertEquals(n * p, model.dimension());
    }

    @ParameterizedTest(name = "{0} p={1} seed={2}")
    @MethodSource("cases")
    void certificateAndLossDelegate(Cost cost, int p, long seed) {
        MaxCutInstance instance = instance(cost, seed);
        int n = instance.n();
        BurerMonteiro model = instance.model(p);
        double[] y = unitRows(n, p, Seeds.generator(seed + 600));
        DualCertificate expected = DualCertificate.of(n, instance.cost(), y, p);
        assertEquals(expected, model.dualCertificate(y));
        assertEquals(expected.minEigenvalue(), model.certificate(y), 0.0);
        assertEquals(model.value(y), model.loss(y), 0.0);
        assertEquals(expected.value(), model.value(y), 1e-12 * instance.scale());
        assertEquals(Double.NaN, model.recoveryError(y, y));
        assertEquals(null, model.residuals());
    }

    @Test
    void rankOneIsThePointSetOfSignVectors() {
        MaxCutInstance instance = MaxCutFixtures.gaussianCost(6, Seeds.generator(31));
        BurerMonteiro model = instance.model(1);
        double[] y = {1, -1, -1, 1, 1, -1};
        double[] g = new double[6];
        model.valueAndGradient(y, g);
        assertArrayEquals(new double[6], g, 1e-14, "no tangent directions: grad f = 0");
        double[] v = MaxCutFixtures.gaussian(6, Seeds.generator(32));
        double[] hv = new double[6];
        model.hessianVector(y, v, hv);
        assertArrayEquals(scaled(model.normalShift(), v), hv, 1e-12 * model.normalShift());
        assertEquals(0, model.tangentDimension());
    }

    @Test
    void retractionNormalizesRowsAndSendsZeroRowsToE1() {
        BurerMonteiro model = MaxCutInstance.randomGraph(3, 0.5, Seeds.generator(1)).model(2);
        double[] x = {3, 0, 1e-200, 4, 0, 1e-200};
        model.retract(x);
        assertArrayEquals(new double[] {0.6, 1, Math.sqrt(0.5), 0.8, 0, Math.sqrt(0.5)}, x, 1e-15);
        double[] once = x.clone();
        model.retract(x);
        assertArrayEquals(once, x, 2e-16, "idempotent on the manifold (up to an ulp)");
        double[] huge = {1e300, 1, 1, 1e300, 1, 1};
        model.retract(huge);
        assertEquals(Math.sqrt(0.5), huge[0], 1e-15);
        double[] nan = {Double.NaN, 1, 1, 0, 1, 1};
        model.retract(nan);
        assertTrue(Double.isNaN(nan[0]), "a non-finite row stays non-finite");
        assertThrows(IllegalArgumentException.class, () -> model.retract(new double[5]));
    }

    @Test
    void initialPointHasUnitRowsIsSeededAndIgnoresAlpha() {
        BurerMonteiro model = MaxCutInstance.randomGraph(12, 0.5, Seeds.generator(2)).model(4);
        double[] a = model.initialPoint(0.01, Seeds.generator(9));
        double[] b = model.initialPoint(10.0, Seeds.generator(9));
        assertArrayEquals(a, b, 0.0);
        for (double r : rowDots(12, 4, a, a)) {
            assertEquals(1.0, r, 1e-15);
        }
        // The draws are Gaussians in parameter order, then each row normalized.
        RandomGenerator rng = Seeds.generator(9);
        double[] raw = MaxCutFixtures.gaussian(48, rng);
        double rowNorm = Math.sqrt(raw[0] * raw[0] + raw[12] * raw[12] + raw[24] * raw[24] + raw[36] * raw[36]);
        assertEquals(raw[24] / rowNorm, a[24], 1e-15);
    }
}
