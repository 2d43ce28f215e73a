package org.overparam.problem.sensing;

import java.util.List;
import org.overparam.problem.BatchedObjective;

/**
 * Quadratic-activation networks (symmetric sensing with rank-one measurements, no regularizer C) of one shape
 * (d, n, R) as lanes of a {@link BatchedObjective}: lane j is {@link SymmetricSensing} on its own instance.
 *
 * <p>Lanes go in blocks of the kernel's width B (a SIMD register: 8 doubles with AVX-512), and each block's
 * samples are stored together, x_i(a) of its lane jj at {@code ((c·n + i)·d + a)·B + jj}, so that one block's data
 * stays in L1 while the {@link RankOneVectorKernel} advances its B runs with one instruction per operation. Each lane
 * repeats the one-pass data term of {@link RankOneOperator#residualAndAdjoint} and the tail of
 * {@link SymmetricSensing#valueAndGradient} operation for operation (products, sums in the same order, never
 * fused), which is what makes it bit-identical to them, whatever the block width or the other lanes.
 * Hessian–vector products, needed only at the end of a run, go lane by lane through the scalar objectives.
 */
final class RankOneLanes implements BatchedObjective {

    private final int d;
    private final int n;
    private final int rank;
    private final int dim;
    private final int width;
    private final int block;
    private final int blocks;
    /** Block-major samples: x_i(a) of lane jj of block c at ((c·n + i)·d + a)·B + jj; padding lanes are 0. */
    private final double[] samples;
    /** Block-major data: y_i of lane jj of block c at (c·n + i)·B + jj. */
    private final double[] y;
    private final double[] lambda;
    private final BatchedObjective scalar;

    private final double[] u;
    private final double[] g;
    private final double[] p;
    private final double[] blockSum;

    private RankOneLanes(List<SymmetricSensing> lanes) {
        SymmetricSensing first = lanes.get(0);
        this.d = first.instance().dim();
        this.n = first.instance().count();
        this.rank = first.rank();
        this.dim = d * rank;
        this.width = lanes.size();
        this.block = RankOneVectorKernel.BLOCK;
        this.blocks = (width + block - 1) / block;
        this.samples = new double[blocks * n * d * block];
        this.y = new double[blocks * n * block];
        this.lambda = new double[width];
        for (int j = 0; j < width; j++) {
            SensingInstance instance = lanes.get(j).instance();
            int c = j / block;
            int jj = j % block;
            double[] rows = ((RankOneOperator) instance.operator()).rows();
            for (int e = 0; e < n * d; e++) {
                samples[(c * n * d + e) * block + jj] = rows[e];
            }
            double[] yj = instance.yShared();
            for (int i = 0; i < n; i++) {
                y[(c * n + i) * block + jj] = yj[i];
            }
            lambda[j] = instance.lambda();
        }
        this.scalar = BatchedObjective.laneByLane(lanes);
        this.u = new double[dim * block];
        this.g = new double[dim * block];
        this.p = new double[(rank + 1) * block];
        this.blockSum = new double[block];
    }

    /**
     * {@code lanes} as one batch; they must be quadratic networks of one shape without a regularizer
     * ({@link SymmetricSensing#lanes} checks), and the Vector API must be available.
     */
    static RankOneLanes of(List<SymmetricSensing> lanes) {
        return new RankOneLanes(lanes);
    }

    @Override
    public int lanes() {
        return width;
    }

    @Override
    public void valueAndGradient(double[][] x, double[][] gradient, double[] values) {
        for (int c = 0; c < blocks; c++) {
            int first = c * block;
            int count = Math.min(block, width - first);
            boolean idle = true;
            for (int jj = 0; jj < count; jj++) {
                double[] xj = x[first + jj];
                idle &= xj == null;
                for (int e = 0; e < dim; e++) {
                    u[e * block + jj] = xj == null ? 0 : xj[e];
                }
            }
            if (idle) {
                continue;
            }
            RankOneVectorKernel.dataTerm(n, d, rank, samples, c * n * d * block, y, c * n * block, u, g, p, blockSum);
            for (int jj = 0; jj < count; jj++) {
                int j = first + jj;
                double[] xj = x[j];
                if (xj == null) {
                    continue;
                }
                // The tail of SymmetricSensing.valueAndGradient, in the same order.
                double[] gj = gradient[j];
                double dot = 0;
                for (int e = 0; e < dim; e++) {
                    dot += xj[e] * xj[e];
                }
                values[j] = blockSum[jj] / n + lambda[j] * dot;
                double scale = 2.0 / n;
                for (int e = 0; e < dim; e++) {
                    double twice = g[e * block + jj] * 2;
                    gj[e] = scale * twice + 2 * lambda[j] * xj[e];
                }
            }
        }
    }

    /** Quadratic networks evaluate their residuals exactly (no Gram form): no floor beyond the relative one. */
    @Override
    public double valueErrorFloor(int lane) {
        return 0;
    }

    @Override
    public void hessianVector(double[][] x, double[][] v, double[][] out) {
        scalar.hessianVector(x, v, out);
    }
}
