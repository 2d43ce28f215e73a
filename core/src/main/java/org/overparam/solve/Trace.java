package org.overparam.solve;

import java.util.Arrays;

/**
 * The objective along one search, as a {@link GradientDescent.Observer}: every iterate's value, kept in a growing
 * array (8 bytes per iteration), and what run diagnostics read from it — the escape time of a small
 * initialization, the final linear rate, and a sampled trajectory for convergence plots. One per search.
 */
public final class Trace implements GradientDescent.Observer {

    /** Fraction of the initial gap f(x₀) − f_ref the search must close to have escaped the start. */
    public static final double ESCAPE_FRACTION = 0.1;

    private double[] values = new double[256];
    private int size;

    @Override
    public void iterate(int iteration, double value, double gradNorm) {
        if (size == values.length) {
            values = Arrays.copyOf(values, 2 * size);
        }
        values[size++] = value;
    }

    /** Iterates recorded: the start and every step after it. */
    public int size() {
        return size;
    }

    /** f at the {@code index}-th recorded iterate (0 = the start). */
    public double value(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("iterate " + index + " of " + size);
        }
        return values[index];
    }

    /**
     * The first iteration whose objective is {@value #ESCAPE_FRACTION} of the way from f(x₀) to {@code reference},
     * f ≤ f(x₀) − 0.1·(f(x₀) − f_ref) (with f_ref = 0 this is "10 % below the initial loss"), or −1 if none was.
     * From a small initialization it measures the spectral phase: the time spent leaving the saddle at 0.
     */
    public int escapeIteration(double reference) {
        if (size == 0) {
            return -1;
        }
        double level = values[0] - ESCAPE_FRACTION * (values[0] - reference);
        for (int i = 0; i < size; i++) {
            if (values[i] <= level) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The per-iteration contraction of the gap f − f_ref over the second half of the search,
     * ρ = ((f_T − f_ref)/(f_{⌊T/2⌋} − f_ref))^{1/(T − ⌊T/2⌋)}: below 1 for linear convergence, about 1 when the
     * search is stuck or sublinear. NaN with fewer than 2 steps or a gap that is not positive at either end.
     */
    public double convergenceRate(double reference) {
        int last = size - 1;
        int mid = last / 2;
        if (last < 2) {
            return Double.NaN;
        }
        double end = values[last] - reference;
        double start = values[mid] - reference;
        if (!(end > 0) || !(start > 0) || !Double.isFinite(start)) {
            return Double.NaN;
        }
        return Math.exp(Math.log(end / start) / (last - mid));
    }

    /**
     * At most {@code samples} iterations, geometrically spaced from 0 to the last (both included, duplicates
     * dropped), for convergence plots on a log time axis.
     */
    public int[] sampledIterations(int samples) {
        if (samples <= 0 || size == 0) {
            return new int[0];
        }
        int last = size - 1;
        if (samples == 1) {
            return new int[] {last};
        }
        int[] out = new int[samples + 1];
        int count = 0;
        double logEnd = Math.log1p(last);
        for (int k = 0; k < samples; k++) {
            int it = (int) Math.round(Math.expm1(logEnd * k / (samples - 1)));
            it = Math.min(Math.max(it, 0), last);
            if (count == 0 || it > out[count - 1]) {
                out[count++] = it;
            }
        }
        if (out[count - 1] != last) {
            out[count++] = last;
        }
        return Arrays.copyOf(out, count);
    }

    /** The objective at each of {@code iterations}. */
    public double[] valuesAt(int[] iterations) {
        double[] out = new double[iterations.length];
        for (int k = 0; k < iterations.length; k++) {
            out[k] = value(iterations[k]);
        }
        return out;
    }
}
