package org.overparam.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link BatchedObjective#partitioned}: lanes split by a key into sub-batches that each share their work (one SIMD
 * kernel per shape, one pass per instance), evaluated one after another within each call.
 */
final class Partitioned implements BatchedObjective {

    private final BatchedObjective[] parts;
    /** lanes[p][i]: the lane of this batch that is lane i of part p. */
    private final int[][] lanes;
    private final int width;
    private final double[][][] x;
    private final double[][][] gradient;
    private final double[][] values;
    private final double[][][] v;
    private final double[][][] out;

    <M extends Objective> Partitioned(List<M> models, Function<? super M, ?> key,
                                      Function<List<M>, BatchedObjective> build) {
        Map<Object, List<Integer>> groups = new LinkedHashMap<>();
        for (int j = 0; j < models.size(); j++) {
            groups.computeIfAbsent(key.apply(models.get(j)), k -> new ArrayList<>()).add(j);
        }
        this.width = models.size();
        this.parts = new BatchedObjective[groups.size()];
        this.lanes = new int[groups.size()][];
        this.x = new double[groups.size()][][];
        this.gradient = new double[groups.size()][][];
        this.values = new double[groups.size()][];
        this.v = new double[groups.size()][][];
        this.out = new double[groups.size()][][];
        int p = 0;
        for (List<Integer> group : groups.values()) {
            List<M> members = new ArrayList<>(group.size());
            for (int j : group) {
                members.add(models.get(j));
            }
            parts[p] = build.apply(members);
            lanes[p] = group.stream().mapToInt(Integer::intValue).toArray();
            x[p] = new double[group.size()][];
            gradient[p] = new double[group.size()][];
            values[p] = new double[group.size()];
            v[p] = new double[group.size()][];
            out[p] = new double[group.size()][];
            p++;
        }
    }

    @Override
    public int lanes() {
        return width;
    }

    @Override
    public void valueAndGradient(double[][] xs, double[][] gradients, double[] vals) {
        for (int p = 0; p < parts.length; p++) {
            int[] members = lanes[p];
            boolean idle = true;
            for (int i = 0; i < members.length; i++) {
                x[p][i] = xs[members[i]];
                gradient[p][i] = gradients[members[i]];
                idle &= x[p][i] == null;
            }
            if (idle) {
                continue;
            }
            parts[p].valueAndGradient(x[p], gradient[p], values[p]);
            for (int i = 0; i < members.length; i++) {
                if (x[p][i] != null) {
                    vals[members[i]] = values[p][i];
                }
            }
        }
    }

    @Override
    public void hessianVector(double[][] xs, double[][] vs, double[][] outs) {
        for (int p = 0; p < parts.length; p++) {
            int[] members = lanes[p];
            for (int i = 0; i < members.length; i++) {
                x[p][i] = xs[members[i]];
                v[p][i] = vs[members[i]];
                out[p][i] = outs[members[i]];
            }
            parts[p].hessianVector(x[p], v[p], out[p]);
        }
    }

    @Override
    public double valueErrorFloor(int lane) {
        for (int p = 0; p < parts.length; p++) {
            for (int i = 0; i < lanes[p].length; i++) {
                if (lanes[p][i] == lane) {
                    return parts[p].valueErrorFloor(i);
                }
            }
        }
        throw new IndexOutOfBoundsException("lane " + lane + " of " + width);
    }
}
