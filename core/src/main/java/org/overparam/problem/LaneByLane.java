package org.overparam.problem;

import java.util.List;

/** {@link BatchedObjective#laneByLane}: each lane through its own scalar objective. */
final class LaneByLane implements BatchedObjective {

    private final Objective[] lanes;

    LaneByLane(List<? extends Objective> lanes) {
        if (lanes.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one lane");
        }
        this.lanes = lanes.toArray(new Objective[0]);
    }

    @Override
    public int lanes() {
        return lanes.length;
    }

    @Override
    public void valueAndGradient(double[][] x, double[][] gradient, double[] values) {
        for (int j = 0; j < lanes.length; j++) {
            if (x[j] != null) {
                values[j] = lanes[j].valueAndGradient(x[j], gradient[j]);
            }
        }
    }

    @Override
    public double valueErrorFloor(int lane) {
        return lanes[lane].valueErrorFloor();
    }

    @Override
    public void hessianVector(double[][] x, double[][] v, double[][] out) {
        for (int j = 0; j < lanes.length; j++) {
            lanes[j].hessianVector(x[j], v[j], out[j]);
        }
    }
}
