package org.overparam.aggregate;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.overparam.cli.BadInputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;

/**
 * The grid of a sweep as its rows show it, without the spec: the parameter columns that vary (the axes) and
 * those that do not (the constants, which overlays and titles use).
 *
 * @param axes      the cell axes, in table order
 * @param constants every parameter column with a single value in the rows, and that value
 * @param empty     whether there are no rows at all (then there are no axes and no constants)
 * @param y         the vertical chart axis: the one asked for, or the automatic choice (see {@link #detect})
 */
public record Design(List<String> axes, Map<String, Object> constants, boolean empty, String y) {

    /** The vertical chart axis when none is asked for and it varies. */
    public static final String DEFAULT_Y = "n";

    /**
     * The columns that describe a point rather than measure a run, in the order a table groups them (outer
     * first, R varying fastest). A new parameter column is one more entry; names absent from the rows are
     * ignored ({@code r} and {@code true_rank} are the same parameter under its old and new names).
     */
    public static final List<String> PARAMETERS = List.of("sweep", "master_seed", "family", "operator", "d",
            "true_rank", "r", "lambda", "noise", "condition", "regularizer", "method", "step", "step_size",
            "max_iters", "grad_tol", "hess_tol", "gap_rel", "gap_abs", "target", "reference_tol", "perturb_radius",
            "divergence", "max_restarts", "tangent_kernel", "curvature", "alpha", "n", "R");

    public Design {
        axes = List.copyOf(axes);
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    /**
     * Finds the axes of {@code rows} with one Spark job (the distinct parameter combinations).
     *
     * @param by the axes the user chose ({@code --by}), or empty to take every parameter column that varies — less
     *           those that merely relabel a later one (a column in one-to-one correspondence with another
     *           varying column, like d = r in a ReLU sweep: the later column in {@link #PARAMETERS} stays); the
     *           chart axes x and y are added to varying axes even when constant
     * @param y  the vertical chart axis, or null for {@value #DEFAULT_Y} when it varies and otherwise the first
     *           other varying axis (a sweep over r at fixed n charts R × r)
     * @throws BadInputException when {@code by}, x or y names a column the rows do not have, or repeats one
     */
    public static Design detect(Dataset<Row> rows, List<String> by, String x, String y) {
        Set<String> columns = new LinkedHashSet<>(Arrays.asList(rows.columns()));
        List<String> parameters = PARAMETERS.stream().filter(columns::contains).toList();
        Set<String> seen = new HashSet<>();
        for (String b : by) {
            if (!columns.contains(b)) {
                throw new BadInputException("--by: the rows have no column '" + b + "'; parameter columns are "
                        + String.join(", ", parameters));
            }
            if (!seen.add(b)) {
                throw new BadInputException("--by names '" + b + "' twice");
            }
        }
        checkChartAxis("--x", x, columns, parameters);
        if (y != null) {
            checkChartAxis("--y", y, columns, parameters);
        }
        if (x.equals(y)) {
            throw new BadInputException("--x and --y must be different axes, both are '" + x + "'");
        }

        List<String> inspected = new ArrayList<>(parameters);
        by.stream().filter(b -> !inspected.contains(b)).forEach(inspected::add);
        List<Row> combinations = rows.select(inspected.stream().map(c -> col(c)).toArray(Column[]::new))
                .distinct().collectAsList();
        if (combinations.isEmpty()) {
            return new Design(List.of(), Map.of(), true, y == null ? DEFAULT_Y : y);
        }
        Map<String, Object> constants = new LinkedHashMap<>();
        List<String> varying = new ArrayList<>();
        for (String p : parameters) {
            int i = inspected.indexOf(p);
            Set<Object> values = new HashSet<>();
            combinations.forEach(r -> values.add(r.get(i)));
            if (values.size() == 1) {
                constants.put(p, values.iterator().next());
            } else {
                varying.add(p);
            }
        }

        if (by.isEmpty()) {
            varying.removeIf(p -> !p.equals(x) && !p.equals(y) && relabelsALaterAxis(p, varying, inspected,
                    combinations));
        }
        String chartY = y != null ? y : varying.contains(DEFAULT_Y) || by.contains(DEFAULT_Y) ? DEFAULT_Y
                : (by.isEmpty() ? varying : by).stream().filter(p -> !p.equals(x)).findFirst().orElse(DEFAULT_Y);

        List<String> axes;
        if (!by.isEmpty()) {
            axes = by;
        } else {
            axes = new ArrayList<>();
            for (String p : parameters) {
                if (varying.contains(p) || p.equals(x) || p.equals(chartY)) {
                    axes.add(p);
                }
            }
            for (String chartAxis : List.of(chartY, x)) {
                if (!axes.contains(chartAxis)) {
                    axes.add(chartAxis);
                }
            }
        }
        Map<String, Object> fixed = new LinkedHashMap<>(constants);
        fixed.keySet().removeAll(axes);
        return new Design(axes, fixed, false, chartY);
    }

    /** Whether {@code p}'s values correspond one to one with those of a varying column after it. */
    private static boolean relabelsALaterAxis(String p, List<String> varying, List<String> inspected,
                                              List<Row> combinations) {
        int i = inspected.indexOf(p);
        for (String q : varying.subList(varying.indexOf(p) + 1, varying.size())) {
            int j = inspected.indexOf(q);
            Map<Object, Object> forward = new java.util.HashMap<>();
            Map<Object, Object> backward = new java.util.HashMap<>();
            boolean oneToOne = true;
            for (Row r : combinations) {
                Object a = r.get(i);
                Object b = r.get(j);
                if (!java.util.Objects.equals(forward.computeIfAbsent(a, k -> b), b)
                        || !java.util.Objects.equals(backward.computeIfAbsent(b, k -> a), a)) {
                    oneToOne = false;
                    break;
                }
            }
            if (oneToOne) {
                return true;
            }
        }
        return false;
    }

    /** Whether the maps can be drawn: x and y are both cell axes. */
    public boolean charts(String x, String y) {
        return axes.contains(x) && axes.contains(y) && !x.equals(y);
    }

    private static void checkChartAxis(String option, String name, Set<String> columns, List<String> parameters) {
        if (!columns.contains(name)) {
            throw new BadInputException(option + ": the rows have no column '" + name + "'; parameter columns are "
                    + String.join(", ", parameters));
        }
    }
}
