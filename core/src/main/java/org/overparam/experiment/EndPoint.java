package org.overparam.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.overparam.problem.Block;

/**
 * Where a run ended: its final parameters as the family's matrices ({@link org.overparam.problem.Model#blocks}),
 * and the bottom of the Hessian spectrum there when the run computed it. Kept for the runs that
 * {@link EndPoints} selects.
 *
 * @param parameters    the matrices, in the model's order
 * @param hessianLowest the smallest Hessian eigenvalues, ascending (see {@link org.overparam.certify.Curvature#lowest});
 *                      empty when the curvature was not computed
 */
public record EndPoint(List<Matrix> parameters, double[] hessianLowest) {

    public EndPoint {
        parameters = List.copyOf(parameters);
        hessianLowest = hessianLowest.clone();
    }

    /** The matrices of {@code blocks} in x. */
    public static EndPoint of(List<Block> blocks, double[] x, double[] hessianLowest) {
        return new EndPoint(blocks.stream().map(b -> new Matrix(b.name(), b.rows(), b.cols(), b.of(x))).toList(),
                hessianLowest);
    }

    /** The matrix called {@code name}. */
    public Matrix parameter(String name) {
        return parameters.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter " + name + " in " + parameters));
    }

    @Override
    public double[] hessianLowest() {
        return hessianLowest.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EndPoint other && parameters.equals(other.parameters)
                && Arrays.equals(hessianLowest, other.hessianLowest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters, Arrays.hashCode(hessianLowest));
    }

    @Override
    public String toString() {
        return "EndPoint" + parameters + ", hessianLowest=" + Arrays.toString(hessianLowest);
    }

    /**
     * A named matrix, column-major: entry (i, j) at {@code values[i + rows·j]}.
     *
     * @param name   U, V, W, Y or theta
     * @param rows   its rows
     * @param cols   its columns
     * @param values rows·cols entries
     */
    public record Matrix(String name, int rows, int cols, double[] values) {

        public Matrix {
            Objects.requireNonNull(name, "name");
            if (rows < 1 || cols < 1 || values.length != (long) rows * cols) {
                throw new IllegalArgumentException("matrix " + name + " must be rows×cols with rows, cols ≥ 1, got "
                        + rows + "×" + cols + " with " + values.length + " values");
            }
            values = values.clone();
        }

        /** Entry (i, j). */
        public double get(int i, int j) {
            return values[i + rows * j];
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Matrix other && name.equals(other.name) && rows == other.rows && cols == other.cols
                    && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, rows, cols, Arrays.hashCode(values));
        }

        @Override
        public String toString() {
            return name + "(" + rows + "×" + cols + ")";
        }
    }
}
