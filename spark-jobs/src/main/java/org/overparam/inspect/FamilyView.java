package org.overparam.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.PaintScale;
import org.overparam.experiment.EndPoint;
import org.overparam.experiment.RunConfig;
import org.overparam.linalg.Svd;
import org.overparam.problem.leastsquares.LinearLeastSquares;
import org.overparam.problem.sensing.SensingObjective;
import org.overparam.random.Seeds;

/**
 * What an end point looks like in each family, as the panels above the Hessian spectrum in {@link InspectFigure}:
 * <ul>
 *   <li>sensing (U Vᵀ, U Uᵀ, quadratic networks): the recovered X beside the truth M* on one colour scale, and their
 *       singular values;</li>
 *   <li>ReLU teacher–student: the cosine of each student neuron w_i with each teacher neuron e_j, the norms ‖w_i‖,
 *       and W itself (one row per student neuron);</li>
 *   <li>Burer–Monteiro Max-Cut: the Gram matrix Y Yᵀ and its eigenvalues;</li>
 *   <li>least squares: θ against the minimizer closest to the start (the one {@code recovery_error} measures) and
 *       the minimum-norm minimizer.</li>
 * </ul>
 */
final class FamilyView {

    /** Singular values shown beyond max(R, r), where both matrices' are zero. */
    private static final int EXTRA_SINGULAR_VALUES = 2;

    private FamilyView() {
    }

    /** The family's panels for the inspected end point. */
    static List<JFreeChart> panels(Inspection in) {
        return switch (in.config().problem().family()) {
            case MATRIX_SENSING, SYMMETRIC_SENSING, QUADRATIC_NETWORK -> sensing(in);
            case RELU_TEACHER_STUDENT -> relu(in);
            case MAXCUT_BM -> maxCut(in);
            case LEAST_SQUARES -> leastSquares(in);
        };
    }

    private static List<JFreeChart> sensing(Inspection in) {
        RunConfig c = in.config();
        EndPoint end = in.endPoint();
        int d = c.problem().d();
        boolean symmetric = c.problem().family().symmetricModel();
        EndPoint.Matrix u = end.parameter("U");
        EndPoint.Matrix v = symmetric ? u : end.parameter("V");
        EndPoint.Matrix x = new EndPoint.Matrix("X", d, d, product(u, v));
        double[] truth = ((SensingObjective) in.prepared().model(c.rank())).instance().truth();
        EndPoint.Matrix m = new EndPoint.Matrix("M*", d, d, truth);
        PaintScale scale = Panels.diverging(Panels.maxAbs(x.values(), truth));
        String error = number(in.stored().row().real("recovery_error"));
        List<JFreeChart> panels = new ArrayList<>();
        panels.add(Panels.matrix("recovered X = " + (symmetric ? "UUᵀ" : "UVᵀ"),
                "‖X − M*‖_F/‖M*‖_F = " + error + " · R = " + c.rank(), x, scale, "column", "row", "entry"));
        panels.add(Panels.matrix("truth M*", "rank r = " + c.problem().r() + " · the same colour scale",
                m, scale, "column", "row", "entry"));
        int k = Math.min(d, Math.max(c.rank(), c.problem().r()) + EXTRA_SINGULAR_VALUES);
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("recovered X", singularValues(d, d, x.values(), k));
        values.put("truth M*", singularValues(d, d, truth, k));
        panels.add(Panels.bars("singular values", k < d ? "the " + k + " largest of " + d
                + " (rank X ≤ R, rank M* = r)" : "all " + d, "k", "σ_k", values, Double.NaN, null));
        return panels;
    }

