package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.sensing.OperatorsTest.assertMessage;
import static org.overparam.problem.sensing.SensingFixtures.dot;
import static org.overparam.problem.sensing.SensingFixtures.gaussian;
import static org.overparam.problem.sensing.SensingFixtures.multiply;
import static org.overparam.problem.sensing.SensingFixtures.norm;

import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.overparam.problem.sensing.SensingFixtures.Kind;
import org.overparam.random.Seeds;

/** Values at known points, the 2×2 landscape of conf/sweeps/explicit-2x2.yaml, instances, truths and validation. */
class SensingObjectiveTest {

    /** A noiseless realizable fit leaves residuals at rounding level ε·‖y‖, so f ≤ (ε·‖y‖)²·small factor. */
    private static final double REALIZABLE_RTOL = 1e-26;

    /** Closed-form 2×2 quantities computed through O(1) arithmetic. */
    private static final double TINY = 1e-13;

    private static final int D = 5;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void realizableTruthFactorsHaveZeroObjective(Kind kind) {
        RandomGenerator rng = Seeds.generator(31);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        int r = 2;
        double[] w = gaussian(D * r, rng);
        double[] l = gaussian(D * r, rng);

        double[] psd = multiply(false, true, D, D, r, w, w);
        SensingInstance symmetric = SensingInstance.of(op, SensingInstance.measure(op, psd, 0, rng), psd, r, 0, null);
        double[] wPadded = new double[D * (r + 1)]; // R = r + 1 with a zero column is still exact
        System.arraycopy(w, 0, wPadded, 0, w.length);
        SymmetricSensing sym = SymmetricSensing.of(symmetric, r + 1);
        assertEquals(0, sym.value(wPadded), REALIZABLE_RTOL * symmetric.f0() + 1e-300);
        assertEquals(0, sym.recoveryError(wPadded), 1e-14);
        double[] product = new double[D * D];
        sym.product(wPadded, product);
        assertTrue(SensingFixtures.relativeError(product, psd, 0) < 1e-14);

        double[] lrT = multiply(false, true, D, D, r, l, w);
        SensingInstance asymmetric = SensingInstance.of(op, SensingInstance.measure(op, lrT, 0, rng), lrT, r, 0, null);
        double[] x = new double[2 * D * r];
        System.arraycopy(l, 0, x, 0, l.length);
        System.arraycopy(w, 0, x, D * r, w.length);
        AsymmetricSensing asym = AsymmetricSensing.of(asymmetric, r);
        assertEquals(0, asym.value(x), REALIZABLE_RTOL * asymmetric.f0() + 1e-300);
        assertEquals(0, asym.recoveryError(x), 1e-14);
        assertEquals(1, asym.recoveryError(new double[x.length]), 1e-15); // ‖M*‖/‖M*‖, summed two ways
        double[] g = new double[x.length];
        asym.valueAndGradient(x, g);
        assertTrue(norm(g) < 1e-12 * Math.sqrt(asymmetric.f0()), "a global minimum is stationary");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void f0IsTheValueAtZeroAndTheRegularizersAddUp(Kind kind) {
        RandomGenerator rng = Seeds.generator(32);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        double[] truth = Truths.lowRank(D, 2, 2.0, true, rng);
        double[] c = gaussian(D * D, rng);
        SensingFixtures.symmetrize(D, c);
        double lambda = 0.2;
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0.3, rng), truth, 2,
                lambda, c);
        SymmetricSensing sym = SymmetricSensing.of(instance, 3);
        AsymmetricSensing asym = AsymmetricSensing.of(instance, 3);
        double f0 = dot(instance.y(), instance.y()) / instance.count();
        assertEquals(f0, instance.f0(), 1e-15 * f0);
        assertEquals(instance.f0(), sym.value(new double[sym.dimension()]), 1e-15 * f0);
        assertEquals(instance.f0(), asym.value(new double[asym.dimension()]), 1e-15 * f0);

