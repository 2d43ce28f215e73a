package org.overparam.problem.sensing;

import java.util.List;
import org.overparam.problem.BatchedObjective;

/**
 * The runs of one dense instance in the Gram form as lanes of a {@link BatchedObjective}: lane j is its own
 * {@link AsymmetricSensing} or {@link SymmetricSensing} (any R and α; lanes differ in dimension), and an evaluation
 * of all of them reads H = 𝐀ᵀ𝐀 once instead of once per lane.
 *
 * <p>{@code valueAndGradient} splits each lane's scalar evaluation around its one product with H: every active lane
 * forms e_j = vec(X_j) in its own data term ({@link GramDataTerm#stage}), one k-vector product
 * ({@link Gram#multiply(int, double[][], double[][])}, k the active lanes) writes He_j into each term, and each lane
 * finishes exactly as its scalar objective does (h = He − b, the value, G·F and the gradient, in the same code). The
 * k-vector product gives every vector the bits of the one-vector product whatever k, so lane j is bit-identical to
 * its scalar objective whatever the other lanes hold and however many there are. Hessian–vector products, needed
 * only at the end of a run, go lane by lane through the scalar objectives.
 *
 * <p>The lanes' objectives are the batch's state (their scratch holds the staged points): like every objective, a
 * batch is not thread-safe, and it allocates nothing per call.
 */
final class GramLanes implements BatchedObjective {

    /** A lane's {@code valueAndGradient} in two halves around He (the models' {@code gramLane()}). */
    interface Lane {

        /** The lane's data term, which holds e after {@link #stage} and receives He before {@link #finish}. */
        GramDataTerm term();

        /** Sets the point x and forms e = vec(X) in {@link #term()}. */
        void stage(double[] x);

        /** With He in the term's image: writes ∇f(x) into {@code gradient} and returns f(x). */
        double finish(double[] x, double[] gradient);
    }

    private final SensingObjective[] objectives;
    private final Lane[] lanes;
    private final Gram gram;
    /** The active lanes' points and images, compacted for the k-vector product. */
    private final double[][] points;
    private final double[][] images;
    private final int[] active;

    private GramLanes(List<? extends SensingObjective> lanes) {
        int width = lanes.size();
        this.objectives = lanes.toArray(new SensingObjective[0]);
        this.lanes = new Lane[width];
        for (int j = 0; j < width; j++) {
            this.lanes[j] = objectives[j] instanceof AsymmetricSensing a ? a.gramLane()
                    : ((SymmetricSensing) objectives[j]).gramLane();
        }
        this.gram = this.lanes[0].term().gram();
        this.points = new double[width][];
        this.images = new double[width][];
        this.active = new int[width];
    }

    /** Whether {@code lanes} can share one pass over H: all in the GRAM form, all on one instance. */
    static boolean applies(List<? extends SensingObjective> lanes) {
        SensingInstance instance = lanes.get(0).instance();
        for (SensingObjective f : lanes) {
            if (f.form() != DataForm.GRAM || f.instance() != instance) {
                return false;
            }
        }
        return true;
    }

    /** {@code lanes} as one batch; they must be in the GRAM form on one instance ({@link #applies}). */
    static GramLanes of(List<? extends SensingObjective> lanes) {
        if (lanes.isEmpty() || !applies(lanes)) {
            throw new IllegalArgumentException("Gram lanes must be at least one objective, all in the GRAM form on one"
                    + " instance");
        }
        return new GramLanes(lanes);
    }

    @Override
    public int lanes() {
        return lanes.length;
    }

    @Override
    public void valueAndGradient(double[][] x, double[][] gradient, double[] values) {
        int k = 0;
        for (int j = 0; j < lanes.length; j++) {
            if (x[j] != null) {
                Lane lane = lanes[j];
                lane.stage(x[j]);
                points[k] = lane.term().point();
                images[k] = lane.term().image();
                active[k++] = j;
            }
        }
        if (k == 0) {
            return;
        }
        gram.multiply(k, points, images);
        for (int t = 0; t < k; t++) {
            int j = active[t];
            values[j] = lanes[j].finish(x[j], gradient[j]);
        }
    }

    @Override
    public double valueErrorFloor(int lane) {
        return objectives[lane].valueErrorFloor();
    }

    @Override
    public void hessianVector(double[][] x, double[][] v, double[][] out) {
        for (int j = 0; j < objectives.length; j++) {
            objectives[j].hessianVector(x[j], v[j], out[j]);
        }
    }
}
