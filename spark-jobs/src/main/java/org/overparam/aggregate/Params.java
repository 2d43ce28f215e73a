package org.overparam.aggregate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a place on a chart: the sweep's constant columns, the panel's fixed axis values and the
 * row's or column's own value. What {@link Overlay} thresholds are computed from.
 */
public final class Params {

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The layers in order; a later layer overrides an earlier one. */
    @SafeVarargs
    public static Params of(Map<String, ?>... layers) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Map<String, ?> layer : layers) {
            merged.putAll(layer);
        }
        return new Params(merged);
    }

    /** This with {@code name} set to {@code value}. */
    public Params with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Params(copy);
    }

    /** The value of the first of {@code names} that is set to a number, as a double; NaN when none is. */
    public double number(String... names) {
        for (String name : names) {
            if (values.get(name) instanceof Number x) {
                return x.doubleValue();
            }
        }
        return Double.NaN;
    }

    /** The value of {@code name}, or null. */
    public Object get(String name) {
        return values.get(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
