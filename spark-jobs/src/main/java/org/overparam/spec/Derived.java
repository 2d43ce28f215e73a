package org.overparam.spec;

import java.util.List;
import java.util.Locale;

/**
 * An axis computed from others, written as data: {@code n: {product: [c, d, r], scale: 2, round: up}} means
 * n = ⌈2·c·d·r⌉. Factors name grid axes, other derived axes, or fixed numeric parameters (d, r, …).
 *
 * @param name    the parameter (or helper) it sets
 * @param factors names whose values are multiplied, at least one
 * @param scale   a constant factor &gt; 0 (1 when not written)
 * @param round   how an integer parameter is rounded; {@link Rounding#NONE} for real ones
 */
public record Derived(String name, List<String> factors, double scale, Rounding round) {

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
        if (factors.isEmpty() || !(scale > 0) || !Double.isFinite(scale) || round == null) {
            throw new IllegalArgumentException("derived." + name + " needs factors, a finite scale > 0 and a rounding");
        }
    }

    /** The value for the given factor values. */
    public double apply(double[] factorValues) {
        double v = scale;
        for (double f : factorValues) {
            v *= f;
        }
        return Numbers.canonicalZero(round.apply(v));
    }

    /** For people: {@code n = round_nearest(2 · c · d · r)}. */
    @Override
    public String toString() {
        String product = (scale == 1 ? "" : Numbers.format(scale) + " · ") + String.join(" · ", factors);
        return name + " = " + (round == Rounding.NONE ? product : "round_" + round.specName() + "(" + product + ")");
    }
}
