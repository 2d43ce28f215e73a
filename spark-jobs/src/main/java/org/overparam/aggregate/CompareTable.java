package org.overparam.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The cells of two sweeps matched on their shared axes ({@link Alignment}): {@code compare.csv} and the panels of the
 * difference maps. A cell that one sweep has and the other does not is kept, with the other side empty.
 */
public final class CompareTable {

    /** One column after the axes: its name, meaning, and value (null: an empty field). */
    public record Column(String name, String meaning, Function<ComparedCell, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("runs_a", "rows in sweep A's cell (empty: A has no runs here)", c -> runs(c.a())),
            new Column("bad_a", "A's rows with bad_local_min = true", c -> bad(c.a())),
            new Column("p_bad_a", "P(bad local minimum) in A = bad_a / classified runs of A's cell (runs less"
                    + " failed ones), as in cells.csv; empty where A's runs cannot reach the reference",
                    ComparedCell::pBadA),
            new Column("runs_b", "rows in sweep B's cell", c -> runs(c.b())),
            new Column("bad_b", "B's rows with bad_local_min = true", c -> bad(c.b())),
            new Column("p_bad_b", "P(bad local minimum) in B, as p_bad_a", ComparedCell::pBadB),
            new Column("diff", "p_bad_b − p_bad_a: negative where B ends in fewer bad local minima; empty unless"
                    + " both sides have a P(bad)", ComparedCell::diff),
            new Column("diff_lo", "lower bound of the 95% Newcombe interval of diff (hybrid score, built from the"
                    + " two Wilson intervals)", c -> c.compared() ? c.interval().lo() : null),
            new Column("diff_hi", "upper bound of the 95% Newcombe interval of diff",
                    c -> c.compared() ? c.interval().hi() : null),
            new Column("significant", "whether the interval excludes 0: the two sweeps' P(bad) differ at 95%",
                    ComparedCell::significant));

    private final List<String> axes;
    private final List<ComparedCell> cells;

    private CompareTable(List<String> axes, List<ComparedCell> cells) {
        this.axes = List.copyOf(axes);
        this.cells = List.copyOf(cells);
    }

    /**
     * Matches the cells of A and B on {@code alignment}'s shared axes, keeping only the cells at the values its
     * restricted axes are pinned to; cells sorted by the shared axes' values.
     */
    public static CompareTable match(CellTable a, CellTable b, Alignment alignment) {
        List<String> axes = alignment.shared();
        Map<List<Object>, Cell> byKeyA = project(a, axes, alignment.pinA());
        Map<List<Object>, Cell> byKeyB = project(b, axes, alignment.pinB());
        TreeSet<List<Object>> keys = new TreeSet<>(KEY_ORDER);
        keys.addAll(byKeyA.keySet());
        keys.addAll(byKeyB.keySet());
        List<ComparedCell> cells = new ArrayList<>();
        for (List<Object> key : keys) {
            cells.add(new ComparedCell(key, byKeyA.get(key), byKeyB.get(key)));
        }
        return new CompareTable(axes, cells);
    }

    /** The shared axes, in key order. */
    public List<String> axes() {
        return axes;
    }

    public List<ComparedCell> cells() {
        return cells;
    }

    /** The columns after the axes, with their meanings. */
    public static List<Column> columns() {
        return COLUMNS;
    }

    /** Every column name: the shared axes, then {@link #columns()}. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(axes);
        COLUMNS.forEach(c -> names.add(c.name()));
        return names;
    }

    /** Cells that both sweeps have. */
    public long matched() {
        return cells.stream().filter(c -> c.a() != null && c.b() != null).count();
    }

    /** Cells that only sweep A has. */
    public long onlyA() {
        return cells.stream().filter(c -> c.b() == null).count();
    }

    /** Cells that only sweep B has. */
    public long onlyB() {
        return cells.stream().filter(c -> c.a() == null).count();
    }

    /** Cells with a difference: both sides have a P(bad). */
    public long compared() {
        return cells.stream().filter(ComparedCell::compared).count();
    }

    /** Cells with a difference whose interval excludes 0 and whose sign is {@code sign} (+1: B worse, −1: B better). */
    public long significant(int sign) {
        return cells.stream().filter(c -> Boolean.TRUE.equals(c.significant()) && Math.signum(c.diff()) == sign)
                .count();
    }

    /** The largest |diff| over the cells, 0 when none has one. */
    public double largestDifference() {
        return cells.stream().map(ComparedCell::diff).filter(Objects::nonNull).mapToDouble(Math::abs).max()
                .orElse(0);
    }

