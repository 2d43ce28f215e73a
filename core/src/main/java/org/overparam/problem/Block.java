package org.overparam.problem;

/**
 * A named matrix inside a model's parameter vector x: {@code rows × cols} entries, column-major, starting at
 * x[{@code offset}] (entry (i, j) at x[offset + i + rows·j]). A model's blocks tile x in order.
 *
 * @param name   the matrix's name in the family's formula (U, V, W, Y, theta)
 * @param rows   its rows
 * @param cols   its columns
 * @param offset where it starts in x
 */
public record Block(String name, int rows, int cols, int offset) {

    public Block {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a block needs a name");
        }
        if (rows < 1 || cols < 1 || offset < 0) {
            throw new IllegalArgumentException("block " + name + " must have rows, cols ≥ 1 and offset ≥ 0, got "
                    + rows + "×" + cols + " at " + offset);
        }
    }

    /** rows·cols. */
    public int size() {
        return rows * cols;
    }

    /** Its entries of x, column-major (a copy). */
    public double[] of(double[] x) {
        double[] values = new double[size()];
        System.arraycopy(x, offset, values, 0, values.length);
        return values;
    }
}
