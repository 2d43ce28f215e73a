package org.overparam.aggregate;

import java.util.List;

/**
 * A categorical chart axis: the sorted distinct values of a column at positions 0, 1, …, k−1, drawn as
 * equal-width cells whatever the spacing of the values (grids are often geometric). A numeric value between two
 * categories is placed by interpolation — in log space when every category is positive — so theory lines land
 * where they belong between the grid values.
 */
public final class CategoryScale {

    private final List<Object> values;
    private final double[] numbers;
    private final boolean logarithmic;

    public CategoryScale(List<Object> values) {
        this.values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        boolean numeric = !values.isEmpty() && values.stream().allMatch(v -> v instanceof Number);
        this.numbers = numeric ? values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray() : null;
        this.logarithmic = numeric && java.util.Arrays.stream(numbers).allMatch(x -> x > 0);
    }

    public int size() {
        return values.size();
    }

    public List<Object> values() {
        return values;
    }

    /** Tick labels, one per category. */
    public String[] labels() {
        return values.stream().map(Labels::value).toArray(String[]::new);
    }

    /** Whether every value is a number: the axis can be drawn to scale ({@link #coordinate}). */
    public boolean numeric() {
        return numbers != null;
    }

    /**
     * Where category i sits on a to-scale axis: its value, or its logarithm when every value is positive and they
     * span a factor of 4 or more (geometric grids); the index for an axis that is not numeric.
     */
    public double coordinate(int i) {
        return numbers == null ? i : toScale(numbers[i]);
    }

    /**
     * The lower edge of category i's cell on the to-scale axis: halfway to the previous category, or, for the first,
     * half the smallest gap below it (half a step, 0.5, on an axis that is not numeric or has one category).
     */
    public double lowerEdge(int i) {
        return i == 0 ? coordinate(0) - pad() : (coordinate(i - 1) + coordinate(i)) / 2;
    }

    /** The upper edge of category i's cell: halfway to the next category, or half the smallest gap above the last. */
    public double upperEdge(int i) {
        return i == size() - 1 ? coordinate(i) + pad() : (coordinate(i) + coordinate(i + 1)) / 2;
    }

    private double pad() {
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < size(); i++) {
            gap = Math.min(gap, coordinate(i) - coordinate(i - 1));
        }
        return size() < 2 ? 0.5 : gap / 2;
    }

    /** Where a value sits on the axis as drawn: {@link #coordinateOf} on a numeric axis, {@link #position} else. */
    public double place(double v) {
        return numeric() ? coordinateOf(v) : position(v);
    }

    /** Where the value v sits on the to-scale axis of {@link #coordinate}; NaN when it cannot be placed. */
    public double coordinateOf(double v) {
        if (numbers == null || Double.isNaN(v) || (logCoordinates() && !(v > 0))) {
            return Double.NaN;
        }
        return toScale(v);
    }

    /** The value at a coordinate of the to-scale axis (the inverse of {@link #coordinateOf}). */
    public double valueAt(double coordinate) {
        return logCoordinates() ? Math.exp(coordinate) : coordinate;
    }

    /** Whether {@link #coordinate} is the logarithm of the value (a geometric grid): slopes are then exponents. */
    public boolean logarithmic() {
        return logCoordinates();
    }

    private boolean logCoordinates() {
        return logarithmic && numbers[numbers.length - 1] >= 4 * numbers[0];
    }

    private double toScale(double v) {
        return logCoordinates() ? Math.log(v) : v;
    }

    /**
     * The position of {@code v}: the index of an equal category, interpolated between neighbours, extrapolated
     * with the spacing of the two end categories beyond them (the plot clips); NaN when the axis is not numeric,
     * has fewer than two categories and v is not its value, or v is NaN.
     */
    public double position(double v) {
        if (numbers == null || Double.isNaN(v)) {
            return Double.NaN;
        }
        int k = numbers.length;
        for (int i = 0; i < k; i++) {
            if (numbers[i] == v) {
                return i;
            }
        }
        if (k < 2 || (logarithmic && !(v > 0))) {
            return Double.NaN;
        }
        int lower;
        if (v < numbers[0]) {
            lower = 0;
        } else if (v > numbers[k - 1]) {
            lower = k - 2;
        } else {
            lower = 0;
            while (numbers[lower + 1] < v) {
                lower++;
            }
        }
        double a = scale(numbers[lower]);
        double b = scale(numbers[lower + 1]);
        return lower + (scale(v) - a) / (b - a);
    }

    private double scale(double x) {
        return logarithmic ? Math.log(x) : x;
    }
}