    /** A cell as values in {@link #columnNames()} order (null for an empty field). */
    public List<Object> values(ComparedCell cell) {
        List<Object> out = new ArrayList<>(cell.key());
        COLUMNS.forEach(c -> out.add(c.value().apply(cell)));
        return Collections.unmodifiableList(out);
    }

    /** Writes {@code compare.csv}: a header, then one row per cell, in the conventions of cells.csv. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(columnNames().stream().map(CellTable::csvField).collect(Collectors.joining(",")));
            w.write("\r\n");
            for (ComparedCell c : cells) {
                w.write(values(c).stream().map(CellTable::csvField).collect(Collectors.joining(",")));
                w.write("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The table over {@code x} × {@code y} as pairs of panels, one pair per combination of the other shared axes:
     * A's cells and B's on the same scales (every value either sweep has), so that each sweep's boundary
     * ({@link Boundary#rows}) is computed from its own cells and drawn where the other's is.
     *
     * @param constantsA sweep A's constant parameters (for the panels' parameters)
     * @param constantsB sweep B's
     */
    public List<PanelPair> panels(String x, String y, Map<String, Object> constantsA, Map<String, Object> constantsB) {
        int xi = axes.indexOf(x);
        int yi = axes.indexOf(y);
        if (xi < 0 || yi < 0 || xi == yi) {
            throw new IllegalArgumentException("x and y must be two different shared axes of " + axes + ", got " + x
                    + " and " + y);
        }
        CategoryScale xs = scale(xi);
        CategoryScale ys = scale(yi);
        List<String> others = axes.stream().filter(a -> !a.equals(x) && !a.equals(y)).toList();
        Map<Map<String, Object>, List<ComparedCell>> groups = new LinkedHashMap<>();
        for (ComparedCell c : cells) {
            Map<String, Object> fixed = new LinkedHashMap<>();
            others.forEach(o -> fixed.put(o, c.key().get(axes.indexOf(o))));
            groups.computeIfAbsent(fixed, k -> new ArrayList<>()).add(c);
        }
        List<PanelPair> pairs = new ArrayList<>();
        for (Map.Entry<Map<String, Object>, List<ComparedCell>> g : groups.entrySet()) {
            Map<List<Object>, Cell> cellsA = new HashMap<>();
            Map<List<Object>, Cell> cellsB = new HashMap<>();
            for (ComparedCell c : g.getValue()) {
                List<Object> at = Arrays.asList(c.key().get(xi), c.key().get(yi));
                if (c.a() != null) {
                    cellsA.put(at, c.a());
                }
                if (c.b() != null) {
                    cellsB.put(at, c.b());
                }
            }
            Map<String, Object> fixed = g.getKey();
            pairs.add(new PanelPair(new Panel(fixed, x, y, xs, ys, Params.of(constantsA, fixed), cellsA),
                    new Panel(fixed, x, y, xs, ys, Params.of(constantsB, fixed), cellsB)));
        }
        return pairs;
    }

    private CategoryScale scale(int axis) {
        return Panel.scale(cells.stream().map(c -> c.key().get(axis)).toList());
    }

    /**
     * The cells of {@code table} at the pinned values, keyed by their values of {@code axes}. Every axis of the table
     * that is not in {@code axes} holds one value among these cells (the alignment made sure), so keys stay unique.
     */
    private static Map<List<Object>, Cell> project(CellTable table, List<String> axes, Map<String, Object> pins) {
        int[] index = axes.stream().mapToInt(table::axisIndex).toArray();
        Map<List<Object>, Cell> out = new HashMap<>();
        for (Cell c : table.cells()) {
            boolean kept = pins.entrySet().stream()
                    .allMatch(p -> Objects.equals(c.key().get(table.axisIndex(p.getKey())), p.getValue()));
            if (!kept) {
                continue;
            }
            List<Object> key = new ArrayList<>(index.length);
            for (int i : index) {
                key.add(c.key().get(i));
            }
            if (out.put(key, c) != null) {
                throw new IllegalStateException("two cells of " + table.axes() + " at " + axes + " = " + key);
            }
        }
        return out;
    }

    private static Long runs(Cell c) {
        return c == null ? null : c.runs();
    }

    private static Long bad(Cell c) {
        return c == null ? null : c.bad();
    }

    /** Keys in the order of their values, axis by axis (as the cell table sorts). */
    private static final Comparator<List<Object>> KEY_ORDER = (p, q) -> {
        for (int i = 0; i < p.size(); i++) {
            int c = Panel.VALUE_ORDER.compare(p.get(i), q.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };
}
