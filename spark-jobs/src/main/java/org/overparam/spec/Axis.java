package org.overparam.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One axis of the grid: a parameter (or a helper used only by {@code derived}) and its distinct values, written
 * as a list, a range or one value.
 */
public final class Axis {

    private final String name;
    private final Param param;
    private final Range range;
    private final double[] values;

    Axis(String name, Param param, Range range, double[] values) {
        this.name = name;
        this.param = param;
        this.range = range;
        this.values = values.clone();
    }

    /** The key in {@code grid}, e.g. {@code R}, {@code step_size} or a helper's name. */
    public String name() {
        return name;
    }

    /** The parameter it sets; empty for a helper axis, which only feeds {@code derived}. */
    public Optional<Param> param() {
        return Optional.ofNullable(param);
    }

    /** The range it was written as; empty for a list or a single value. */
    public Optional<Range> range() {
        return Optional.ofNullable(range);
    }

    public int size() {
        return values.length;
    }

    /** The i-th value as a number (a choice's ordinal for family, operator, method, step). */
    public double value(int i) {
        return values[i];
    }

    /** The i-th value as a spec writes it. */
    public String label(int i) {
        return param == null ? Numbers.format(values[i]) : param.format(values[i]);
    }

    public List<String> labels() {
        return IntStream.range(0, values.length).mapToObj(this::label).toList();
    }

    double[] valuesArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Axis a && name.equals(a.name) && param == a.param
                && java.util.Objects.equals(range, a.range) && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return name + ": " + (range != null ? range + " = " : "") + labels();
    }
}
