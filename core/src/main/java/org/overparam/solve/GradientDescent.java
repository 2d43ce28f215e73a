package org.overparam.solve;

import java.util.Arrays;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.Objective;
import org.overparam.random.Seeds;

/**
 * Gradient descent x ← x − η∇f(x) with a fixed or Armijo step, optionally perturbed to escape strict saddles.
 * With a {@link Retraction} it is Riemannian gradient descent, x ← R(x − η grad f(x)), for objectives that return
 * the Riemannian gradient (Absil, Mahony &amp; Sepulchre 2008, §4.2; Armijo on the manifold is the same test).
 * Keeps no state between calls; all buffers are allocated once per call and reused across iterations.
 * {@link #minimizeLockStep} runs many searches together, one per lane of a {@link BatchedObjective}.
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
        Search search = new Search(x, settings, f.valueErrorFloor());
        while (!search.finished()) {
            search.offer(f.valueAndGradient(search.point(), search.gradient()));
        }
        return search.descent();
    }

    /**
     * Minimizes L objectives in lock-step, lane j from the point in {@code x[j]} (overwritten with
     * its final iterate) with {@code settings[j]}. Every round evaluates the pending point of every running lane
     * with one call of a {@link BatchedObjective}; each lane then takes exactly the decisions {@link #minimize}
     * takes, so lane j's result is bit-identical to {@code minimize(f_j, x[j], settings[j])} whenever the batched
     * objective's lane j performs f_j's scalar arithmetic (its contract). Lanes leave the batch as they stop;
     * once at most half of them still run, the batch is rebuilt from the running lanes alone.
     *
     * @param batches builds the batched objective of the lanes listed (indices into {@code x}, ascending)
     */
    public static Descent[] minimizeLockStep(Function<int[], BatchedObjective> batches, double[][] x,
                                             Settings[] settings) {
        int lanes = x.length;
        if (settings.length != lanes) {
            throw new IllegalArgumentException("one settings per lane: " + lanes + " lanes, " + settings.length
                    + " settings");
        }
        int[] members = IntStream.range(0, lanes).toArray();
        BatchedObjective batch = batches.apply(members);
        Search[] searches = new Search[lanes];
        for (int j = 0; j < lanes; j++) {
            searches[j] = new Search(x[j], settings[j], batch.valueErrorFloor(j));
        }
        while (members.length > 0) {
            int width = members.length;
            if (batch.lanes() != width) {
                throw new IllegalStateException("the batch has " + batch.lanes() + " lanes, asked for " + width);
            }
            double[][] points = new double[width][];
            double[][] gradients = new double[width][];
            double[] values = new double[width];
            int running = width;
            while (running > width / 2) {
                for (int slot = 0; slot < width; slot++) {
                    Search s = searches[members[slot]];
                    points[slot] = s.finished() ? null : s.point(); // a finished lane idles until the batch shrinks
                    gradients[slot] = s.finished() ? null : s.gradient();
                }
                batch.valueAndGradient(points, gradients, values);
                running = 0;
                for (int slot = 0; slot < width; slot++) {
                    Search s = searches[members[slot]];
                    if (!s.finished()) {
                        s.offer(values[slot]);
                        running += s.finished() ? 0 : 1;
                    }
                }
            }
            members = Arrays.stream(members).filter(j -> !searches[j].finished()).toArray();
            if (members.length > 0) {
                batch = batches.apply(members);
            }
        }
        Descent[] out = new Descent[lanes];
        for (int j = 0; j < lanes; j++) {
            out[j] = searches[j].descent();
        }
        return out;
    }

    /**
     * One search as a state machine driven from outside: {@link #point()} is where f and ∇f are needed next,
     * {@link #offer} hands over f there (∇f having been written into {@link #gradient()}), until
     * {@link #finished()}. The scalar and the lock-step drivers share it, so they take the same decisions.
     */
    private static final class Search {

        /** What the pending evaluation is for. */
        private enum Pending { START, TRIAL, PERTURBED, NONE }

        private final double[] out;
        private final Settings settings;
        private final StepSize.Armijo armijo;
        private double[] x;
        private double[] g;
        private double[] xTrial;
        private double[] gTrial;
        private double fx;
        private double gn;
        private double eta;
        /** Armijo: iterations in a row whose first trial step was accepted. */
        private int streak;
        private int halvings;
        private double required;
        private int iterations;
        private int evaluations;
        /** The objective's absolute value error, part of the approximate Armijo test's rounding allowance. */
        private final double valueErrorFloor;
        private Pending pending;
        private StopReason reason;

        // Perturbed GD: the point the current escape attempt started from.
        private final RandomGenerator noise;
        private final double[] xSaved;
        private double fSaved;
        private double gnSaved;
        private int escapeStart = -1;
        private int perturbations;

        Search(double[] x0, Settings settings, double valueErrorFloor) {
            this.out = x0;
            this.valueErrorFloor = valueErrorFloor;
            this.settings = settings;
            this.armijo = settings.step() instanceof StepSize.Armijo a ? a : null;
            int dim = x0.length;
            this.x = x0.clone();
            this.g = new double[dim];
            this.xTrial = new double[dim];
            this.gTrial = new double[dim];
            Perturbation p = settings.perturbation();
            this.noise = p == null ? null : Seeds.generator(p.seed());
            this.xSaved = p == null ? null : new double[dim];
            this.eta = armijo == null ? ((StepSize.Fixed) settings.step()).eta() : armijo.initial();
            if (settings.retraction() != null) {
                settings.retraction().retract(x);
            }
            pending = Pending.START;
        }

        boolean finished() {
            return pending == Pending.NONE;
        }

        /** Where the next evaluation is needed (read only). */
        double[] point() {
            return pending == Pending.TRIAL ? xTrial : x;
        }

        /** Where the gradient at {@link #point()} is to be written. */
        double[] gradient() {
            return pending == Pending.TRIAL ? gTrial : g;
        }

        /** f at {@link #point()}; moves the search on to its next evaluation or to its end. */
        void offer(double value) {
            evaluations++;
            switch (pending) {
                case START -> {
                    fx = value;
                    gn = norm(g);
                    observe();
                    check();
                }
                case PERTURBED -> {
                    fx = value;
                    gn = norm(g);
                    observe();
                    beginStep();
                }
                case TRIAL -> afterTrial(value);
                case NONE -> throw new IllegalStateException("the search has finished");
            }
        }

        Descent descent() {
            return new Descent(fx, gn, iterations, evaluations, perturbations, reason);
        }

        /** At an accepted point: stop, perturb, or step. */
        private void check() {
            StopReason r = settings.stop().check(iterations, fx, gn);
            if (settings.perturbation() != null && r != StopReason.DIVERGED) {
                r = perturbOrStop(r);
                if (pending == Pending.PERTURBED) {
                    return;
                }
            }
            if (r != null) {
                finish(r);
                return;
            }
            beginStep();
        }

        private void beginStep() {
            if (armijo != null) {
                if (streak == StepSize.Armijo.GROWTH_STREAK) {
                    eta = Math.min(2 * eta, armijo.initial() * StepSize.Armijo.GROWTH_CAP);
                    streak = 0;
                }
                required = StepSize.Armijo.SUFFICIENT_DECREASE * gn * gn;
                halvings = 0;
            }
            prepareTrial();
        }

        private void afterTrial(double fTrial) {
            if (armijo == null || fTrial <= fx - eta * required || approximatelyArmijo(fTrial)) {
                if (armijo != null) {
                    streak = halvings == 0 ? streak + 1 : 0;
                }
                accept(fTrial);
                iterations++;
                observe();
                check();
                return;
            }
            if (halvings == StepSize.Armijo.MAX_HALVINGS) {
                if (settings.perturbation() != null && escapeStart >= 0) {
                    restoreSaved();
                }
                finish(StopReason.NO_DESCENT);
                return;
            }
            eta /= 2;
            halvings++;
            prepareTrial();
        }

        private void finish(StopReason why) {
            reason = why;
            pending = Pending.NONE;
            System.arraycopy(x, 0, out, 0, x.length);
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

        private void prepareTrial() {
            double[] xt = xTrial;
            for (int i = 0; i < xt.length; i++) {
                xt[i] = x[i] - eta * g[i];
            }
            if (settings.retraction() != null) {
                settings.retraction().retract(xt);
            }
            pending = Pending.TRIAL;
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
         * to continue; a fresh perturbation leaves the perturbed point pending.
         */
        private StopReason perturbOrStop(StopReason r) {
            Perturbation p = settings.perturbation();
            if (escapeStart >= 0) {
                if (fx < fSaved - p.decrease()) {
                    escapeStart = -1; // escaped a saddle: carry on as plain GD
                } else if (r != null || iterations - escapeStart >= p.window()) {
                    restoreSaved(); // nothing lower nearby: the saved point is the answer
                    return r == null || r == StopReason.TARGET_REACHED ? StopReason.GRADIENT_TOLERANCE : r;
                }
            }
            if (r == StopReason.GRADIENT_TOLERANCE && escapeStart < 0 && perturbations < p.maxTries()) {
                System.arraycopy(x, 0, xSaved, 0, x.length);
                fSaved = fx;
                gnSaved = gn;
                perturb(p.radius());
                escapeStart = iterations;
                perturbations++;
                return null;
            }
            return r;
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
            pending = Pending.PERTURBED;
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

        private static double norm(double[] v) {
            double s = 0;
            for (double e : v) {
                s += e * e;
            }
            return Math.sqrt(s);
        }
    }
}