    private static List<JFreeChart> relu(Inspection in) {
        EndPoint.Matrix w = in.endPoint().parameter("W");
        int d = w.rows();
        int students = w.cols();
        int teachers = in.config().problem().r();
        double[] norms = new double[students];
        double[] cosines = new double[students * teachers];
        double[] transposed = new double[students * d];
        for (int i = 0; i < students; i++) {
            double sum = 0;
            for (int a = 0; a < d; a++) {
                double e = w.get(a, i);
                sum += e * e;
                transposed[i + students * a] = e;
            }
            norms[i] = Math.sqrt(sum);
            for (int j = 0; j < teachers; j++) {
                cosines[i + students * j] = norms[i] > 0 ? w.get(j, i) / norms[i] : Double.NaN;
            }
        }
        List<JFreeChart> panels = new ArrayList<>();
        panels.add(Panels.matrix("student vs teacher neurons", "cos(w_i, e_j): 1 = aligned with teacher neuron j",
                new EndPoint.Matrix("cos", students, teachers, cosines), Panels.diverging(1), "teacher neuron j",
                "student neuron i", "cosine"));
        panels.add(Panels.bars("student neuron norms ‖w_i‖", "each teacher neuron e_j has norm 1", "student neuron i",
                "‖w_i‖", Map.of("‖w_i‖", norms), 1, "1"));
        panels.add(Panels.matrix("W, one row per student neuron", "the teacher's neurons are e_1 … e_" + teachers
                        + ": weight 1 in column j", new EndPoint.Matrix("Wᵀ", students, d, transposed),
                Panels.diverging(Panels.maxAbs(transposed)), "input coordinate", "student neuron i", "weight"));
        return panels;
    }

    private static List<JFreeChart> maxCut(Inspection in) {
        EndPoint.Matrix y = in.endPoint().parameter("Y");
        int n = y.rows();
        int p = y.cols();
        double[] gram = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = 0;
                for (int c = 0; c < p; c++) {
                    s += y.get(a, c) * y.get(b, c);
                }
                gram[a + n * b] = s;
            }
        }
        int k = Math.min(n, p);
        double[] eigen = singularValues(n, p, y.values(), k);
        for (int i = 0; i < k; i++) {
            eigen[i] *= eigen[i];
        }
        List<JFreeChart> panels = new ArrayList<>();
        panels.add(Panels.matrix("Gram matrix YYᵀ", "unit diagonal; a cut is a ±1 pattern of rank 1",
                new EndPoint.Matrix("YYᵀ", n, n, gram), Panels.diverging(1), "node", "node", "⟨y_a, y_b⟩"));
        panels.add(Panels.bars("eigenvalues of YYᵀ", "σ_k(Y)², k ≤ R = " + p + "; they sum to n = " + n, "k",
                "eigenvalue", Map.of("YYᵀ", eigen), Double.NaN, null));
        return panels;
    }

    private static List<JFreeChart> leastSquares(Inspection in) {
        RunConfig c = in.config();
        double[] theta = in.endPoint().parameter("theta").values();
        LinearLeastSquares model = (LinearLeastSquares) in.prepared().model(c.rank());
        double[] start = model.initialPoint(c.alpha(), Seeds.generator(c.initSeed()));
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("θ (end point)", theta);
        series.put("minimizer closest to θ₀", model.closestMinimizer(start));
        series.put("minimum-norm minimizer", model.closestMinimizer(new double[c.rank()]));
        return List.of(Panels.points("θ against the minimizers", "‖θ − θ_closest‖/‖θ_closest‖ = "
                + number(in.stored().row().real("recovery_error")) + " · " + c.rank() + " parameters, n = "
                + c.problem().n(), "parameter j", "θ_j", series));
    }

    /** X = U Vᵀ, d×d column-major. */
    private static double[] product(EndPoint.Matrix u, EndPoint.Matrix v) {
        int d = u.rows();
        double[] x = new double[d * d];
        for (int c = 0; c < u.cols(); c++) {
            for (int j = 0; j < d; j++) {
                double vj = v.get(j, c);
                for (int i = 0; i < d; i++) {
                    x[i + d * j] += u.get(i, c) * vj;
                }
            }
        }
        return x;
    }

    /** The {@code k} largest singular values of the m×n matrix {@code a}; NaN when it is not finite. */
    private static double[] singularValues(int m, int n, double[] a, int k) {
        if (!Arrays.stream(a).allMatch(Double::isFinite)) {
            double[] nan = new double[k];
            Arrays.fill(nan, Double.NaN);
            return nan;
        }
        return Arrays.copyOf(Svd.of(m, n, a).singularValues(), k);
    }

    static String number(double v) {
        return Double.isNaN(v) ? "–" : v == Double.POSITIVE_INFINITY ? "+∞" : v == 0 ? "0" : String.format(Locale.ROOT, "%.3g", v);
    }
}
