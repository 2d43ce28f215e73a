package org.overparam.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.problem.Objective;

class GradientDescentTest {

    /** Well within what 5000 Armijo steps reach on these smooth problems. */
    private static final double SOLUTION_TOL = 1e-6;

    /** f(x, y) = x⁴/4 − x²/2 + y²/2: strict saddle at 0 (Hessian diag(−1, 1)), minima (±1, 0) with f = −1/4. */
    private static final Objective DOUBLE_WELL = new Objective() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(double[] p) {
            return Math.pow(p[0], 4) / 4 - p[0] * p[0] / 2 + p[1] * p[1] / 2;
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            g[0] = p[0] * p[0] * p[0] - p[0];
            g[1] = p[1];
            return value(p);
        }

        @Override
        public void hessianVector(double[] p, double[] v, double[] out) {
            out[0] = (3 * p[0] * p[0] - 1) * v[0];
            out[1] = v[1];
        }
    };

    /** Rosenbrock's valley, minimum 0 at (1, 1). */
    private static final Objective ROSENBROCK = new Objective() {
        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public double value(double[] p) {
            return Math.pow(1 - p[0], 2) + 100 * Math.pow(p[1] - p[0] * p[0], 2);
        }

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
            return value(p);
        }

        @Override
        public void hessianVector(double[] p, double[] v, double[] out) {
            throw new UnsupportedOperationException();
        }
    };

    private static StoppingRule stop(int iterations, double gradTol) {
        return StoppingRule.maxIterations(iterations).or(StoppingRule.divergence(1e12))
                .or(StoppingRule.gradNormBelow(gradTol));
    }

    /**
     * The Armijo rule grows the step only after {@value StepSize.Armijo#GROWTH_STREAK} first-trial acceptances: on
     * an ill-conditioned quadratic, where the acceptable step stays put, a run spends at most 6 evaluations per
     * 5 iterations (plus the first evaluation and the halvings that find the scale), where growing every
     * iteration spent 2 per iteration.
     */
    @Test
    void armijoWastesFewEvaluations() {
        double[] scales = {1, 3, 10, 30, 100};
        Objective quadratic = new Objective() {
            @Override
            public int dimension() {
                return scales.length;
            }

            @Override
            public double value(double[] p) {
                double f = 0;
                for (int i = 0; i < p.length; i++) {
                    f += scales[i] * p[i] * p[i] / 2;
                }
                return f;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                for (int i = 0; i < p.length; i++) {
                    g[i] = scales[i] * p[i];
                }
                return value(p);
            }

            @Override
            public void hessianVector(double[] p, double[] v, double[] out) {
                throw new UnsupportedOperationException();
            }
        };
        double[] x = {1, 1, 1, 1, 1};
        var result = GradientDescent.minimize(quadratic, x,
                GradientDescent.Settings.of(new StepSize.Armijo(1.0), stop(2_000, 1e-10)));
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.reason());
        assertTrue(result.iterations() > 100, result::toString);
        assertTrue(result.evaluations() <= 1.2 * result.iterations() + 20, result::toString);
    }

    @Test
    void armijoSolvesRosenbrock() {
        double[] x = {-1.2, 1.0};
        var result = GradientDescent.minimize(ROSENBROCK, x,
                GradientDescent.Settings.of(new StepSize.Armijo(1.0), stop(100_000, 1e-9)));
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.reason());
        assertEquals(1.0, x[0], 1e-6);
        assertEquals(1.0, x[1], 1e-6);
        assertEquals(ROSENBROCK.value(x), result.value(), 0);
    }

    @Test
    void armijoNeverIncreasesTheObjective() {
        double[] x = {-1.2, 1.0};
        double previous = Double.POSITIVE_INFINITY;
        for (int budget = 1; budget < 200; budget += 7) {
            double[] start = {-1.2, 1.0};
            var r = GradientDescent.minimize(ROSENBROCK, start,
                    GradientDescent.Settings.of(new StepSize.Armijo(1.0), stop(budget, 0)));
            assertTrue(r.value() <= previous, "budget " + budget);
            previous = r.value();
        }
        assertTrue(previous < ROSENBROCK.value(x));
    }

    @Test
    void fixedStepThatIsTooLargeDiverges() {
        double[] x = {3, 3};
        var result = GradientDescent.minimize(DOUBLE_WELL, x,
                GradientDescent.Settings.of(new StepSize.Fixed(10), stop(1000, 1e-12)));
        assertEquals(StopReason.DIVERGED, result.reason());
    }

    @Test
    void targetStopsEarly() {
        double[] x = {2, 1};
        var result = GradientDescent.minimize(DOUBLE_WELL, x, GradientDescent.Settings.of(new StepSize.Fixed(0.1),
                stop(10_000, 1e-14).or(StoppingRule.valueBelow(-0.2))));
        assertEquals(StopReason.TARGET_REACHED, result.reason());
        assertTrue(result.value() <= -0.2 && result.value() > -0.25);
    }

    @Test
    void plainDescentStaysOnAStrictSaddle() {
        double[] x = {0, 0.5};
        var result = GradientDescent.minimize(DOUBLE_WELL, x,
                GradientDescent.Settings.of(new StepSize.Fixed(0.1), stop(10_000, 1e-10)));
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.reason());
        assertEquals(0, x[0], 0);
        assertEquals(0, result.perturbations());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void perturbedDescentEscapesTheSaddleAndCertifiesTheMinimum(long seed) {
        double[] x = {0, 0.5};
        var settings = GradientDescent.Settings.of(new StepSize.Fixed(0.1), stop(10_000, 1e-10))
                .withPerturbation(new Perturbation(1e-3, 200, 1e-4, 3, seed));
        var result = GradientDescent.minimize(DOUBLE_WELL, x, settings);
        assertEquals(StopReason.GRADIENT_TOLERANCE, result.reason());
        assertEquals(1.0, Math.abs(x[0]), SOLUTION_TOL);
        assertEquals(-0.25, result.value(), 1e-12);
        // The first perturbation escapes; the second, at the minimum, finds nothing lower and is undone.
        assertEquals(2, result.perturbations());
        assertEquals(DOUBLE_WELL.value(x), result.value(), 0);
    }

    /**
     * f = (x² + 4y²)/2 evaluated with an absolute error of up to ±{@code noise}/2 that does not shrink with f (a
     * deterministic hash of x's bits), like a value computed as a difference of large terms; the gradient is
     * exact. Its {@link Objective#valueErrorFloor} is {@code floor}.
     */
    private static Objective noisyQuadratic(double noise, double floor) {
        return new Objective() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public double value(double[] p) {
                long bits = Double.doubleToLongBits(p[0]) * 31 + Double.doubleToLongBits(p[1]);
                double hash = ((bits * 0x9E3779B97F4A7C15L) >>> 11) * 0x1p-53 - 0.5; // in [−½, ½)
                return (p[0] * p[0] + 4 * p[1] * p[1]) / 2 + noise * hash;
            }

            @Override
            public double valueAndGradient(double[] p, double[] g) {
                g[0] = p[0];
                g[1] = 4 * p[1];
                return value(p);
            }

            @Override
            public void hessianVector(double[] p, double[] v, double[] out) {
                out[0] = v[0];
                out[1] = 4 * v[1];
            }

            @Override
            public double valueErrorFloor() {
                return floor;
            }
        };
    }

    /**
     * Once f falls to its absolute error (1e-12 here, at ‖∇f‖ ≈ 1e-6), value comparisons are coin flips: without a
     * floor Armijo stalls far above a gradient tolerance of 1e-10; with the floor counted as rounding, the
     * approximate test decides by the exact gradients and the run gets there.
     */
    @Test
    void armijoCountsTheObjectivesValueErrorFloorAsRounding() {
        double noise = 1e-12;
        var settings = GradientDescent.Settings.of(new StepSize.Armijo(0.1), stop(2_000, 1e-10));
        double[] stalled = {1, 1};
        var without = GradientDescent.minimize(noisyQuadratic(noise, 0), stalled, settings);
        assertEquals(StopReason.MAX_ITERATIONS, without.reason(), without::toString);
        assertTrue(without.gradNorm() > 1e-8, without::toString);
        double[] converged = {1, 1};
        var with = GradientDescent.minimize(noisyQuadratic(noise, noise), converged, settings);
        assertEquals(StopReason.GRADIENT_TOLERANCE, with.reason(), with::toString);
    }

    @Test
    void sameSettingsGiveBitIdenticalRuns() {
        var settings = GradientDescent.Settings.of(new StepSize.Armijo(1), stop(500, 1e-12))
                .withPerturbation(new Perturbation(1e-2, 50, 1e-6, 5, 42));
        double[] a = {-1.2, 1.0};
        double[] b = {-1.2, 1.0};
        assertEquals(GradientDescent.minimize(ROSENBROCK, a, settings),
                GradientDescent.minimize(ROSENBROCK, b, settings));
        assertEquals(a[0], b[0], 0);
        assertEquals(a[1], b[1], 0);
    }
}
