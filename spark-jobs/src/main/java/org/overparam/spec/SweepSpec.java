package org.overparam.spec;

import org.overparam.experiment.RunConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * A validated sweep: its name, master seed, replicate count, fixed values and grid, and the ordered points.
 * Made only by {@link SpecLoader}; every point it yields has already been built once through the core records.
 *
 * <p><b>Point order.</b> The replicate is outermost, so the first {@link #cellCount()} points are replicate 0 of
 * every cell (a prefix of the sweep is a complete grid). Within a replicate the instance axes (problem keys and
 * n, and helpers feeding them) come before the run axes (R, alpha, solver keys), so the points that share an
 * instance are contiguous. Within each group axes go in a fixed order — R, alpha, n, then the problem keys, then
 * the solver keys as listed in {@link Param}, then helpers by name — and the last varies fastest. A zip group
 * moves as one axis at the place of its first member. The order depends on the values, not on how the YAML was
 * laid out.
 */
public final class SweepSpec {

    private final String name;
    private final long seed;
    private final int replicates;
    private final Grid grid;
    private final Map<String, String> fixed;
    private final Expansion expansion;
    private final long instances;
    private final String normalized;

    SweepSpec(String name, long seed, int replicates, Grid grid, Map<String, String> fixed, Expansion expansion,
              long instances, String normalized) {
        this.name = name;
        this.seed = seed;
        this.replicates = replicates;
        this.grid = grid;
        this.fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        this.expansion = expansion;
        this.instances = instances;
        this.normalized = normalized;
    }

    /** The sweep's name (also its output partition). */
    public String name() {
        return name;
    }

    /** The master seed. */
    public long seed() {
        return seed;
    }

    public int replicates() {
        return replicates;
    }

    public Grid grid() {
        return grid;
    }

    /** Values that are not axes, defaults included, by spec key ({@code problem.d → 20}), in {@link Param} order. */
    public Map<String, String> fixed() {
        return fixed;
    }

    /** The grid's arithmetic (for {@link PointMap}). */
    Expansion expansion() {
        return expansion;
    }

    /** Number of points: replicates × grid cells. */
    public long count() {
        return expansion.count();
    }

    /** Number of grid cells, i.e. points per replicate. */
    public long cellCount() {
        return expansion.cells();
    }

    /** Number of distinct instances: points that share (problem, n, replicate) share one instance. */
    public long instanceCount() {
        return instances;
    }

    /**
     * Every point in order (see the class comment). The list is computed on access, not stored, so even the
     * largest sweep costs no memory here; {@code get(i)} equals {@link #point(long) point(i)}.
     */
    public List<RunConfig> points() {
        return new Points();
    }

    /**
     * Every grid cell of replicate 0, in point order: the first {@link #cellCount()} points. Faster than
     * {@link #points()} for a pass over the whole grid (each instance's problem is built once); the other
     * replicates differ only in {@link RunConfig#replicate()}.
     */
    public void forEachCell(Consumer<RunConfig> action) {
        expansion.forEachCell(action);
    }

    /**
     * Where the point with this index comes in run order, a permutation of [0, {@link #count()}): instance-major
     * (the cells that share an instance, as a block), then replicate, then cell. Contiguous stretches of it hold
     * the same cells for consecutive replicates, which is what lock-step batches are made of (one lane per
     * replicate), while each instance still comes up once per stretch.
     */
    public long runOrder(long index) {
        long cells = expansion.cells();
        long perInstance = expansion.runCells();
        long replicate = index / cells;
        long cell = index % cells;
        long group = cell / perInstance;
        return (group * replicates + replicate) * perInstance + cell % perInstance;
    }

    /** The index of the point that comes {@code order}-th in run order: the inverse of {@link #runOrder}. */
    public long indexAt(long order) {
        long cells = expansion.cells();
        long perInstance = expansion.runCells();
        long inGroup = order % perInstance;
        long stretch = order / perInstance;
        long replicate = stretch % replicates;
        long group = stretch / replicates;
        return replicate * cells + group * perInstance + inGroup;
    }

    /** Which instance the point with this index runs on: equal for the points of one replicate's instance group. */
    public long instanceOf(long index) {
        return runOrder(index) / expansion.runCells();
    }

    /** Which block of cells that share an instance the point with this index belongs to (its run-order block). */
    public long instanceGroup(long index) {
        return index % expansion.cells() / expansion.runCells();
    }

    /** The point with this index, 0 ≤ index &lt; {@link #count()}. */
    public RunConfig point(long index) {
        return expansion.point(index);
    }

    /** The {@code --point} text of the point with this index, e.g. {@code R=4,alpha=0.001,n=96,replicate=0}. */
    public String pointLabel(long index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("point " + index + " of " + count());
        }
        String cell = expansion.label(index % expansion.cells());
        return (cell.isEmpty() ? "" : cell + ",") + "replicate=" + index / expansion.cells();
    }

    /**
     * Indices of up to {@code k} example points spread over the sweep: the first point, the last, and points
     * in between where every axis (and the replicate) moves by the same fraction of its values.
     */
    public long[] examples(int k) {
        long n = Math.min(k, count());
        return LongStream.range(0, n).map(j -> {
            long replicate = n <= 1 ? 0 : Math.round(j * (replicates - 1) / (double) (n - 1));
            return replicate * expansion.cells() + expansion.diagonalCell((int) j, (int) n);
        }).distinct().toArray();
    }

    /** The names {@code --point} requires: every axis with more than one value, then {@code replicate}. */
    public List<String> pointNames() {
        List<String> names = Arrays.stream(expansion.varyingSlots()).mapToObj(s -> expansion.slotNames().get(s))
                .collect(Collectors.toList());
        names.add("replicate");
        return names;
    }

    /**
     * The point given as {@code name=value,…}, e.g. {@code R=4,alpha=1e-3,n=96,replicate=0}. Every axis with
     * more than one value and {@code replicate} must be given; one-value axes may be. Values need not be on the
     * grid, but must be valid; derived axes are computed from the given ones.
     *
     * @throws SpecError naming {@code point.<name>} and the rule, for unknown, missing or invalid names and values
     */
    public RunConfig point(String assignment) {
        return PointParser.parse(this, expansion, assignment);
    }

    /** The fully-defaulted spec as canonical JSON (sorted keys, ranges expanded): equal for equal sweeps. */
    public String normalized() {
        return normalized;
    }

    /** SHA-256 of {@link #normalized()} in lower-case hex. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    @Override
    public String toString() {
        return "SweepSpec[" + name + ", " + count() + " points]";
    }

    private final class Points extends AbstractList<RunConfig> implements RandomAccess {
        @Override
        public RunConfig get(int index) {
            return expansion.point(index);
        }

        @Override
        public int size() {
            return (int) expansion.count();
        }
    }
}
