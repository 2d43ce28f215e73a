package org.overparam.spec;

import org.overparam.experiment.CurvaturePolicy;
import org.overparam.experiment.EndPoints;
import org.overparam.experiment.Explicit;
import org.overparam.experiment.Family;
import org.overparam.experiment.Method;
import org.overparam.experiment.OperatorKind;
import org.overparam.experiment.ProblemConfig;
import org.overparam.experiment.RunConfig;
import org.overparam.experiment.SolverConfig;
import org.overparam.experiment.StepRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The grid as mixed-radix arithmetic: a point index decodes to one value per slot (every {@link Param}, then the
 * helper axes), derived slots are computed, and the core records are built — so their validation applies to
 * every point. Holds no per-point state; each caller passes its own slot buffer.
 */
final class Expansion {

    /** One iteration dimension: a lone axis or a zip group, whose members advance together. */
    record Dim(Axis[] members, int[] slots, boolean instance) {
        int size() {
            return members[0].size();
        }
    }

    record Step(Derived derived, int target, int[] inputs) {
    }

    private static final Param[] PARAMS = Param.values();

    private final long masterSeed;
    private final int replicates;
    private final List<String> slotNames;
    private final String[] locations;
    private final double[] base;
    private final Dim[] dims;
    private final Step[] steps;
    private final Explicit explicit;
    private final long cells;
    private final long runCells;

    /**
     * @param slotNames names of all slots: the {@link Param} keys in declaration order, then helpers
     * @param locations where each slot's value comes from, e.g. {@code grid.R}, {@code problem.d}
     * @param base      fixed values and defaults per slot; NaN where unset (the operator: the family's default)
     * @param dims      iteration dimensions, outermost first, instance dimensions before run dimensions
     * @param steps     derived slots in evaluation order
     */
    Expansion(long masterSeed, int replicates, List<String> slotNames, String[] locations, double[] base,
              Dim[] dims, Step[] steps, Explicit explicit) {
        this.masterSeed = masterSeed;
        this.replicates = replicates;
        this.slotNames = List.copyOf(slotNames);
        this.locations = locations.clone();
        this.base = base.clone();
        this.dims = dims.clone();
        this.steps = steps.clone();
        this.explicit = explicit;
        long c = 1;
        long run = 1;
        for (Dim dim : dims) {
            c *= dim.size();
            if (!dim.instance()) {
                run *= dim.size();
            }
        }
        this.cells = c;
        this.runCells = run;
    }

    /** Grid cells per replicate. Callers check the product against the point limit before building. */
    long cells() {
        return cells;
    }

    /** Cells that share one instance: the product of the run dimensions. */
    long runCells() {
        return runCells;
    }

    long count() {
        return cells * replicates;
    }

    int replicates() {
        return replicates;
    }

    Dim[] dims() {
        return dims.clone();
    }

    int slotCount() {
        return base.length;
    }

    List<String> slotNames() {
        return slotNames;
    }

    int slot(String name) {
        return slotNames.indexOf(name);
    }

    String location(int slot) {
        return locations[slot];
    }

    /** The slot's fixed value or default (NaN where unset), before the grid sets it. */
    double base(int slot) {
        return base[slot];
    }

    boolean derived(int slot) {
        return Arrays.stream(steps).anyMatch(s -> s.target() == slot);
    }

    Step step(int slot) {
        return Arrays.stream(steps).filter(s -> s.target() == slot).findFirst().orElseThrow();
    }