        double[] u = gaussian(sym.dimension(), rng);
        double[] cu = multiply(false, false, D, 3, D, c, u);
        double expected = sym.dataLoss(u) + lambda * dot(u, u) + dot(u, cu);
        assertEquals(expected, sym.value(u), 1e-12 * Math.abs(expected));
        double[] x = gaussian(asym.dimension(), rng);
        assertEquals(asym.dataLoss(x) + lambda * dot(x, x), asym.value(x), 1e-12 * asym.value(x));
    }

    /**
     * The 2×2 example of conf/sweeps/explicit-2x2.yaml (δ = 0.65 there): M* = e₁e₁ᵀ, A₁ = √((1+δ)/2)·I,
     * A₂ = √((1−δ)/2)·diag(1,−1), A₃ = √((1+δ)/2)·[[0,1],[1,0]], R = 1, and the point x = (0, √δ).
     */
    private static SymmetricSensing twoByTwo(double delta) {
        double p = Math.sqrt((1 + delta) / 2);
        double q = Math.sqrt((1 - delta) / 2);
        DenseOperator op = Operators.explicit(2, List.of(
                new double[] {p, 0, 0, p},
                new double[] {q, 0, 0, -q},
                new double[] {0, p, p, 0}));
        double[] truth = {1, 0, 0, 0};
        double[] y = new double[3];
        op.apply(truth, y);
        return SymmetricSensing.of(SensingInstance.of(op, y, truth, 1, 0, null), 1);
    }

    /** Eigenvalues of the symmetric 2×2 Hessian built column by column from hessianVector. */
    private static double[] hessianEigenvalues(SymmetricSensing f, double[] x) {
        double[] h0 = new double[2];
        double[] h1 = new double[2];
        f.hessianVector(x, new double[] {1, 0}, h0);
        f.hessianVector(x, new double[] {0, 1}, h1);
        assertEquals(h0[1], h1[0], TINY, "Hessian symmetry");
        double a = h0[0];
        double b = h0[1];
        double c = h1[1];
        double mid = (a + c) / 2;
        double radius = Math.hypot((a - c) / 2, b);
        return new double[] {mid - radius, mid + radius};
    }

    @Test
    void twoByTwoExampleAtDeltaPointSixIsASpuriousLocalMinimum() {
        double delta = 0.6;
        SymmetricSensing f = twoByTwo(delta);
        assertTrue(f.instance().operator().symmetric());
        double[] x = {0, Math.sqrt(delta)};
        double[] g = new double[2];
        assertEquals(0.64 / 3, f.valueAndGradient(x, g), TINY);
        assertArrayEquals(new double[2], g, TINY);
        assertArrayEquals(new double[] {1.28 / 3, 4.8 / 3}, hessianEigenvalues(f, x), 1e-12);
        assertEquals(0, f.value(new double[] {1, 0}), TINY, "the global minimum e₁ has f = 0");
    }

    @Test
    void twoByTwoExampleAtDeltaPointFourFiveIsAStrictSaddle() {
        double delta = 0.45;
        SymmetricSensing f = twoByTwo(delta);
        double[] x = {0, Math.sqrt(delta)};
        double[] g = new double[2];
        f.valueAndGradient(x, g);
        assertArrayEquals(new double[2], g, TINY);
        double[] eig = hessianEigenvalues(f, x);
        assertTrue(eig[0] < -0.01, "negative curvature, got " + eig[0]);
    }

    @Test
    void truthsHaveTheRequestedSpectrum() {
        RandomGenerator rng = Seeds.generator(41);
        int d = 7;
        int r = 3;
        double condition = 4;
        double[] sigma = {1, 0.5, 0.25}; // 4^{-k/2}
        double[] sym = Truths.lowRank(d, r, condition, true, rng);
        double[] asym = Truths.lowRank(d, r, condition, false, rng);
        for (double[] m : List.of(sym, asym)) {
            double[] mTm = multiply(true, false, d, d, d, m, m);
            double[] mTm2 = multiply(false, false, d, d, d, mTm, mTm);
            double trace1 = 0;
            double trace2 = 0;
            double trace3 = 0;
            for (int a = 0; a < d; a++) {
                trace1 += mTm[a + d * a];
                trace2 += dot(column(mTm, d, a), column(mTm, d, a));
                trace3 += dot(column(mTm2, d, a), column(mTm, d, a));
            }
            // The power sums Σσ², Σσ⁴, Σσ⁶ pin down the three nonzero singular values.
            assertEquals(powerSum(sigma, 2), trace1, 1e-12);
            assertEquals(powerSum(sigma, 4), trace2, 1e-12);
            assertEquals(powerSum(sigma, 6), trace3, 1e-12);
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            trace += sym[a + d * a];
            for (int b = 0; b < d; b++) {
                assertEquals(sym[a + d * b], sym[b + d * a], 0.0, "exactly symmetric");
            }
        }
        assertEquals(1.75, trace, 1e-12, "PSD: trace = Σσ");

        double[] one = Truths.lowRank(d, 1, 10, false, rng);
        assertEquals(1, norm(one), 1e-12, "r = 1 has σ = 1 whatever the condition");
    }

    private static double[] column(double[] m, int d, int b) {
        double[] c = new double[d];
        System.arraycopy(m, d * b, c, 0, d);
        return c;
    }

    private static double powerSum(double[] s, int p) {
        double sum = 0;
        for (double v : s) {
            sum += Math.pow(v, p);
        }
        return sum;
    }

    @Test
    void instancesCopyAndValidate() {
        DenseOperator op = Operators.explicit(2, List.of(new double[] {1, 0, 0, 1}, new double[] {0, 1, 0, 0}));
        double[] y = {1, 2};
        double[] truth = {1, 0, 0, 0};
        SensingInstance instance = SensingInstance.of(op, y, truth, 1, 0.5, null);
        y[0] = 100;
        assertEquals(1, instance.y()[0], "y is copied in");
        instance.y()[1] = 100;
        assertEquals(2, instance.y()[1], "y is copied out");
        assertNull(instance.regularizer());
        assertEquals(2, instance.dim());
        assertEquals(2, instance.count());
        assertEquals(2.5, instance.f0(), 0);

        assertMessage("y must have length 2, got 3", () -> SensingInstance.of(op, new double[3], truth, 1, 0, null));
        assertMessage("truth entries must be finite, got Infinity at index 3", () -> SensingInstance.of(op,
                new double[2], new double[] {0, 0, 0, Double.POSITIVE_INFINITY}, 1, 0, null));
        assertMessage("trueRank must be in [0, d=2], got 3", () -> SensingInstance.of(op, new double[2], truth, 3, 0,
                null));
        assertMessage("lambda must be a finite number >= 0, got NaN", () -> SensingInstance.of(op, new double[2],
                truth, 1, Double.NaN, null));
        assertMessage("lambda must be a finite number >= 0, got -1.0", () -> SensingInstance.of(op, new double[2],
                truth, 1, -1, null));
        assertMessage("regularizer must be a symmetric 2x2 matrix, got an asymmetric one", () -> SensingInstance.of(
                op, new double[2], truth, 1, 0, new double[] {0, 1, 2, 0}));
        assertMessage("noise must be a finite number >= 0, got -0.1", () -> SensingInstance.measure(op, truth, -0.1,
                Seeds.generator(1)));
        SensingInstance ok = SensingInstance.of(op, new double[2], truth, 1, 0, null);
        assertMessage("rank must be >= 1, got 0", () -> AsymmetricSensing.of(ok, 0));
        assertMessage("rank must be >= 1, got -2", () -> SymmetricSensing.of(ok, -2));
        assertMessage("x must have length d*R = 2, got 3", () -> SymmetricSensing.of(ok, 1).value(new double[3]));
        assertMessage("r must be in [1, d=2], got 3", () -> Truths.lowRank(2, 3, 1, true, Seeds.generator(1)));
        assertMessage("condition must be a finite number >= 1, got 0.5",
                () -> Truths.lowRank(2, 1, 0.5, true, Seeds.generator(1)));
    }
}
