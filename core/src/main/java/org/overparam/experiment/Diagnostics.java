package org.overparam.experiment;

import java.util.Arrays;
import java.util.Objects;

/**
 * How a run got where it ended (README, “Families”: Diagnostics), beside the evidence of where it ended.
 *
 * @param escapeIterations     first iteration 10 % of the way from f(x₀) to f_ref (the spectral phase of a small
 *                             initialization), −1 if never
 * @param convergenceRate      per-iteration contraction of f − f_ref over the second half of the run (NaN when
 *                             undefined), see {@link org.overparam.solve.Trace#convergenceRate}
 * @param kernelMinEigStart    λ_min of the tangent kernel J Jᵀ at the initial point (NaN when not computed)
 * @param kernelMinEigEnd      λ_min of the tangent kernel at the final iterate (NaN when not computed)
 * @param trajectoryIterations sampled iterations (empty when not kept)
 * @param trajectoryValues     f at those iterations
 */
public record Diagnostics(int escapeIterations, double convergenceRate, double kernelMinEigStart,
                          double kernelMinEigEnd, int[] trajectoryIterations, double[] trajectoryValues) {

    /** Nothing measured (a failed run). */
    public static final Diagnostics NONE = new Diagnostics(-1, Double.NaN, Double.NaN, Double.NaN, new int[0],
            new double[0]);

    public Diagnostics {
        if (trajectoryIterations.length != trajectoryValues.length) {
            throw new IllegalArgumentException("trajectory iterations and values differ in length: "
                    + trajectoryIterations.length + " vs " + trajectoryValues.length);
        }
        trajectoryIterations = trajectoryIterations.clone();
        trajectoryValues = trajectoryValues.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Diagnostics other && escapeIterations == other.escapeIterations
                && Double.compare(convergenceRate, other.convergenceRate) == 0
                && Double.compare(kernelMinEigStart, other.kernelMinEigStart) == 0
                && Double.compare(kernelMinEigEnd, other.kernelMinEigEnd) == 0
                && Arrays.equals(trajectoryIterations, other.trajectoryIterations)
                && Arrays.equals(trajectoryValues, other.trajectoryValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(escapeIterations, convergenceRate, kernelMinEigStart, kernelMinEigEnd,
                Arrays.hashCode(trajectoryIterations), Arrays.hashCode(trajectoryValues));
    }

    @Override
    public String toString() {
        return "Diagnostics[escape=" + escapeIterations + ", rate=" + convergenceRate + ", kernel=" + kernelMinEigStart
                + " -> " + kernelMinEigEnd + ", trajectory=" + trajectoryIterations.length + " samples]";
    }

    @Override
    public int[] trajectoryIterations() {
        return trajectoryIterations.clone();
    }

    @Override
    public double[] trajectoryValues() {
        return trajectoryValues.clone();
    }
}
