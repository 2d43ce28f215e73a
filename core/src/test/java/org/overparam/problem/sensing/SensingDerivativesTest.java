package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.sensing.SensingFixtures.dot;
import static org.overparam.problem.sensing.SensingFixtures.gaussian;
import static org.overparam.problem.sensing.SensingFixtures.norm;
import static org.overparam.problem.sensing.SensingFixtures.plus;
import static org.overparam.problem.sensing.SensingFixtures.relativeError;
import static org.overparam.problem.sensing.SensingFixtures.scaled;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.problem.sensing.SensingFixtures.Kind;
import org.overparam.random.Seeds;

/**
 * Gradient and Hessian–vector products of both models against central differences, on every operator, in the
 * measured form and, on the dense operators the rule gives it to (n = 4d &gt; 2d²/5), the Gram form.
 */
class SensingDerivativesTest {

    /** Central-difference step. The objective is a quartic polynomial, so truncation is exactly h²·f'''/6. */
    private static final double H = 1e-5;

    /**
     * Gradient vs central differences of f, relative to ‖∇f‖: truncation h²·f'''/6 ~ 1e-10 and rounding
     * ε·|f|/h ~ 1e-11 on these O(1)–O(100) values, while any wrong term gives an O(1) relative error.
     */
    private static final double GRADIENT_RTOL = 1e-6;

    /** Hessian–vector vs central differences of the (cubic) gradient, relative to ‖Hv‖: same budget. */
    private static final double HESSIAN_RTOL = 1e-6;

    /** ⟨u, Hv⟩ = ⟨v, Hu⟩ up to the rounding of a few d²R-term sums. */
    private static final double SYMMETRY_RTOL = 1e-11;

    private static final int D = 5;
    private static final int TRUE_RANK = 2;
    private static final int RANK = 3;

    enum Model { ASYMMETRIC, SYMMETRIC }

    enum Regularization { NONE, RIDGE, RIDGE_AND_C }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Model model : Model.values()) {
            for (Kind kind : Kind.values()) {
                for (long seed : new long[] {11, 12, 13}) {
                    for (Regularization reg : Regularization.values()) {
                        if (model == Model.ASYMMETRIC && reg == Regularization.RIDGE_AND_C) {
                            continue; // the asymmetric model has no C term
                        }
                        cases.add(Arguments.of(model, kind, reg, seed, DataForm.MEASURED));
                        if (kind == Kind.GAUSSIAN || kind == Kind.SYMMETRIC_GAUSSIAN) {
                            cases.add(Arguments.of(model, kind, reg, seed, DataForm.GRAM));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    private static SensingObjective objective(Model model, Kind kind, Regularization reg, long seed, DataForm form) {
        RandomGenerator rng = Seeds.generator(seed);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        double[] truth = Truths.lowRank(D, TRUE_RANK, 3.0, model == Model.SYMMETRIC, rng);
        double[] y = SensingInstance.measure(op, truth, 0.1, rng);
        double lambda = reg == Regularization.NONE ? 0.0 : 0.05;
        double[] c = null;
        if (reg == Regularization.RIDGE_AND_C) {
            c = scaled(0.3, gaussian(D * D, rng));
            SensingFixtures.symmetrize(D, c);
        }
        SensingInstance instance = SensingInstance.of(op, y, truth, TRUE_RANK, lambda, c);
        SensingObjective f = model == Model.ASYMMETRIC ? AsymmetricSensing.of(instance, RANK, form)
                : SymmetricSensing.of(instance, RANK, form);
        assertEquals(form, f.form());
        return f;
    }

    @ParameterizedTest(name = "{0} {1} {2} seed={3} {4}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Model model, Kind kind, Regularization reg, long seed, DataForm form) {
        SensingObjective f = objective(model, kind, reg, seed, form);
        RandomGenerator rng = Seeds.generator(seed + 1000);
        double[] x = scaled(0.7, gaussian(f.dimension(), rng));
        double[] g = new double[f.dimension()];
        double value = f.valueAndGradient(x, g);
        assertEquals(f.value(x), value, 0.0, "valueAndGradient returns value(x)");

        double[] fd = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] e = new double[x.length];
            e[j] = 1;
            fd[j] = (f.value(plus(x, H, e)) - f.value(plus(x, -H, e))) / (2 * H);
        }
        assertTrue(norm(g) > 1e-3, "the check point must not be stationary");
        double err = relativeError(g, fd, 0);
        assertTrue(err <= GRADIENT_RTOL, "gradient relative error " + err);
    }

    @ParameterizedTest(name = "{0} {1} {2} seed={3} {4}")
    @MethodSource("cases")
    void hessianVectorMatchesDifferencesOfGradients(Model model, Kind kind, Regularization reg, long seed, DataForm form) {
        SensingObjective f = objective(model, kind, reg, seed, form);
        RandomGenerator rng = Seeds.generator(seed + 2000);
        int n = f.dimension();
        double[] x = scaled(0.7, gaussian(n, rng));
        double[] v = gaussian(n, rng);
        double[] hv = new double[n];
        f.hessianVector(x, v, hv);

        double[] gPlus = new double[n];
        double[] gMinus = new double[n];
        f.valueAndGradient(plus(x, H, v), gPlus);
        f.valueAndGradient(plus(x, -H, v), gMinus);
        double[] fd = new double[n];
        for (int j = 0; j < n; j++) {
            fd[j] = (gPlus[j] - gMinus[j]) / (2 * H);
        }
        double err = relativeError(hv, fd, 0);
        assertTrue(err <= HESSIAN_RTOL, "Hessian-vector relative error " + err);

        double[] again = new double[n];
        f.valueAndGradient(scaled(3, x), gPlus); // disturb the scratch buffers
        f.hessianVector(x, v, again);
        assertArrayEquals(hv, again, 0.0, "hessianVector depends only on its arguments");
    }

    @ParameterizedTest(name = "{0} {1} {2} seed={3} {4}")
    @MethodSource("cases")
    void hessianIsSymmetric(Model model, Kind kind, Regularization reg, long seed, DataForm form) {
        SensingObjective f = objective(model, kind, reg, seed, form);
        RandomGenerator rng = Seeds.generator(seed + 3000);
        int n = f.dimension();
        double[] x = scaled(0.7, gaussian(n, rng));
        double[] u = gaussian(n, rng);
        double[] v = gaussian(n, rng);
        double[] hu = new double[n];
        double[] hv = new double[n];
        f.hessianVector(x, u, hu);
        f.hessianVector(x, v, hv);
        double scale = norm(u) * norm(hv) + norm(v) * norm(hu);
        assertEquals(dot(u, hv), dot(v, hu), SYMMETRY_RTOL * scale);
    }
}
