package org.overparam.problem;

import java.util.List;

/** {@link BatchedObjective#laneByLane}: gathers each lane, calls its scalar objective, scatters the result. */
final class LaneByLane implements BatchedObjective {

    private final Objective[] lanes;
    private final int dim;
    private final double[] x;
    private final double[] v;
    private final double[] out;

    LaneByLane(List<? extends Objective> lanes) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one lane");
        }
        this.lanes = lanes.toArray(new Objective[0]);
        this.dim = this.lanes[0].dimension();
        for (Objective f : this.lanes) {
            if (f.dimension() != dim) {
                throw new IllegalArgumentException("every lane must have dimension " + dim + ", got "
                        + f.dimension());
            }
        }
        this.x = new double[dim];
        this.v = new double[dim];
        this.out = new double[dim];
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public int lanes() {
        return lanes.length;
    }

    @Override
    public void valueAndGradient(double[] xs, double[] gradients, double[] values) {
        int width = lanes.length;
        for (int j = 0; j < width; j++) {
            BatchedObjective.gather(xs, j, width, x);
            values[j] = lanes[j].valueAndGradient(x, out);
            BatchedObjective.scatter(out, gradients, j, width);
        }
    }

    @Override
    public void hessianVector(double[] xs, double[] vs, double[] outs) {
        int width = lanes.length;
        for (int j = 0; j < width; j++) {
            BatchedObjective.gather(xs, j, width, x);
            BatchedObjective.gather(vs, j, width, v);
            lanes[j].hessianVector(x, v, out);
            BatchedObjective.scatter(out, outs, j, width);
        }
    }
}
