package org.overparam.bench;

import java.util.List;
import org.overparam.problem.BatchedObjective;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.DataForm;
import org.overparam.problem.sensing.DenseOperator;
import org.overparam.problem.sensing.SensingObjective;

/**
 * The passes of dense Gaussian sensing, through the same calls gradient descent makes (README, “Benchmark”): the
 * forward pass 𝒜(UVᵀ) = 𝐀·vec(UVᵀ), the adjoint pass mat(𝐀ᵀw)·V and mat(𝐀ᵀw)ᵀ·U, and a whole gradient evaluation
 * of {@link AsymmetricSensing}, which makes one of each. Each streams 𝐀 (8·n·d² bytes) once per pass; the small
 * d×d×R products around the GEMVs are not counted. In the Gram form ({@link #gram}) an evaluation streams the packed
 * H = 𝐀ᵀ𝐀 (8·d²(d²+1)/2 bytes) instead, once for all the runs of an instance.
 */
final class DenseKernels {

    private DenseKernels() {
    }

    /** {@link DenseOperator#applyFactored}: form UVᵀ, one GEMV over 𝐀. */
    static Kernel apply(Workload w) {
        DenseOperator op = w.operator();
        double[] u = w.factor("U");
        double[] v = w.factor("V");
        double[] out = new double[w.n()];
        double[] work = new double[op.workSize(w.rank())];
        return new Kernel() {
            @Override
            public double bytesPerCall() {
                return w.operatorBytes();
            }

            @Override
            public void call() {
                op.applyFactored(u, v, w.rank(), out, work);
            }

            @Override
            public double checksum() {
                return out[out.length - 1];
            }
        };
    }

    /** {@link DenseOperator#adjointBothTimes}: one transposed GEMV over 𝐀, then two d×d×R products. */
    static Kernel adjoint(Workload w) {
        DenseOperator op = w.operator();
        double[] u = w.factor("U");
        double[] v = w.factor("V");
        double[] residual = w.instance().y();
        double[] outU = new double[w.d() * w.rank()];
        double[] outV = new double[w.d() * w.rank()];
        double[] work = new double[op.workSize(w.rank())];
        return new Kernel() {
            @Override
            public double bytesPerCall() {
                return w.operatorBytes();
            }

            @Override
            public void call() {
                op.adjointBothTimes(residual, v, u, w.rank(), outU, outV, work);
            }

            @Override
            public double checksum() {
                return outU[0] + outV[outV.length - 1];
            }
        };
    }

    /** {@link AsymmetricSensing#valueAndGradient}: one iteration's evaluation, a forward and an adjoint pass. */
    static Kernel gradient(Workload w) {
        AsymmetricSensing f = AsymmetricSensing.of(w.instance(), w.rank());
        double[] u = w.factor("U");
        double[] v = w.factor("V");
        double[] x = new double[f.dimension()];
        System.arraycopy(u, 0, x, 0, u.length);
        System.arraycopy(v, 0, x, u.length, v.length);
        double[] gradient = new double[f.dimension()];
        double[] value = new double[1];
        return new Kernel() {
            @Override
            public double bytesPerCall() {
                return 2 * w.operatorBytes();
            }

            @Override
            public void call() {
                value[0] = f.valueAndGradient(x, gradient);
            }

            @Override
            public double checksum() {
                return value[0] + gradient[0];
            }
        };
    }

    /**
     * {@link SensingObjective#lanes} of the runs at R = r and R on one instance in the GRAM form: their lock-step
     * {@code valueAndGradient}, one pass over the packed H for both (the batch the dense row's sweep runs). H is
     * built as the kernel is made.
     */
    static Kernel gram(Workload w) {
        if (DataForm.preferred(w.operator()) != DataForm.GRAM) {
            throw new IllegalArgumentException("dense-gram needs the Gram form, n >= 2d^2/5 = " + 2 * w.d() * w.d() / 5
                    + ", got n=" + w.n());
        }
        List<AsymmetricSensing> runs = List.of(AsymmetricSensing.of(w.instance(), w.r(), DataForm.GRAM),
                AsymmetricSensing.of(w.instance(), w.rank(), DataForm.GRAM));
        BatchedObjective batch = SensingObjective.lanes(runs);
        double[][] x = new double[runs.size()][];
        double[][] gradient = new double[runs.size()][];
        for (int j = 0; j < x.length; j++) {
            int rank = runs.get(j).rank();
            double[] u = w.factor("U", rank);
            double[] v = w.factor("V", rank);
            x[j] = new double[u.length + v.length];
            System.arraycopy(u, 0, x[j], 0, u.length);
            System.arraycopy(v, 0, x[j], u.length, v.length);
            gradient[j] = new double[x[j].length];
        }
        double[] values = new double[runs.size()];
        int m = w.d() * w.d();
        double bytes = (double) MachineProbes.DOUBLE_BYTES * m * (m + 1) / 2;
        return new Kernel() {
            @Override
            public double bytesPerCall() {
                return bytes;
            }

            @Override
            public void call() {
                batch.valueAndGradient(x, gradient, values);
            }

            @Override
            public double checksum() {
                return values[0] + values[1] + gradient[1][0];
            }
        };
    }
}
