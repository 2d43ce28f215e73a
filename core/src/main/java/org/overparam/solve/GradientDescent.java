package org.overparam.solve;

import java.util.random.RandomGenerator;
import org.overparam.problem.Objective;
import org.overparam.random.Seeds;

/**
 * Gradient descent x ← x − η∇f(x) with a fixed or Armijo step, optionally perturbed to escape strict saddles.
 * With a {@link Retraction} it is Riemannian gradient descent, x ← R(x − η grad f(x)), for objectives that return
 * the Riemannian gradient (Absil, Mahony &amp; Sepulchre 2008, §4.2; Armijo on the manifold is the same test).
 * Keeps no state between calls; all buffers are allocated once per call and reused across iterations.
 */
public final class GradientDescent {

    private GradientDescent() {
    }

    /**
     * The search's settings; variants come from the {@code withX} copies.
     *
     * @param step         the step rule
     * @param stop         when to stop; {@link StopReason#GRADIENT_TOLERANCE} is where perturbations happen
     * @param perturbation the saddle-escape rule, or null for plain gradient descent
     * @param retraction   maps every trial point back onto the search manifold, or null for R^N
     * @param observer     sees every iterate's value and gradient norm, or null
     */
    public record Settings(StepSize step, StoppingRule stop, Perturbation perturbation, Retraction retraction,
                           Observer observer) {
        public Settings {
            if (step == null || stop == null) {
                throw new IllegalArgumentException("step and stop are required");
            }
        }

        public static Settings of(StepSize step, StoppingRule stop) {
            return new Settings(step, stop, null, null, null);
        }

        public Settings withStep(StepSize newStep) {
            return new Settings(newStep, stop, perturbation, retraction, observer);
        }

        public Settings withStop(StoppingRule newStop) {
            return new Settings(step, newStop, perturbation, retraction, observer);
        }

        public Settings withPerturbation(Perturbation newPerturbation) {
            return new Settings(step, stop, newPerturbation, retraction, observer);
        }

        public Settings withRetraction(Retraction newRetraction) {
            return new Settings(step, stop, perturbation, newRetraction, observer);
        }

        public Settings withObserver(Observer newObserver) {
            return new Settings(step, stop, perturbation, retraction, newObserver);
        }
    }

    /** Puts a point back onto the search manifold, in place. */
    @FunctionalInterface
    public interface Retraction {
        void retract(double[] x);
    }

    /** Sees the search's iterates: the start (iteration 0) and every accepted or perturbed point after it. */
    @FunctionalInterface
    public interface Observer {
        void iterate(int iteration, double value, double gradNorm);
    }

    /**
     * What a search ended with (the final iterate itself is left in the caller's array).
     *
     * @param value         f at the final iterate
     * @param gradNorm      ‖∇f‖ at the final iterate
     * @param iterations    accepted steps
     * @param evaluations   objective-and-gradient evaluations, rejected trial steps included
     * @param perturbations perturbations made (0 for plain gradient descent)
     * @param reason        why it stopped
     */
    public record Descent(double value, double gradNorm, int iterations, int evaluations, int perturbations,
                          StopReason reason) {
    }

    /**
     * Minimizes {@code f} from the point in {@code x}, which is overwritten with the final iterate.
     * Divergence is an outcome, never an exception: it ends the search with {@link StopReason#DIVERGED}.
     */
    public static Descent minimize(Objective f, double[] x, Settings settings) {
        int dim = f.dimension();
        if (x.length != dim) {
            throw new IllegalArgumentException("x must have length " + dim + ", got " + x.length);
        }
        return new Search(f, x, settings).run();
    }

    /** One call's mutable state, so that the public surface stays stateless. */
    private static final class Search {
        private final Objective f;
        private final double[] out;
        private final Settings settings;
        private double[] x;
        private double[] g;
        private double[] xTrial;
        private double[] gTrial;
        private double fx;
        private double gn;
        private double eta;
        private int iterations;
        private int evaluations;
        /** The objective's absolute value error, part of the approximate Armijo test's rounding allowance. */
        private final double valueErrorFloor;

        // Perturbed GD: the point the current escape attempt started from.
        private final RandomGenerator noise;
        private final double[] xSaved;
        private double fSaved;
        private double gnSaved;
        private int escapeStart = -1;
        private int perturbations;

        Search(Objective f, double[] x0, Settings settings) {
            this.f = f;
            this.out = x0;
            this.settings = settings;
            int dim = x0.length;
            this.x = x0.clone();
            this.g = new double[dim];
            this.xTrial = new double[dim];
            this.gTrial = new double[dim];
            this.valueErrorFloor = f.valueErrorFloor();
            Perturbation p = settings.perturbation();
            this.noise = p == null ? null : Seeds.generator(p.seed());
            this.xSaved = p == null ? null : new double[dim];
            this.eta = settings.step() instanceof StepSize.Fixed fixed ? fixed.eta()
                    : ((StepSize.Armijo) settings.step()).initial() / 2;
        }

