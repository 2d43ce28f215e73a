package org.overparam.spec;

import java.util.List;
import java.util.Locale;

/**
 * An axis computed from others, written as data: {@code n: {product: [c, d, r], scale: 2, round: up}} means
 * n = ⌈2·c·d·r⌉, and {@code R: {product: [r], plus: [extra]}} means R = r + extra. Factors and addends name grid
 * axes, other derived axes, or fixed numeric parameters (d, r, …).
 *
 * @param name    the parameter (or helper) it sets
 * @param factors names whose values are multiplied, at least one
 * @param scale   a constant factor &gt; 0 (1 when not written)
 * @param addends names whose values are added to the scaled product (none when not written)
 * @param round   how an integer parameter is rounded; {@link Rounding#NONE} for real ones
 */
public record Derived(String name, List<String> factors, double scale, List<String> addends, Rounding round) {

    public enum Rounding {
        NEAREST, UP, DOWN, NONE;

        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }

        double apply(double v) {
            return switch (this) {
                case NEAREST -> Math.rint(v);
                case UP -> Math.ceil(v);
                case DOWN -> Math.floor(v);
                case NONE -> v;
            };
        }
    }

    public Derived {
        factors = List.copyOf(factors);
        addends = List.copyOf(addends);
        if (factors.isEmpty() || !(scale > 0) || !Double.isFinite(scale) || round == null) {
            throw new IllegalArgumentException("derived." + name + " needs factors, a finite scale > 0 and a rounding");
        }
    }

    /** Every name the value is computed from: the factors, then the addends. */
    public List<String> inputs() {
        return java.util.stream.Stream.concat(factors.stream(), addends.stream()).toList();
    }

    /** The value for the values of {@link #inputs()}, in that order. */
    public double apply(double[] inputValues) {
        double v = scale;
        for (int i = 0; i < factors.size(); i++) {
            v *= inputValues[i];
        }
        for (int i = factors.size(); i < inputValues.length; i++) {
            v += inputValues[i];
        }
        return Numbers.canonicalZero(round.apply(v));
    }

    /** For people: {@code n = round_nearest(2 · c · d · r)}. */
    @Override
    public String toString() {
        String product = (scale == 1 ? "" : Numbers.format(scale) + " · ") + String.join(" · ", factors)
                + addends.stream().map(a -> " + " + a).collect(java.util.stream.Collectors.joining());
        return name + " = " + (round == Rounding.NONE ? product : "round_" + round.specName() + "(" + product + ")");
    }
}
