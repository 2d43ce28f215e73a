package org.overparam.certify;

import org.overparam.problem.Objective;

/** f(x) = ½ xᵀQx for a symmetric N×N Q (column-major): its Hessian is Q everywhere. */
final class QuadraticObjective implements Objective {

    private final int n;
    private final double[] q;

    QuadraticObjective(int n, double[] q) {
        this.n = n;
        this.q = q.clone();
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        double[] qx = new double[n];
        hessianVector(x, x, qx);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * qx[i];
        }
        return 0.5 * s;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        hessianVector(x, x, gradient);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * gradient[i];
        }
        return 0.5 * s;
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        for (int j = 0; j < n; j++) {
            double vj = v[j];
            for (int i = 0; i < n; i++) {
                out[i] += q[i + n * j] * vj;
            }
        }
    }
}
