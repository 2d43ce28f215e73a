package org.overparam.aggregate;

import java.util.function.ToDoubleFunction;

/**
 * A theory line on a phase diagram: where a family's theory puts a threshold on one axis, as a function of the
 * other parameters. Drawn wherever that axis is one of the two axes of a chart: a straight line when the
 * threshold is the same for every row of the map (R = r), a curve when it depends on the other axis
 * (R = √(2n) on an R × n map).
 *
 * @param label     the legend text, e.g. {@code R = r}
 * @param axis      the column the threshold is a value of, e.g. {@code R}
 * @param threshold the threshold from the parameters of a place on the chart; NaN where it does not apply
 * @param meaning   one sentence for the report: what the theory says and where it comes from
 */
public record Overlay(String label, String axis, ToDoubleFunction<Params> threshold, String meaning) {

    /** The threshold at {@code params}, NaN when it is not finite. */
    public double at(Params params) {
        double v = threshold.applyAsDouble(params);
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
