package org.overparam.spec;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the points of one spec sit in another: the index in {@code to} of the point with the same coordinates
 * (every slot's value and the replicate) as a point of {@code from}, or −1 when {@code to} does not have it. Made
 * for a spec that extends a recorded one ({@link Extension}): axes that gained or lost values, more or fewer
 * replicates, a fixed field that became an axis; and for the refinements of one ({@code refine}), each an axis or
 * two of it fixed at other values. Pure arithmetic on the two grids, no point is built, so a resume
 * can carry millions of recorded points over to the extended spec in a second and a bitmap.
 */
public final class PointMap {

    /** Grids with more cells than this are not mapped (see {@link #agreesOnPointIds}). */
    static final long CHECKED_CELLS = 100_000;

    private final SweepSpec from;
    private final SweepSpec to;
    private final long fromCells;
    private final int[] fromSizes;
    /** Per dimension of {@code from}: the index in its {@code to} dimension of each of its values (−1: absent). */
    private final int[][] toIndex;
    /** Per dimension of {@code from}: the stride of its {@code to} dimension in a cell (0 when fixed in to). */
    private final long[] toStride;
    /** The cell offset of the {@code to} dimensions that are fixed in {@code from}; −1 when a value is absent. */
    private final long constant;
    private final long toCells;
    private final int toReplicates;
    private final int fromReplicates;

    private PointMap(SweepSpec from, SweepSpec to, int[][] toIndex, long[] toStride, long constant) {
        Expansion a = from.expansion();
        Expansion b = to.expansion();
        this.from = from;
        this.to = to;
        this.fromCells = a.cells();
        this.fromSizes = Arrays.stream(a.dims()).mapToInt(Expansion.Dim::size).toArray();
        this.toIndex = toIndex;
        this.toStride = toStride;
        this.constant = constant;
        this.toCells = b.cells();
        this.fromReplicates = a.replicates();
        this.toReplicates = b.replicates();
    }

    /**
     * The map from {@code from}'s points to {@code to}'s, or empty when the two cannot be compared slot by slot
     * (different parameter sets, a fixed value or a zip group that differs, a dimension split or merged).
     */
    public static Optional<PointMap> between(SweepSpec from, SweepSpec to) {
        Expansion a = from.expansion();
        Expansion b = to.expansion();
        if (!a.slotNames().equals(b.slotNames())) {
            return Optional.empty();
        }
        Expansion.Dim[] fromDims = a.dims();
        Expansion.Dim[] toDims = b.dims();
        boolean[] inDim = new boolean[a.slotCount()];
        for (Expansion.Dim[] dims : List.of(fromDims, toDims)) {
            for (Expansion.Dim dim : dims) {
                for (int s : dim.slots()) {
                    inDim[s] = true;
                }
            }
        }
        // Fixed in both at different values (two refinements of one experiment, at n = 24 and at n = 32, say): no
        // point is shared, which the point ids confirm below (a field that is not part of a point, such as one its
        // family does not use, would make the same points: then there is no map).
        boolean disjoint = false;
        for (int s = 0; s < inDim.length; s++) {
            disjoint |= !inDim[s] && !a.derived(s) && Double.compare(a.base(s), b.base(s)) != 0;
        }
        long[] strides = new long[toDims.length];
        long stride = 1;
        for (int k = toDims.length - 1; k >= 0; k--) {
            strides[k] = stride;
            stride *= toDims[k].size();
        }
        int[][] toIndex = new int[fromDims.length][];
        long[] toStride = new long[fromDims.length];
        boolean[] matched = new boolean[toDims.length];
        for (int f = 0; f < fromDims.length; f++) {
            Expansion.Dim dim = fromDims[f];
            int t = find(toDims, dim.slots());
            toIndex[f] = new int[dim.size()];
            if (t >= 0) {
                matched[t] = true;
                toStride[f] = strides[t];
                for (int i = 0; i < dim.size(); i++) {
                    toIndex[f][i] = indexOf(toDims[t], values(dim, i));
                }
            } else if (anyOverlap(toDims, dim.slots())) {
                return Optional.empty();
            } else {
                // Fixed in to: only the value equal to to's keeps its point.
                double[] fixed = Arrays.stream(dim.slots()).mapToDouble(b::base).toArray();
                for (int i = 0; i < dim.size(); i++) {
                    toIndex[f][i] = Arrays.equals(values(dim, i), fixed) ? 0 : -1;
                }
            }
        }
        long constant = 0;
        for (int t = 0; t < toDims.length; t++) {
            if (matched[t]) {
                continue;
            }
            if (anyOverlap(fromDims, toDims[t].slots())) {
                return Optional.empty();
            }
            int i = indexOf(toDims[t], Arrays.stream(toDims[t].slots()).mapToDouble(a::base).toArray());
            if (i < 0) {
                constant = -1;
                break;
            }
            constant += i * strides[t];
        }
        PointMap map = new PointMap(from, to, toIndex, toStride, disjoint ? -1 : constant);
        return map.agreesOnPointIds() ? Optional.of(map) : Optional.empty();
    }

    /**
     * The arithmetic checked against the points themselves, cell by cell (replicate 0, where seeds are
     * per-replicate alike): a mapped cell has the same point id in both specs, an unmapped one is in no cell of
     * {@code to}; and the last point of {@code from} likewise. A map that is wrong would re-run points that have
     * rows, or skip points that have none, so grids too large to check ({@value #CHECKED_CELLS} cells) are not
     * mapped.
     */
    private boolean agreesOnPointIds() {
        if (fromCells > CHECKED_CELLS || toCells > CHECKED_CELLS) {
            return false;
        }
        Set<String> toIds = new HashSet<>();
        to.forEachCell(p -> toIds.add(p.pointId()));
        long[] cell = {0};
        boolean[] agree = {true};
        from.forEachCell(p -> {
            long mapped = index(cell[0]++);
            agree[0] &= mapped < 0 ? !toIds.contains(p.pointId()) : to.point(mapped).pointId().equals(p.pointId());
        });
        long last = from.count() - 1;
        long mappedLast = index(last);
        return agree[0] && (mappedLast < 0 || to.point(mappedLast).pointId().equals(from.point(last).pointId()));
    }

    /** The index in {@code to} of the point of {@code from} with this index, or −1 when {@code to} lacks it. */
    public long index(long fromIndex) {
        if (fromIndex < 0 || fromIndex >= fromCells * fromReplicates) {
            throw new IndexOutOfBoundsException("point " + fromIndex + " of " + fromCells * fromReplicates);
        }
        long replicate = fromIndex / fromCells;
        if (replicate >= toReplicates || constant < 0) {
            return -1;
        }
        long rest = fromIndex % fromCells;
        long cell = constant;
        for (int k = fromSizes.length - 1; k >= 0; k--) {
            int i = (int) (rest % fromSizes[k]);
            rest /= fromSizes[k];
            int t = toIndex[k][i];
            if (t < 0) {
                return -1;
            }
            cell += t * toStride[k];
        }
        return replicate * toCells + cell;
    }

    /**
     * The run-order position in {@code to} ({@link SweepSpec#runOrder}) of the point at this run-order position in
     * {@code from}, or −1 when {@code to} lacks it: what a commit log's wave entries record.
     */
    public long position(long fromPosition) {
        long index = index(from.indexAt(fromPosition));
        return index < 0 ? -1 : to.runOrder(index);
    }

    /** The dimension of {@code dims} whose members are exactly these slots (in order), or −1. */
    private static int find(Expansion.Dim[] dims, int[] slots) {
        for (int k = 0; k < dims.length; k++) {
            if (Arrays.equals(dims[k].slots(), slots)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean anyOverlap(Expansion.Dim[] dims, int[] slots) {
        return Arrays.stream(dims).flatMapToInt(d -> Arrays.stream(d.slots()))
                .anyMatch(s -> Arrays.stream(slots).anyMatch(x -> x == s));
    }

    /** The members' values at position i of a dimension. */
    private static double[] values(Expansion.Dim dim, int i) {
        return Arrays.stream(dim.members()).mapToDouble(m -> m.value(i)).toArray();
    }

    /** The position of these member values in a dimension, or −1. */
    private static int indexOf(Expansion.Dim dim, double[] values) {
        for (int i = 0; i < dim.size(); i++) {
            if (Arrays.equals(values(dim, i), values)) {
                return i;
            }
        }
        return -1;
    }
}
