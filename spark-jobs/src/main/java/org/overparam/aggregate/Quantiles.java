package org.overparam.aggregate;

import java.util.List;

/**
 * The 10%, 50% and 90% quantiles of a statistic over the finite values of a cell, by linear interpolation
 * between order statistics (R's type 7, Spark's {@code percentile}, DuckDB's {@code quantile_cont}). All three
 * are null when the cell has no finite value.
 */
public record Quantiles(Double q10, Double median, Double q90) {

    /** The probabilities, in order. */
    public static final List<Double> LEVELS = List.of(0.1, 0.5, 0.9);

    /** No finite value: every quantile null. */
    public static final Quantiles NONE = new Quantiles(null, null, null);

    public Quantiles {
        if ((q10 == null) != (median == null) || (median == null) != (q90 == null)) {
            throw new IllegalArgumentException("quantiles are all null or all set, got " + q10 + ", " + median
                    + ", " + q90);
        }
    }

    /** From the array Spark's {@code percentile(x, array(0.1, 0.5, 0.9))} returns (null when no value). */
    static Quantiles of(List<?> values) {
        if (values == null || values.isEmpty()) {
            return NONE;
        }
        if (values.size() != LEVELS.size()) {
            throw new IllegalArgumentException("expected " + LEVELS.size() + " quantiles, got " + values);
        }
        return new Quantiles(number(values.get(0)), number(values.get(1)), number(values.get(2)));
    }

    private static Double number(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }
}
