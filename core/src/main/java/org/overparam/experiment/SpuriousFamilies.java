package org.overparam.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * End points grouped into families up to the model's symmetries, as Safran &amp; Shamir (ICML 2018) group the
 * spurious minima they find: two end points are one family when some symmetry of the objective maps one close to
 * the other. What each family quotients out:
 * <ul>
 *   <li>sensing and quadratic networks, U ↦ UQ (and U ↦ UG, V ↦ VG⁻ᵀ for UVᵀ): compared through X = UVᵀ or UUᵀ,
 *       which the symmetries leave unchanged and which determines the objective;</li>
 *   <li>Burer–Monteiro Max-Cut, Y ↦ YQ: compared through YYᵀ;</li>
 *   <li>ReLU teacher–student, permutations of the student's neurons and of the input coordinates that permute the
 *       teacher's neurons e_1 … e_r among themselves (and the other d − r coordinates among themselves): each neuron
 *       w_i is described by its teacher coordinates sorted and its other coordinates sorted (unchanged by any such
 *       coordinate permutation), and two networks are compared by the best matching of their neurons (the
 *       {@link Assignment} of least squared distance). This description can only merge end points that differ by
 *       coordinate permutations applied neuron by neuron; the objective must agree too;</li>
 *   <li>least squares: θ itself (convex, no symmetry).</li>
 * </ul>
 * Distances are relative, ‖a − b‖/max(‖a‖, ‖b‖). Grouping is greedy and deterministic: end points in order of
 * objective (then point id) join the first family whose first member is within {@link #TOLERANCE} in distance and
 * in objective (relative to the larger objective, or to {@link #OBJECTIVE_FLOOR}·f0 near 0), else start one; the result depends on the set of end points only, not on their order.
 */
public final class SpuriousFamilies {

    /**
     * Relative distance (and objective difference) within which two end points are one family. Runs stop at
     * ‖∇f‖ ≤ 1e-8·f0 (2.5e-10·F(0) for ReLU), which pins a nondegenerate minimum to far better than 1e-2; distinct
     * spurious families differ by O(1) in their invariants (a neuron aligned with another teacher direction).
     */
    public static final double TOLERANCE = 1e-2;

    private SpuriousFamilies() {
    }

    /**
     * Objectives within {@link #TOLERANCE} of each other relative to their size, or to this fraction of the
     * objective scale f0 when they are smaller (spurious points of zero cost, as in Max-Cut, end a few rounding
     * errors from 0 and from each other).
     */
    public static final double OBJECTIVE_FLOOR = 1e-6;

    /**
     * One end point to group.
     *
     * @param pointId    its row
     * @param objective  its objective
     * @param f0         the objective scale of its instance (the {@code f0} column)
     * @param hessMinEig its smallest Hessian eigenvalue (NaN when not computed)
     * @param endPoint   its parameters
     */
    public record Member(String pointId, double objective, double f0, double hessMinEig, EndPoint endPoint) {
    }

    /**
     * A family: its members in order of objective, the first its representative.
     *
     * @param members at least one
     */
    public record Group(List<Member> members) {

        public Group {
            members = List.copyOf(members);
        }

        public Member representative() {
            return members.get(0);
        }

        /** The median objective of its members. */
        public double medianObjective() {
            return median(members.stream().mapToDouble(Member::objective).toArray());
        }

        /** The median smallest Hessian eigenvalue of its members that computed one (NaN when none did). */
        public double medianHessMinEig() {
            return median(members.stream().mapToDouble(Member::hessMinEig).filter(v -> !Double.isNaN(v)).toArray());
        }
    }

    /**
     * The families of {@code members}, end points of one cell of {@code family} with teacher rank {@code trueRank}
     * (used by ReLU teacher–student only), largest first (then by objective).
     */
    public static List<Group> group(Family family, int trueRank, List<Member> members) {
        List<Member> ordered = new ArrayList<>(members);
        ordered.sort(Comparator.comparingDouble(Member::objective).thenComparing(Member::pointId));
        List<List<Member>> groups = new ArrayList<>();
        List<Orbit> leaders = new ArrayList<>();
        for (Member m : ordered) {
            Orbit orbit = Orbit.of(family, trueRank, m.endPoint());
            int joined = -1;
            for (int g = 0; g < groups.size() && joined < 0; g++) {
                Member leader = groups.get(g).get(0);
                if (close(leader, m) && leaders.get(g).distance(orbit) <= TOLERANCE) {
                    joined = g;
                }
            }
            if (joined < 0) {
                groups.add(new ArrayList<>(List.of(m)));
                leaders.add(orbit);
            } else {
                groups.get(joined).add(m);
            }
        }
        return groups.stream().map(Group::new)
                .sorted(Comparator.comparingInt((Group g) -> -g.members().size())
                        .thenComparingDouble(g -> g.representative().objective()))
                .toList();
    }

    private static boolean close(Member a, Member b) {
        double size = Math.max(Math.max(Math.abs(a.objective()), Math.abs(b.objective())),
                OBJECTIVE_FLOOR * Math.max(Math.abs(a.f0()), Math.abs(b.f0())));
        return Math.abs(a.objective() - b.objective()) <= TOLERANCE * size;
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /** What is left of an end point once the family's symmetries are quotiented out. */
    sealed interface Orbit permits Invariant, Neurons {

        /** The relative distance between two orbits, 0 for symmetric copies. */
        double distance(Orbit other);

        static Orbit of(Family family, int trueRank, EndPoint end) {
            return switch (family) {
                case MATRIX_SENSING -> new Invariant(product(end.parameter("U"), end.parameter("V")));
                case SYMMETRIC_SENSING, QUADRATIC_NETWORK -> new Invariant(product(end.parameter("U"),
                        end.parameter("U")));
                case MAXCUT_BM -> new Invariant(product(end.parameter("Y"), end.parameter("Y")));
                case LEAST_SQUARES -> new Invariant(end.parameter("theta").values());
                case RELU_TEACHER_STUDENT -> Neurons.of(end.parameter("W"), trueRank);
            };
        }
    }

    /** An orbit described by a vector that the symmetries leave unchanged. */
    record Invariant(double[] values) implements Orbit {

        @Override
        public double distance(Orbit other) {
            double[] b = ((Invariant) other).values;
            if (b.length != values.length) {
                return Double.POSITIVE_INFINITY;
            }
            double diff = 0;
            double na = 0;
            double nb = 0;
            for (int i = 0; i < values.length; i++) {
                double d = values[i] - b[i];
                diff += d * d;
                na += values[i] * values[i];
                nb += b[i] * b[i];
            }
            return relative(diff, na, nb);
        }
    }

    /**
     * A network as the set of its neurons, each described by its teacher coordinates sorted and its other
     * coordinates sorted (descending).
     *
     * @param neurons one description per neuron
     */
    record Neurons(double[][] neurons) implements Orbit {

        static Neurons of(EndPoint.Matrix w, int trueRank) {
            int d = w.rows();
            int teacher = Math.min(Math.max(trueRank, 0), d);
            double[][] neurons = new double[w.cols()][];
            for (int i = 0; i < w.cols(); i++) {
                double[] described = new double[d];
                for (int a = 0; a < d; a++) {
                    described[a] = -w.get(a, i);
                }
                Arrays.sort(described, 0, teacher);
                Arrays.sort(described, teacher, d);
                for (int a = 0; a < d; a++) {
                    described[a] = -described[a];
                }
                neurons[i] = described;
            }
            return new Neurons(neurons);
        }

        @Override
        public double distance(Orbit other) {
            double[][] b = ((Neurons) other).neurons;
            if (b.length != neurons.length || b.length > 0 && b[0].length != neurons[0].length) {
                return Double.POSITIVE_INFINITY;
            }
            int m = neurons.length;
            double[][] cost = new double[m][m];
            double na = 0;
            double nb = 0;
            for (int i = 0; i < m; i++) {
                for (int a = 0; a < neurons[i].length; a++) {
                    na += neurons[i][a] * neurons[i][a];
                    nb += b[i][a] * b[i][a];
                }
                for (int j = 0; j < m; j++) {
                    double s = 0;
                    for (int a = 0; a < neurons[i].length; a++) {
                        double diff = neurons[i][a] - b[j][a];
                        s += diff * diff;
                    }
                    cost[i][j] = s;
                }
            }
            return relative(Math.max(0, Assignment.minimalCost(cost)), na, nb);
        }
    }

    private static double relative(double squaredDifference, double squaredNormA, double squaredNormB) {
        double scale = Math.max(squaredNormA, squaredNormB);
        return scale == 0 ? 0 : Math.sqrt(squaredDifference / scale);
    }

    /** A·Bᵀ for A, B n×k column-major, as an n×n column-major array. */
    private static double[] product(EndPoint.Matrix a, EndPoint.Matrix b) {
        int n = a.rows();
        int k = a.cols();
        double[] av = a.values();
        double[] bv = b.values();
        double[] x = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += av[i + n * c] * bv[j + n * c];
                }
                x[i + n * j] = s;
            }
        }
        return x;
    }
}
