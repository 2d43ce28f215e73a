package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.overparam.linalg.TestMatrices;
import org.overparam.random.Seeds;

/**
 * Grouping end points into families: symmetric copies of one point (built by hand with the model's symmetries)
 * are one family, points that differ are not, whatever order they come in.
 */
class SpuriousFamiliesTest {

    private static final int D = 5;
    private static final int R = 3;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theAssignmentIsTheCheapestPermutation(long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        int m = 5;
        double[][] cost = new double[m][m];
        for (double[] row : cost) {
            for (int j = 0; j < m; j++) {
                row[j] = rng.nextDouble();
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int[] p : permutations(m)) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += cost[i][p[i]];
            }
            best = Math.min(best, s);
        }
        assertEquals(best, Assignment.minimalCost(cost), 1e-12);
    }

    @Test
    void sensingEndPointsAreOneFamilyUpToUgAndVgInverseTranspose() {
        RandomGenerator rng = Seeds.generator(11);
        double[] u = TestMatrices.gaussian(D * R, 1, rng);
        double[] v = TestMatrices.gaussian(D * R, 1, rng);
        double[] g = TestMatrices.gaussian(R * R, 1, rng);
        for (int i = 0; i < R; i++) {
            g[i + R * i] += 3; // well conditioned
        }
        double[] gInvT = transpose(inverse(g, R), R);
        EndPoint original = sensing(u, v);
        EndPoint copy = sensing(times(u, g), times(v, gInvT));
        EndPoint other = sensing(TestMatrices.gaussian(D * R, 1, rng), v);
        List<SpuriousFamilies.Group> groups = SpuriousFamilies.group(Family.MATRIX_SENSING, 2,
                List.of(member("b", 0.5, copy), member("c", 0.7, other), member("a", 0.5, original)));
        assertEquals(2, groups.size());
        assertEquals(List.of("a", "b"), ids(groups.get(0)));
        assertEquals(List.of("c"), ids(groups.get(1)));
    }

    @Test
    void symmetricModelsAndMaxCutAreOneFamilyUpToRotations() {
        RandomGenerator rng = Seeds.generator(12);
        double[] u = TestMatrices.gaussian(D * R, 1, rng);
        double[] q = TestMatrices.orthogonal(R, rng);
        for (Family family : new Family[] {Family.SYMMETRIC_SENSING, Family.QUADRATIC_NETWORK, Family.MAXCUT_BM}) {
            String name = family == Family.MAXCUT_BM ? "Y" : "U";
            EndPoint a = one(name, u);
            EndPoint rotated = one(name, times(u, q));
            EndPoint flipped = one(name, scaled(u, -1));
            EndPoint other = one(name, TestMatrices.gaussian(D * R, 1, rng));
            List<SpuriousFamilies.Group> groups = SpuriousFamilies.group(family, 1, List.of(member("a", 1, a),
                    member("b", 1, rotated), member("c", 1, flipped), member("d", 1, other)));
            assertEquals(2, groups.size(), family::toString);
            assertEquals(List.of("a", "b", "c"), ids(groups.get(0)), family::toString);
        }
    }

    /**
     * Permuting the student's neurons, the teacher's coordinates among themselves and the other coordinates among
     * themselves maps a ReLU network to a symmetric copy; swapping a teacher and a non-teacher coordinate does not.
     */
    @Test
    void reluNetworksAreOneFamilyUpToNeuronAndTeacherPermutations() {
        int d = 5;
        int r = 3;
        int width = 4;
        RandomGenerator rng = Seeds.generator(13);
        double[] w = TestMatrices.gaussian(d * width, 1, rng);
        int[] coordinates = {2, 0, 1, 4, 3}; // teacher coordinates 0..2 among themselves, 3..4 among themselves
        int[] neurons = {3, 1, 0, 2};
        double[] copy = new double[d * width];
        for (int i = 0; i < width; i++) {
            for (int a = 0; a < d; a++) {
                copy[coordinates[a] + d * neurons[i]] = w[a + d * i];
            }
        }
        double[] mixed = copy.clone();
        for (int i = 0; i < width; i++) { // teacher coordinate 0 swapped with coordinate 4
            double t = mixed[d * i];
            mixed[d * i] = mixed[4 + d * i];
            mixed[4 + d * i] = t;
        }
        List<SpuriousFamilies.Group> groups = SpuriousFamilies.group(Family.RELU_TEACHER_STUDENT, r, List.of(
                member("a", 0.03, relu(w, d, width)), member("b", 0.03, relu(copy, d, width)),
                member("c", 0.03, relu(mixed, d, width))));
        assertEquals(2, groups.size());
        assertEquals(List.of("a", "b"), ids(groups.get(0)));
        assertEquals(List.of("c"), ids(groups.get(1)));
    }

    @Test
    void equalInvariantsAtDifferentObjectivesAreDifferentFamiliesAndMediansAreTheirMembers() {
        double[] theta = {1, 2, 3};
        EndPoint end = one("theta", theta);
        List<SpuriousFamilies.Group> groups = SpuriousFamilies.group(Family.LEAST_SQUARES, 0, List.of(
                member("a", 1.0, end), member("b", 2.0, end), new SpuriousFamilies.Member("c", 1.001, 1.0, 0.2, end),
                new SpuriousFamilies.Member("d", 1.002, 1.0, 0.4, end)));
        assertEquals(2, groups.size());
        assertEquals(List.of("a", "c", "d"), ids(groups.get(0)));
        assertEquals(1.001, groups.get(0).medianObjective());
        assertEquals(0.3, groups.get(0).medianHessMinEig(), 1e-15);
        assertEquals(Double.NaN, groups.get(1).medianHessMinEig());
    }

    /** Copies of a zero-cost point end a few rounding errors from 0: one family, judged against f0 there. */
    @Test
    void objectivesNearZeroAreComparedAgainstTheObjectiveScale() {
        RandomGenerator rng = Seeds.generator(15);
        double[] y = TestMatrices.gaussian(D * R, 1, rng);
        double f0 = 20;
        List<SpuriousFamilies.Member> members = List.of(
                new SpuriousFamilies.Member("a", 1.6e-16, f0, Double.NaN, one("Y", y)),
                new SpuriousFamilies.Member("b", 5.4e-15, f0, Double.NaN,
                        one("Y", times(y, TestMatrices.orthogonal(R, rng)))),
                new SpuriousFamilies.Member("c", 2.8e-14, f0, Double.NaN,
                        one("Y", times(y, TestMatrices.orthogonal(R, rng)))),
                new SpuriousFamilies.Member("d", 1e-3, f0, Double.NaN, one("Y", y)));
        List<SpuriousFamilies.Group> groups = SpuriousFamilies.group(Family.MAXCUT_BM, 0, members);
        assertEquals(2, groups.size());
        assertEquals(List.of("a", "b", "c"), ids(groups.get(0)));
    }

    @Test
    void theFamiliesDoNotDependOnTheOrderOfTheEndPoints() {
        RandomGenerator rng = Seeds.generator(14);
        List<SpuriousFamilies.Member> members = new ArrayList<>();
        double[] base = TestMatrices.gaussian(D * R, 1, rng);
        for (int k = 0; k < 12; k++) {
            double[] u = k % 3 == 0 ? TestMatrices.gaussian(D * R, 1, rng)
                    : times(base, TestMatrices.orthogonal(R, rng));
            members.add(member("p" + k, k % 3 == 0 ? 1 + k : 0.5, one("U", u)));
        }
        List<SpuriousFamilies.Group> forward = SpuriousFamilies.group(Family.SYMMETRIC_SENSING, 1, members);
        List<SpuriousFamilies.Member> reversed = new ArrayList<>(members);
        java.util.Collections.reverse(reversed);
        assertEquals(forward, SpuriousFamilies.group(Family.SYMMETRIC_SENSING, 1, reversed));
        assertEquals(5, forward.size());
        assertEquals(8, forward.get(0).members().size());
    }

    private static SpuriousFamilies.Member member(String id, double objective, EndPoint end) {
        return new SpuriousFamilies.Member(id, objective, 1.0, Double.NaN, end);
    }

    private static List<String> ids(SpuriousFamilies.Group g) {
        return g.members().stream().map(SpuriousFamilies.Member::pointId).toList();
    }

    private static EndPoint sensing(double[] u, double[] v) {
        return new EndPoint(List.of(new EndPoint.Matrix("U", D, R, u), new EndPoint.Matrix("V", D, R, v)),
                new double[0]);
    }

    private static EndPoint one(String name, double[] values) {
        int cols = name.equals("theta") ? 1 : R;
        return new EndPoint(List.of(new EndPoint.Matrix(name, values.length / cols, cols, values)), new double[0]);
    }

    private static EndPoint relu(double[] w, int d, int width) {
        return new EndPoint(List.of(new EndPoint.Matrix("W", d, width, w)), new double[0]);
    }

    private static double[] scaled(double[] x, double s) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] *= s;
        }
        return y;
    }

    /** A (D×R) · B (R×R), column-major. */
    private static double[] times(double[] a, double[] b) {
        double[] c = new double[D * R];
        for (int j = 0; j < R; j++) {
            for (int k = 0; k < R; k++) {
                for (int i = 0; i < D; i++) {
                    c[i + D * j] += a[i + D * k] * b[k + R * j];
                }
            }
        }
        return c;
    }


    private static double[] transpose(double[] a, int n) {
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[j + n * i] = a[i + n * j];
            }
        }
        return t;
    }

    /** Gauss–Jordan inverse of a small, well-conditioned matrix. */
    private static double[] inverse(double[] a, int n) {
        double[][] m = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i + n * j];
            }
            m[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            double pivot = m[c][c];
            for (int j = 0; j < 2 * n; j++) {
                m[c][j] /= pivot;
            }
            for (int i = 0; i < n; i++) {
                if (i != c) {
                    double f = m[i][c];
                    for (int j = 0; j < 2 * n; j++) {
                        m[i][j] -= f * m[c][j];
                    }
                }
            }
        }
        double[] inv = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                inv[i + n * j] = m[i][n + j];
            }
        }
        return inv;
    }

    private static List<int[]> permutations(int m) {
        List<int[]> out = new ArrayList<>();
        permute(new int[m], new boolean[m], 0, out);
        return out;
    }

    private static void permute(int[] p, boolean[] used, int k, List<int[]> out) {
        if (k == p.length) {
            out.add(p.clone());
            return;
        }
        for (int v = 0; v < p.length; v++) {
            if (!used[v]) {
                used[v] = true;
                p[k] = v;
                permute(p, used, k + 1, out);
                used[v] = false;
            }
        }
    }
}