    /** The point with this index: replicate outermost, then the cell's dimensions, the last fastest. */
    RunConfig point(long index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("point " + index + " of " + count());
        }
        double[] vals = new double[base.length];
        fill(index % cells, vals);
        derive(vals);
        return build((int) (index / cells), vals);
    }

    /**
     * The j-th of k cells along the grid's diagonal: every dimension at the same fraction j/(k−1) of its values,
     * so examples show the first values, the last values and a spread in between.
     */
    long diagonalCell(int j, int k) {
        long cell = 0;
        for (Dim dim : dims) {
            long i = k <= 1 ? 0 : Math.round(j * (dim.size() - 1) / (double) (k - 1));
            cell = cell * dim.size() + i;
        }
        return cell;
    }

    /** Sets every slot to its base value, then the dimensions' values for this cell (no derived slots). */
    void fill(long cell, double[] vals) {
        System.arraycopy(base, 0, vals, 0, base.length);
        long rest = cell;
        for (int k = dims.length - 1; k >= 0; k--) {
            Dim dim = dims[k];
            int i = (int) (rest % dim.size());
            rest /= dim.size();
            for (int m = 0; m < dim.members().length; m++) {
                vals[dim.slots()[m]] = dim.members()[m].value(i);
            }
        }
    }

    /** Computes the derived slots in order. Throws IllegalArgumentException for an integer out of range. */
    void derive(double[] vals) {
        for (Step step : steps) {
            double[] f = new double[step.inputs().length];
            for (int i = 0; i < f.length; i++) {
                f[i] = vals[step.inputs()[i]];
            }
            double v = step.derived().apply(f);
            vals[step.target()] = v;
            Param p = param(step.target());
            if (p != null && p.kind() == Param.Kind.INTEGER && !(Math.abs(v) <= Integer.MAX_VALUE)) {
                throw new IllegalArgumentException(p.key() + " must be <= " + Integer.MAX_VALUE + ", got "
                        + Numbers.format(v));
            }
            if (p != null) {
                String rule = p.check(v);
                if (rule != null) {
                    throw new IllegalArgumentException(rule + ", got " + p.format(v));
                }
            }
        }
    }

    /** Builds the core records; their compact constructors throw IllegalArgumentException naming the key. */
    RunConfig build(int replicate, double[] vals) {
        return build(replicate, problem(vals), vals);
    }

    /** The instance part: depends only on the instance slots. */
    ProblemConfig problem(double[] vals) {
        Family family = Family.values()[(int) vals[Param.FAMILY.ordinal()]];
        double op = vals[Param.OPERATOR.ordinal()];
        OperatorKind operator = Double.isNaN(op) ? family.defaultOperator() : OperatorKind.values()[(int) op];
        // Unset fields a family does not use become 0 (a cast NaN); a ReLU input dimension defaults to r.
        double d = vals[Param.D.ordinal()];
        if (Double.isNaN(d) && family == Family.RELU_TEACHER_STUDENT) {
            d = vals[Param.R_TRUTH.ordinal()];
        }
        return ProblemConfig.of(family, operator, (int) d, integer(vals, Param.R_TRUTH), integer(vals, Param.N),
                vals[Param.CONDITION.ordinal()], vals[Param.NOISE.ordinal()], vals[Param.LAMBDA.ordinal()],
                vals[Param.REGULARIZER.ordinal()], explicit);
    }

    /** The point, given its already-built instance part. */
    RunConfig build(int replicate, ProblemConfig problem, double[] vals) {
        SolverConfig solver = new SolverConfig(Method.values()[integer(vals, Param.METHOD)],
                StepRule.values()[integer(vals, Param.STEP)], vals[Param.STEP_SIZE.ordinal()],
                integer(vals, Param.MAX_ITERS), vals[Param.GRAD_TOL.ordinal()], vals[Param.HESS_TOL.ordinal()],
                vals[Param.TARGET.ordinal()], vals[Param.GAP_REL.ordinal()], vals[Param.GAP_ABS.ordinal()],
                vals[Param.REFERENCE_TOL.ordinal()], vals[Param.PERTURB_RADIUS.ordinal()],
                vals[Param.DIVERGENCE.ordinal()], integer(vals, Param.MAX_RESTARTS),
                vals[Param.TANGENT_KERNEL.ordinal()] == 1, integer(vals, Param.TRAJECTORY),
                CurvaturePolicy.values()[integer(vals, Param.CURVATURE)],
                EndPoints.values()[integer(vals, Param.ENDPOINTS)]);
        return new RunConfig(masterSeed, replicate, problem, solver, integer(vals, Param.RANK),
                vals[Param.ALPHA.ordinal()]);
    }

    /**
     * Every cell of replicate 0 in order, building each instance's problem once (cells of one instance are
     * contiguous: the instance dimensions come first).
     */
    void forEachCell(java.util.function.Consumer<RunConfig> action) {
        double[] vals = new double[base.length];
        ProblemConfig problem = null;
        for (long cell = 0; cell < cells; cell++) {
            fill(cell, vals);
            derive(vals);
            if (cell % runCells == 0) {
                problem = problem(vals);
            }
            action.accept(build(0, problem, vals));
        }
    }


    /** The chosen values of a cell's multi-valued axes, as {@code --point} takes them, e.g. {@code R=2,n=40}. */
    String label(long cell) {
        return label(cell, false);
    }

    /** {@link #label(long)}, limited to the instance axes when {@code instanceOnly}. */
    String label(long cell, boolean instanceOnly) {
        double[] vals = new double[base.length];
        fill(cell, vals);
        List<String> parts = new ArrayList<>();
        int[] slots = Arrays.stream(dims).filter(d -> d.size() > 1 && (d.instance() || !instanceOnly))
                .flatMapToInt(d -> Arrays.stream(d.slots())).sorted().toArray();
        for (int slot : slots) {
            parts.add(slotNames.get(slot) + "=" + format(slot, vals[slot]));
        }
        return String.join(",", parts);
    }

    /** Slots of the axes with more than one value, in slot order: the names {@code --point} requires. */
    int[] varyingSlots() {
        return Arrays.stream(dims).filter(d -> d.size() > 1).flatMapToInt(d -> Arrays.stream(d.slots()))
                .sorted().toArray();
    }

    /** Slots of every grid axis, in slot order. */
    int[] axisSlots() {
        return Arrays.stream(dims).flatMapToInt(d -> Arrays.stream(d.slots())).sorted().toArray();
    }

    /**
     * A core record's IllegalArgumentException as a problem at the spec key it names: its message starts with
     * the core's key ({@code problem.r must be …}, {@code n must be …}), which maps to where the spec sets it.
     *
     * @param vals    the slot values the record was built from
     * @param context where the values come from (a cell's label), or "" for none
     */
    SpecProblem explain(IllegalArgumentException e, double[] vals, String context) {
        String message = String.valueOf(e.getMessage());
        String token = message.split(" ", 2)[0];
        String bare = token.replaceFirst("^(problem|solver)\\.", "");
        int slot = slot(bare);
        String rule = message + (context.isEmpty() ? "" : " (at " + context + ")");
        if (slot >= 0) {
            Param p = param(slot);
            String value = format(slot, vals[slot]);
            boolean text = p != null && p.kind() == Param.Kind.CHOICE;
            return new SpecProblem(location(slot), text ? "'" + value + "'" : value, rule);
        }
        return new SpecProblem(token.matches("[A-Za-z_][A-Za-z0-9_.\\[\\]]*") ? token : "", null, rule);
    }

    Param param(int slot) {
        return slot < PARAMS.length ? PARAMS[slot] : null;
    }

    String format(int slot, double v) {
        Param p = param(slot);
        if (Double.isNaN(v)) {
            return "(default)";
        }
        return p == null ? Numbers.format(v) : p.format(v);
    }

    private static int integer(double[] vals, Param p) {
        return (int) vals[p.ordinal()];
    }
}
