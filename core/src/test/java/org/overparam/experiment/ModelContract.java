package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.Model;
import org.overparam.random.Seeds;

/**
 * What every family's model promises, checked on the instances a sweep builds ({@link Experiment#prepare}): the
 * gradient is the derivative of the value, the Hessian–vector product the derivative of the gradient and symmetric,
 * and the family's batched objective ({@link Experiment.Prepared#batches}) gives every lane the bits of its scalar
 * model, whatever the batch's size or order; lock-step rows equal the rows of runs made alone. A family's test
 * extends this class and says which points to build.
 */
public abstract class ModelContract {

    /** Central-difference step for the derivative checks (smooth O(1) objectives). */
    private static final double H = 1e-5;

    /** Truncation h²·f'''/6 ~ 1e-10 and rounding ε·|f|/h ~ 1e-11 relative, far below any wrong term's O(1). */
    private static final double DERIVATIVE_RTOL = 1e-6;

    /** ⟨u, Hv⟩ = ⟨v, Hu⟩ up to the rounding of sums of a few thousand O(1) terms. */
    private static final double SYMMETRY_RTOL = 1e-10;

    /** The objective re-evaluated at the stored end point: the same sums, perhaps in another kernel's order. */
    private static final double OBJECTIVE_RTOL = 1e-12;

    /**
     * Points of one family: the lanes of the batches under test. Either one R on different replicates (every lane
     * has its own instance), enough of them to fill more than one SIMD block where the family has SIMD lanes; or,
     * with {@link #lanesShareOneInstance}, several R and α on one replicate.
     */
    protected abstract List<RunConfig> lanes();

    /**
     * Whether the lanes are runs of one replicate, to be prepared once and share that instance (as a sweep sends the
     * runs of one instance), rather than each prepared on its own.
     */
    protected boolean lanesShareOneInstance() {
        return false;
    }

    /** One prepared instance per lane: each its own, or the one they share. */
    private List<Experiment.Prepared> prepare(List<RunConfig> configs) {
        if (!lanesShareOneInstance()) {
            return configs.stream().map(Experiment::prepare).toList();
        }
        for (RunConfig c : configs) {
            assertEquals(configs.get(0).instanceSeed(), c.instanceSeed(), "lanes said to share one instance: " + c);
        }
        return Collections.nCopies(configs.size(), Experiment.prepare(configs.get(0)));
    }

    /** Whether values and gradients live in R^N (not on a manifold, where the gradient is Riemannian). */
    protected boolean euclidean() {
        return true;
    }

    /** A point where the derivatives are checked: the run's own start scaled up to unit size. */
    private static double[] point(Model model, long seed) {
        return model.initialPoint(1, Seeds.generator(seed));
    }

    @Test
    void gradientIsTheDerivativeOfTheValue() {
        if (!euclidean()) {
            return;
        }
        for (RunConfig config : lanes().subList(0, 2)) {
            Model f = Experiment.prepare(config).model(config.rank());
            double[] x = point(f, config.initSeed());
            double[] g = new double[f.dimension()];
            f.valueAndGradient(x, g);
            double[] v = direction(f.dimension(), config.initSeed());
            double[] xp = axpy(x, H, v);
            double[] xm = axpy(x, -H, v);
            double fd = (f.value(xp) - f.value(xm)) / (2 * H);
            assertEquals(dot(g, v), fd, DERIVATIVE_RTOL * Math.max(1, norm(g)), config::toString);
        }
    }

    @Test
    void hessianVectorIsTheDerivativeOfTheGradientAndSymmetric() {
        if (!euclidean()) {
            return;
        }
        for (RunConfig config : lanes().subList(0, 2)) {
            Model f = Experiment.prepare(config).model(config.rank());
            int dim = f.dimension();
            double[] x = point(f, config.initSeed());
            double[] v = direction(dim, config.initSeed() + 1);
            double[] u = direction(dim, config.initSeed() + 2);
            double[] hv = new double[dim];
            double[] hu = new double[dim];
            f.hessianVector(x, v, hv);
            f.hessianVector(x, u, hu);
            double[] gp = new double[dim];
            double[] gm = new double[dim];
            f.valueAndGradient(axpy(x, H, v), gp);
            f.valueAndGradient(axpy(x, -H, v), gm);
            double scale = Math.max(1, norm(hv));
            for (int i = 0; i < dim; i++) {
                assertEquals((gp[i] - gm[i]) / (2 * H), hv[i], DERIVATIVE_RTOL * scale, config::toString);
            }
            assertEquals(dot(u, hv), dot(v, hu), SYMMETRY_RTOL * Math.max(1, norm(hv) * norm(u)), config::toString);
        }
    }