        Descent run() {
            if (settings.retraction() != null) {
                settings.retraction().retract(x);
            }
            fx = evaluate(x, g);
            gn = norm(g);
            observe();
            StopReason reason;
            while (true) {
                reason = settings.stop().check(iterations, fx, gn);
                if (settings.perturbation() != null && reason != StopReason.DIVERGED) {
                    reason = perturbOrStop(reason);
                }
                if (reason != null) {
                    break;
                }
                if (!step()) {
                    reason = StopReason.NO_DESCENT;
                    if (settings.perturbation() != null && escapeStart >= 0) {
                        restoreSaved();
                    }
                    break;
                }
                iterations++;
                observe();
            }
            System.arraycopy(x, 0, out, 0, x.length);
            return new Descent(fx, gn, iterations, evaluations, perturbations, reason);
        }

        /** Takes one step; false when Armijo backtracking finds no decrease. */
        private boolean step() {
            if (settings.step() instanceof StepSize.Armijo armijo) {
                eta = Math.min(2 * eta, armijo.initial() * StepSize.Armijo.GROWTH_CAP);
                double required = StepSize.Armijo.SUFFICIENT_DECREASE * gn * gn;
                for (int halvings = 0; ; halvings++) {
                    double fTrial = trial();
                    if (fTrial <= fx - eta * required || approximatelyArmijo(fTrial)) {
                        accept(fTrial);
                        return true;
                    }
                    if (halvings == StepSize.Armijo.MAX_HALVINGS) {
                        return false;
                    }
                    eta /= 2;
                }
            }
            accept(trial());
            return true;
        }

        private boolean approximatelyArmijo(double fTrial) {
            double rounding = Math.max(StepSize.Armijo.VALUE_ROUNDING * Math.abs(fx), valueErrorFloor);
            if (!(fTrial <= fx + rounding)) {
                return false;
            }
            double slope = 0;
            for (int i = 0; i < g.length; i++) {
                slope += gTrial[i] * g[i];
            }
            return slope >= -StepSize.Armijo.SLOPE_TURN * gn * gn;
        }

        private double trial() {
            double[] xt = xTrial;
            for (int i = 0; i < xt.length; i++) {
                xt[i] = x[i] - eta * g[i];
            }
            if (settings.retraction() != null) {
                settings.retraction().retract(xt);
            }
            return evaluate(xt, gTrial);
        }

        private void accept(double fTrial) {
            double[] t = x;
            x = xTrial;
            xTrial = t;
            t = g;
            g = gTrial;
            gTrial = t;
            fx = fTrial;
            gn = norm(g);
        }

        /**
         * Perturbed GD's bookkeeping, given what the stopping rule said. Returns the reason to stop, or null
         * to continue (possibly from a freshly perturbed point).
         */
        private StopReason perturbOrStop(StopReason reason) {
            Perturbation p = settings.perturbation();
            if (escapeStart >= 0) {
                if (fx < fSaved - p.decrease()) {
                    escapeStart = -1; // escaped a saddle: carry on as plain GD
                } else if (reason != null || iterations - escapeStart >= p.window()) {
                    restoreSaved(); // nothing lower nearby: the saved point is the answer
                    return reason == null || reason == StopReason.TARGET_REACHED ? StopReason.GRADIENT_TOLERANCE
                            : reason;
                }
            }
            if (reason == StopReason.GRADIENT_TOLERANCE && escapeStart < 0 && perturbations < p.maxTries()) {
                System.arraycopy(x, 0, xSaved, 0, x.length);
                fSaved = fx;
                gnSaved = gn;
                perturb(p.radius());
                escapeStart = iterations;
                perturbations++;
                return null;
            }
            return reason;
        }

        private void perturb(double radius) {
            double squared = 0;
            for (int i = 0; i < xTrial.length; i++) {
                xTrial[i] = noise.nextGaussian();
                squared += xTrial[i] * xTrial[i];
            }
            // Uniform in the ball: a uniform direction times radius·U^(1/dim).
            double scale = radius * Math.pow(noise.nextDouble(), 1.0 / xTrial.length) / Math.sqrt(squared);
            for (int i = 0; i < x.length; i++) {
                x[i] += scale * xTrial[i];
            }
            if (settings.retraction() != null) {
                settings.retraction().retract(x);
            }
            fx = evaluate(x, g);
            gn = norm(g);
            observe();
        }

        private void observe() {
            if (settings.observer() != null) {
                settings.observer().iterate(iterations, fx, gn);
            }
        }

        private void restoreSaved() {
            System.arraycopy(xSaved, 0, x, 0, x.length);
            gn = gnSaved;
            fx = fSaved;
            escapeStart = -1;
        }

        private double evaluate(double[] point, double[] gradient) {
            evaluations++;
            return f.valueAndGradient(point, gradient);
        }

        private static double norm(double[] v) {
            double s = 0;
            for (double e : v) {
                s += e * e;
            }
            return Math.sqrt(s);
        }
    }
}
