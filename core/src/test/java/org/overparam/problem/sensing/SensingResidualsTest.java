package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.sensing.OperatorsTest.assertMessage;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.problem.Residuals;
import org.overparam.problem.sensing.SensingFixtures.Kind;
import org.overparam.random.Seeds;

/**
 * The residual Jacobians of both models on every operator: adjointness, central differences of the outputs
 * F(x) = 𝒜(X) (computed independently through {@link SensingObjective#product} and the dense operator), and
 * consistency with the loss and its gradient.
 */
class SensingResidualsTest {

    /** Central-difference step; F is quadratic in x, so the differences are exact up to rounding ε·|F|/h. */
    private static final double H = 1e-5;

    /** J v vs differences of F, relative to ‖J v‖: rounding ~1e-10 on these O(1)–O(10) values. */
    private static final double JACOBIAN_RTOL = 1e-7;

    /** ⟨Jv, w⟩ = ⟨v, Jᵀw⟩ and the other identities: the same sums in another order, rounding only. */
    private static final double IDENTITY_RTOL = 1e-12;

    private static final int D = 5;
    private static final int TRUE_RANK = 2;
    private static final int RANK = 3;
    private static final double LAMBDA = 0.05;

    enum Model { ASYMMETRIC, SYMMETRIC }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Model model : Model.values()) {
            for (Kind kind : Kind.values()) {
                for (long seed : new long[] {21, 22, 23}) {
                    cases.add(Arguments.of(model, kind, seed, DataForm.MEASURED));
                    if (kind == Kind.GAUSSIAN || kind == Kind.SYMMETRIC_GAUSSIAN) {
                        cases.add(Arguments.of(model, kind, seed, DataForm.GRAM)); // n = 4d > 2d²/5
                    }
                }
            }
        }
        return cases.stream();
    }

    private static SensingObjective objective(Model model, Kind kind, long seed) {
        return objective(model, kind, seed, DataForm.MEASURED);
    }

    /**
     * A model with ridge λ (so that value and data loss differ) and no C. In the Gram form its residuals still go
     * through 𝒜 while its gradient goes through H, which the identities below tie together.
     */
    private static SensingObjective objective(Model model, Kind kind, long seed, DataForm form) {
        RandomGenerator rng = Seeds.generator(seed);
        MeasurementOperator op = SensingFixtures.operator(kind, D, rng);
        double[] truth = Truths.lowRank(D, TRUE_RANK, 3.0, model == Model.SYMMETRIC, rng);
        SensingInstance instance = SensingInstance.of(op, SensingInstance.measure(op, truth, 0.1, rng), truth,
                TRUE_RANK, LAMBDA, null);
        return model == Model.ASYMMETRIC ? AsymmetricSensing.of(instance, RANK, form)
                : SymmetricSensing.of(instance, RANK, form);
    }

    /** F(x) = 𝒜(X) through the dense product X and the operator's dense apply, not the factored path. */
    private static double[] outputs(SensingObjective f, double[] x) {
        double[] product = new double[D * D];
        f.product(x, product);
        double[] out = new double[f.instance().count()];
        f.instance().operator().apply(product, out);
        return out;
    }

    @ParameterizedTest(name = "{0} {1} seed={2} {3}")
    @MethodSource("cases")
    void jacobianAndItsTransposeAreAdjoint(Model model, Kind kind, long seed, DataForm form) {
        SensingObjective f = objective(model, kind, seed, form);
        Residuals res = f.residuals();
        int m = res.count();
        assertEquals(f.instance().count(), m);
        RandomGenerator rng = Seeds.generator(seed + 1000);
        double[] x = gaussian(f.dimension(), rng);
        double[] v = gaussian(f.dimension(), rng);
        double[] w = gaussian(m, rng);
        double[] jv = new double[m];
        double[] jtw = new double[f.dimension()];
        res.jacobianTimes(x, v, jv);
        res.jacobianTransposeTimes(x, w, jtw);
        assertTrue(norm(jv) > 1e-3 && norm(jtw) > 1e-3, "non-trivial products");
        assertEquals(dot(jv, w), dot(v, jtw), IDENTITY_RTOL * (norm(jv) * norm(w) + norm(v) * norm(jtw)));
    }

    @ParameterizedTest(name = "{0} {1} seed={2} {3}")
    @MethodSource("cases")
    void jacobianMatchesDifferencesOfTheOutputs(Model model, Kind kind, long seed, DataForm form) {
        SensingObjective f = objective(model, kind, seed, form);
        Residuals res = f.residuals();
        RandomGenerator rng = Seeds.generator(seed + 2000);
        double[] x = gaussian(f.dimension(), rng);
        double[] v = gaussian(f.dimension(), rng);
        double[] jv = new double[res.count()];
        res.jacobianTimes(x, v, jv);
        double[] plus = outputs(f, plus(x, H, v));
        double[] minus = outputs(f, plus(x, -H, v));
        double[] fd = new double[res.count()];
        for (int i = 0; i < fd.length; i++) {
            fd[i] = (plus[i] - minus[i]) / (2 * H);
        }
        double err = relativeError(jv, fd, 0);
        assertTrue(err <= JACOBIAN_RTOL, "Jacobian relative error " + err);

        double[] again = new double[res.count()];
        f.valueAndGradient(scaled(3, x), new double[f.dimension()]); // disturb the shared scratch
        res.jacobianTimes(x, v, again);
        assertArrayEquals(jv, again, 0.0, "jacobianTimes depends only on its arguments");
    }

    /**
     * F is homogeneous of degree 2, so J(x)·x = 2F(x) (Euler): the residuals alone give F, whose
     * ‖F(x) − y‖²/n must be the data loss, and (2/n)Jᵀ(F − y) + 2λx the gradient.
     */
    @ParameterizedTest(name = "{0} {1} seed={2} {3}")
    @MethodSource("cases")
    void residualsReproduceTheLossAndItsGradient(Model model, Kind kind, long seed, DataForm form) {
        SensingObjective f = objective(model, kind, seed, form);
        Residuals res = f.residuals();
        int m = res.count();
        int nn = f.dimension();
        RandomGenerator rng = Seeds.generator(seed + 3000);
        double[] x = scaled(0.7, gaussian(nn, rng));
        double[] fx = new double[m];
        res.jacobianTimes(x, x, fx);
        for (int i = 0; i < m; i++) {
            fx[i] /= 2;
        }
        double[] direct = outputs(f, x);
        assertTrue(relativeError(fx, direct, 0) <= IDENTITY_RTOL, "J(x)x = 2F(x)");

        double[] y = f.instance().y();
        double[] r = new double[m];
        for (int i = 0; i < m; i++) {
            r[i] = fx[i] - y[i];
        }
        double loss = dot(r, r) / m;
        assertEquals(f.dataLoss(x), loss, IDENTITY_RTOL * loss);
        assertEquals(f.loss(x), loss, IDENTITY_RTOL * loss);
        assertTrue(f.value(x) > loss, "the ridge makes value and data loss differ");

        double[] expected = new double[nn];
        res.jacobianTransposeTimes(x, r, expected);
        for (int j = 0; j < nn; j++) {
            expected[j] = 2.0 / m * expected[j] + 2 * LAMBDA * x[j];
        }
        double[] g = new double[nn];
        f.valueAndGradient(x, g);
        assertTrue(relativeError(g, expected, 0) <= IDENTITY_RTOL, "∇f = (2/n)Jᵀ(F − y) + 2λx");
    }

    @Test
    void wrongLengthsAreNamed() {
        SensingObjective asym = objective(Model.ASYMMETRIC, Kind.GAUSSIAN, 1);
        SensingObjective sym = objective(Model.SYMMETRIC, Kind.GAUSSIAN, 1);
        int n = asym.instance().count();
        assertMessage("out must have length n = " + n + ", got 3", () -> asym.residuals()
                .jacobianTimes(new double[asym.dimension()], new double[asym.dimension()], new double[3]));
        assertMessage("w must have length n = " + n + ", got 3", () -> sym.residuals()
                .jacobianTransposeTimes(new double[sym.dimension()], new double[3], new double[sym.dimension()]));
        assertMessage("x must have length d*R = " + sym.dimension() + ", got 2", () -> sym.residuals()
                .jacobianTimes(new double[2], new double[sym.dimension()], new double[n]));
    }
}