    /** Value, gradient and Hessian–vector product of every lane, batched vs scalar, compared bit for bit. */
    @Test
    void batchedLanesAreTheScalarBits() {
        List<RunConfig> configs = lanes();
        List<Experiment.Prepared> prepared = prepare(configs);
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < configs.size(); j++) {
            order.add(j);
        }
        assertLanesMatch(configs, prepared, order);
        Collections.reverse(order);
        assertLanesMatch(configs, prepared, order.subList(0, Math.max(1, order.size() / 2 + 1)));
        assertLanesMatch(configs, prepared, List.of(order.get(0)));
    }

    private static void assertLanesMatch(List<RunConfig> configs, List<Experiment.Prepared> prepared,
                                         List<Integer> lanes) {
        int width = lanes.size();
        List<Model> batchModels = new ArrayList<>();
        List<Model> scalarModels = new ArrayList<>();
        for (int j : lanes) {
            RunConfig c = configs.get(j);
            batchModels.add(prepared.get(j).model(c.rank()));
            scalarModels.add(prepared.get(j).model(c.rank()));
        }
        BatchedObjective batch = prepared.get(lanes.get(0)).batches().apply(batchModels);
        assertEquals(width, batch.lanes());
        double[][] xs = new double[width][];
        double[][] vs = new double[width][];
        double[][] gradients = new double[width][];
        double[][] products = new double[width][];
        for (int slot = 0; slot < width; slot++) {
            RunConfig c = configs.get(lanes.get(slot));
            int dim = scalarModels.get(slot).dimension();
            xs[slot] = point(scalarModels.get(slot), c.initSeed());
            vs[slot] = direction(dim, c.initSeed() + 3);
            gradients[slot] = new double[dim];
            products[slot] = new double[dim];
        }
        double[] values = new double[width];
        batch.valueAndGradient(xs, gradients, values);
        batch.hessianVector(xs, vs, products);
        for (int slot = 0; slot < width; slot++) {
            Model f = scalarModels.get(slot);
            int dim = f.dimension();
            double[] g = new double[dim];
            double[] hv = new double[dim];
            double value = f.valueAndGradient(xs[slot], g);
            f.hessianVector(xs[slot], vs[slot], hv);
            String lane = "lane " + slot + " of " + width + ": " + configs.get(lanes.get(slot));
            assertEquals(value, values[slot], 0.0, lane);
            assertArrayEquals(g, gradients[slot], lane);
            assertArrayEquals(hv, products[slot], lane);
        }
        // An idle lane (null point) is left alone, and the others do not notice it.
        if (width > 1) {
            double[][] someIdle = xs.clone();
            someIdle[0] = null;
            double[] again = values.clone();
            again[0] = Double.NaN;
            double[][] gradientsAgain = new double[width][];
            for (int slot = 1; slot < width; slot++) {
                gradientsAgain[slot] = new double[gradients[slot].length];
            }
            batch.valueAndGradient(someIdle, gradientsAgain, again);
            assertTrue(Double.isNaN(again[0]));
            for (int slot = 1; slot < width; slot++) {
                assertEquals(values[slot], again[slot], 0.0);
                assertArrayEquals(gradients[slot], gradientsAgain[slot]);
            }
        }
    }

    /** Rows of runs made together in lock-step equal the rows of the same runs made alone (but for wall time). */
    @Test
    void lockStepRowsAreTheRowsOfRunsMadeAlone() {
        List<RunConfig> configs = lanes();
        List<Experiment.Prepared> prepared = prepare(configs);
        List<RunResult> together = Experiment.runBatch(prepared, configs);
        int half = configs.size() / 2 + 1;
        List<RunResult> otherBatch = Experiment.runBatch(prepared.subList(1, half), configs.subList(1, half));
        for (int j = 0; j < configs.size(); j++) {
            RunResult alone = Experiment.run(prepared.get(j), configs.get(j));
            assertEquals(withoutWallTime(alone), withoutWallTime(together.get(j)));
            if (j >= 1 && j < half) {
                assertEquals(withoutWallTime(alone), withoutWallTime(otherBatch.get(j - 1)));
            }
        }
    }

    /**
     * Points of one family on one instance group mixing R (and replicates), as a sweep batches them; empty where
     * the family's batch has nothing to share between shapes.
     */
    protected List<RunConfig> mixedLanes() {
        return List.of();
    }

    /** A batch mixing shapes gives every run the row it gets alone. */
    @Test
    void mixedBatchRowsAreTheRowsOfRunsMadeAlone() {
        List<RunConfig> configs = mixedLanes();
        if (configs.isEmpty()) {
            return;
        }
        List<Experiment.Prepared> prepared = configs.stream().map(Experiment::prepare).toList();
        List<RunResult> together = Experiment.runBatch(prepared, configs);
        for (int j = 0; j < configs.size(); j++) {
            assertEquals(withoutWallTime(Experiment.run(prepared.get(j), configs.get(j))),
                    withoutWallTime(together.get(j)));
        }
    }

    /**
     * The blocks tile x in order; a kept end point holds the final parameters (the model's value there is the row's
     * objective) and the bottom of the Hessian spectrum, ascending from the row's λ_min; which runs keep one follows
     * {@code solver.endpoints}, and keeping them changes nothing else in the row.
     */
    @Test
    void endPointsAreTheFinalParametersOfTheRunsThePolicyKeeps() {
        for (RunConfig config : lanes().subList(0, 2)) {
            Experiment.Prepared prepared = Experiment.prepare(config);
            Model model = prepared.model(config.rank());
            int offset = 0;
            for (org.overparam.problem.Block b : model.blocks()) {
                assertEquals(offset, b.offset(), b::toString);
                offset += b.size();
            }
            assertEquals(model.dimension(), offset, "the blocks tile x");

            RunResult kept = Experiment.run(prepared, with(config, config.solver().withEndPoints(EndPoints.ALL)
                    .withCurvature(CurvaturePolicy.ALWAYS)));
            EndPoint end = kept.endPoint();
            double[] x = new double[model.dimension()];
            List<org.overparam.problem.Block> blocks = model.blocks();
            for (int b = 0; b < blocks.size(); b++) {
                EndPoint.Matrix m = end.parameters().get(b);
                assertEquals(blocks.get(b).name(), m.name());
                System.arraycopy(m.values(), 0, x, blocks.get(b).offset(), m.values().length);
            }
            assertEquals(kept.objective(), model.value(x), OBJECTIVE_RTOL * Math.max(kept.f0(), kept.objective()),
                    kept::toString);
            double[] lowest = end.hessianLowest();
            if (Double.isFinite(kept.hessMinEig()) && model.tangentDimension() > 0) {
                assertEquals(kept.hessMinEig(), lowest[0], kept::toString);
                for (int i = 1; i < lowest.length; i++) {
                    assertTrue(lowest[i - 1] <= lowest[i], "ascending: " + java.util.Arrays.toString(lowest));
                }
            }

            RunResult byDefault = Experiment.run(prepared, config);
            assertEquals(byDefault.outcome() != org.overparam.certify.Outcome.GLOBAL, byDefault.endPoint() != null,
                    byDefault::toString);
            RunResult none = Experiment.run(prepared, with(config, config.solver().withEndPoints(EndPoints.NONE)));
            assertEquals(null, none.endPoint());
            assertEquals(withoutWallTime(byDefault).objective(), none.objective());
            assertEquals(byDefault.outcome(), none.outcome());
            assertEquals(byDefault.iterations(), none.iterations());
        }
    }

    private static RunConfig with(RunConfig c, SolverConfig solver) {
        return new RunConfig(c.masterSeed(), c.replicate(), c.problem(), solver, c.rank(), c.alpha());
    }

    static RunResult withoutWallTime(RunResult r) {
        return new RunResult(r.config(), r.f0(), r.objective(), r.loss(), r.reference(), r.referenceKind(),
                r.referenceRank(), r.referenceGap(), r.gradNorm(), r.hessMinEig(), r.outcome(), r.lossBad(),
                r.recoveryError(), r.certificate(), r.iterations(), r.stopReason(), r.restarts(), 0, r.error(),
                r.diagnostics(), r.endPoint());
    }

    private static double[] direction(int dim, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        double[] v = new double[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    private static double[] axpy(double[] x, double a, double[] v) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += a * v[i];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
