package org.overparam.aggregate;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/** How axis values and parameter names are shown: tick labels, titles and file names. */
public final class Labels {

    /** What an axis means, for axis titles; a parameter without an entry is shown by its column name. */
    private static final Map<String, String> MEANING = Map.ofEntries(
            Map.entry("R", "R (rank / width searched)"),
            Map.entry("n", "n (measurements / samples)"),
            Map.entry("alpha", "α (initialization scale)"),
            Map.entry("d", "d (dimension)"),
            Map.entry("r", "r (true rank)"),
            Map.entry("true_rank", "r (true rank)"),
            Map.entry("lambda", "λ (regularization)"),
            Map.entry("noise", "noise level"),
            Map.entry("condition", "condition number of M*"));

    private Labels() {
    }

    /**
     * A short, exact label: integers as integers, doubles by their shortest decimal ({@code 0.001}, {@code 12},
     * {@code 2.5e-5}), null as {@code —}.
     */
    public static String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Float f) {
            return number(f.doubleValue());
        }
        return v.toString();
    }

    /** The axis title of a column: its meaning when known, else its name. */
    public static String axisTitle(String column) {
        return MEANING.getOrDefault(column, column);
    }

    /** {@code name = value}, as in panel titles. */
    public static String assignment(String column, Object v) {
        return column + " = " + value(v);
    }

    /** A file-name-safe form of a label: letters, digits and {@code . - _ =} only. */
    public static String slug(String text) {
        String s = text.replace(" = ", "=").replace(' ', '_').replaceAll("[^A-Za-z0-9._=-]", "-");
        return s.isEmpty() ? "_" : s;
    }

    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e6) {
            return Long.toString((long) d);
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent >= -3 && exponent < 6) {
            return exact.toPlainString();
        }
        String mantissa = exact.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    /** A probability for tables: three decimals, null as {@code —}. */
    static String probability(Double p) {
        return p == null ? "—" : String.format(Locale.ROOT, "%.3f", p);
    }

    /**
     * A difference with its sign and {@code decimals} decimals: {@code +0.05}, {@code −0.12} (a true minus sign), and
     * zero, or what rounds to it, unsigned: {@code 0.00}.
     */
    static String signed(double d, int decimals) {
        String magnitude = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(d));
        boolean zero = magnitude.chars().allMatch(ch -> ch == '0' || ch == '.');
        return (zero ? "" : d < 0 ? "−" : "+") + magnitude;
    }

    /** A statistic for tables: four significant digits, null as {@code —}. */
    static String statistic(Double x) {
        if (x == null) {
            return "—";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return Long.toString(x.longValue());
        }
        return String.format(Locale.ROOT, "%.4g", x);
    }
}
