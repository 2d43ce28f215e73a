package org.overparam.aggregate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The cells of one chart: those sharing the values of every axis other than x and y. All panels of a table
 * share the same x and y categories (every value the table has), so panels compare cell by cell; a category
 * combination without runs is simply absent.
 *
 * @param fixed      the values of the other axes (empty when x and y are the only axes)
 * @param x          the horizontal axis column
 * @param y          the vertical axis column
 * @param xScale     x categories
 * @param yScale     y categories
 * @param parameters the sweep's constant parameters, then {@code fixed}: what overlays are computed from
 * @param cells      (x value, y value) → cell
 */
public record Panel(Map<String, Object> fixed, String x, String y, CategoryScale xScale, CategoryScale yScale,
                    Params parameters, Map<List<Object>, Cell> cells) {

    /** Sorts axis values: numbers by value, then other comparables, null last. */
    static final Comparator<Object> VALUE_ORDER = Comparator.nullsLast((a, b) -> {
        if (a instanceof Number p && b instanceof Number q) {
            return Double.compare(p.doubleValue(), q.doubleValue());
        }
        if (a instanceof Comparable<?> && a.getClass() == b.getClass()) {
            @SuppressWarnings("unchecked")
            Comparable<Object> c = (Comparable<Object>) a;
            return c.compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    });

    public Panel {
        fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        cells = Collections.unmodifiableMap(new HashMap<>(cells));
    }

    /**
     * Splits {@code table} into panels over {@code x} × {@code y}, one per combination of the other axes, in table
     * order.
     *
     * @param constants the sweep's parameters that do not vary (family, r, …)
     */
    public static List<Panel> split(CellTable table, Map<String, Object> constants, String x, String y) {
        int xi = table.axisIndex(x);
        int yi = table.axisIndex(y);
        if (xi < 0 || yi < 0 || xi == yi) {
            throw new IllegalArgumentException("x and y must be two different axes of " + table.axes() + ", got "
                    + x + " and " + y);
        }
        CategoryScale xs = scale(table, xi);
        CategoryScale ys = scale(table, yi);
        Map<List<Object>, Map<List<Object>, Cell>> groups = new LinkedHashMap<>();
        for (Cell c : table.cells()) {
            List<Object> rest = new ArrayList<>(c.key());
            rest.set(Math.max(xi, yi), Skip.SKIP);
            rest.set(Math.min(xi, yi), Skip.SKIP);
            rest.removeIf(v -> v == Skip.SKIP);
            groups.computeIfAbsent(rest, k -> new HashMap<>())
                    .put(Arrays.asList(c.key().get(xi), c.key().get(yi)), c);
        }
        List<String> others = table.axes().stream().filter(a -> !a.equals(x) && !a.equals(y)).toList();
        List<Panel> panels = new ArrayList<>();
        for (Map.Entry<List<Object>, Map<List<Object>, Cell>> g : groups.entrySet()) {
            Map<String, Object> fixed = new LinkedHashMap<>();
            for (int i = 0; i < others.size(); i++) {
                fixed.put(others.get(i), g.getKey().get(i));
            }
            panels.add(new Panel(fixed, x, y, xs, ys, Params.of(constants, fixed), g.getValue()));
        }
        return panels;
    }

    /** The cell at category indices (i, j), or null when it has no runs. */
    public Cell at(int i, int j) {
        return cells.get(Arrays.asList(xScale.values().get(i), yScale.values().get(j)));
    }

    /** The parameters at row j (y = its value), for overlays that depend on y. */
    public Params atRow(int j) {
        return parameters.with(y, yScale.values().get(j));
    }

    /** The parameters at column i (x = its value), for overlays that depend on x. */
    public Params atColumn(int i) {
        return parameters.with(x, xScale.values().get(i));
    }

    /** {@code alpha = 0.1, d = 8}, or empty when there is a single panel. */
    public String title() {
        return fixed.entrySet().stream().map(e -> Labels.assignment(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A file-name suffix for this panel, e.g. {@code __alpha=0.1}; empty for a single panel. */
    public String slug() {
        return fixed.isEmpty() ? "" : "__" + fixed.entrySet().stream()
                .map(e -> Labels.slug(e.getKey() + "=" + Labels.value(e.getValue())))
                .collect(Collectors.joining("_"));
    }

    /** Runs over the panel's cells. */
    public long runs() {
        return cells.values().stream().mapToLong(Cell::runs).sum();
    }

    /** The family of the panel when one family is plotted (for its overlays), else null. */
    public Object family() {
        return parameters.get("family");
    }

    private static CategoryScale scale(CellTable table, int axis) {
        return scale(table.cells().stream().map(c -> c.key().get(axis)).toList());
    }

    /** The categories of an axis: its distinct values sorted ({@link #VALUE_ORDER}), null last when present. */
    static CategoryScale scale(Collection<Object> values) {
        TreeSet<Object> distinct = new TreeSet<>(VALUE_ORDER);
        boolean hasNull = false;
        for (Object v : values) {
            if (v == null) {
                hasNull = true;
            } else {
                distinct.add(v);
            }
        }
        List<Object> sorted = new ArrayList<>(distinct);
        if (hasNull) {
            sorted.add(null);
        }
        return new CategoryScale(sorted);
    }

    /** A marker for the removed x and y positions of a key (keys may hold nulls). */
    private enum Skip { SKIP }
}
