package org.overparam.certify;

import org.overparam.problem.sensing.DenseOperator;

import org.overparam.problem.sensing.Operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.certify.ConvexReference.Reference;
import org.overparam.certify.ConvexReference.Solution;
import org.overparam.linalg.SymmetricEigen;
import org.overparam.linalg.Svd;
import org.overparam.linalg.TestMatrices;
import org.overparam.problem.sensing.MeasurementOperator;
import org.overparam.random.Seeds;

class ConvexReferenceTest {

    /** Relative gap target, as callers use it: gapTol = GAP_REL·f(0). */
    private static final double GAP_REL = 1e-9;

    /**
     * Rounding allowance on a gap or a primal/dual comparison: P and D are sums of n squares of size ~f(0),
     * so they carry ~n·ε·f(0) ≈ 1e-14·f(0) of rounding; 1e-12 (relative to f(0)) is generous but far below
     * GAP_REL.
     */
    private static final double ROUNDING_REL = 1e-12;

    private static final int MAX_ITER = 20_000;

    /** A random sensing instance: operator, truth M* of rank r, y = 𝒜(M*) + noise·N(0, 1). */
    record Instance(MeasurementOperator op, double[] truth, double[] y, double f0) {
        int d() {
            return op.dim();
        }
    }

    static Instance instance(long seed, int d, int r, int n, double noise, boolean psdTruth, boolean symmetricOp) {
        RandomGenerator rng = Seeds.generator(seed);
        MeasurementOperator op = symmetricOp ? Operators.symmetricGaussian(d, n, rng) : Operators.gaussian(d, n, rng);
        double[] u = TestMatrices.gaussian(d, r, rng);
        double[] v = psdTruth ? u : TestMatrices.gaussian(d, r, rng);
        double[] m = new double[d * d];
        for (int b = 0; b < d; b++) {
            for (int a = 0; a < d; a++) {
                double s = 0;
                for (int k = 0; k < r; k++) {
                    s += u[a + d * k] * v[b + d * k];
                }
                m[a + d * b] = s / Math.sqrt(d);
            }
        }
        double[] y = new double[n];
        op.apply(m, y);
        double yy = 0;
        for (int i = 0; i < n; i++) {
            y[i] += noise * rng.nextGaussian();
            yy += y[i] * y[i];
        }
        return new Instance(op, m, y, yy / n);
    }

    /** Λ = λI + C with C = c·BBᵀ/d (PSD, so Λ ≻ 0 with a spread spectrum). */
    static double[] penalty(int d, double lambda, double c, RandomGenerator rng) {
        double[] b = TestMatrices.gaussian(d, d, rng);
        double[] p = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += b[i + d * k] * b[j + d * k];
                }
                p[i + d * j] = c * s / d + (i == j ? lambda : 0);
            }
        }
        return p;
    }

    static double loss(MeasurementOperator op, double[] y, double[] m) {
        double[] am = new double[op.count()];
        op.apply(m, am);
        double s = 0;
        for (int i = 0; i < am.length; i++) {
            s += (am[i] - y[i]) * (am[i] - y[i]);
        }
        return s / am.length;
    }

    static double nuclearObjective(Instance in, double lambda, double[] m) {
        double nuc = 0;
        for (double s : Svd.of(in.d(), in.d(), m).singularValues()) {
            nuc += s;
        }
        return loss(in.op, in.y, m) + 2 * lambda * nuc;
    }

    static double psdObjective(Instance in, double[] penalty, double[] m) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            s += penalty[i] * m[i];
        }
        return loss(in.op, in.y, m) + s;
    }

    /** The nearest symmetric PSD matrix (Frobenius): symmetrize, clip negative eigenvalues. */
    static double[] projectPsd(int d, double[] m) {
        double[] s = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                s[i + d * j] = 0.5 * (m[i + d * j] + m[j + d * i]);
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(d, s);
        double[] vals = eig.values();
        double[] vecs = eig.vectors();
        double[] out = new double[d * d];
        for (int k = 0; k < d; k++) {
            double l = Math.max(0, vals[k]);
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < d; i++) {
                    out[i + d * j] += l * vecs[i + d * k] * vecs[j + d * k];
                }
            }
        }
        return out;
    }

    static Stream<Arguments> instances() {
        return Stream.of(Arguments.of(1L, 6, 2, 60, 0.05, false), Arguments.of(2L, 8, 1, 40, 0.5, false),
                Arguments.of(3L, 5, 2, 80, 0.0, true), Arguments.of(4L, 10, 3, 150, 0.1, true));
    }

    @ParameterizedTest(name = "seed={0}, d={1}, r={2}, n={3}, noise={4}, symmetricOp={5}")
    @MethodSource("instances")
    void nuclearNormCertificateIsValidAndUnbeaten(long seed, int d, int r, int n, double noise, boolean symOp) {
        Instance in = instance(seed, d, r, n, noise, false, symOp);
        double lambda = 0.02;
        double gapTol = GAP_REL * in.f0;
        Solution sol = ConvexReference.solveNuclearNorm(in.op, in.y, lambda, gapTol, MAX_ITER);
        Reference ref = sol.reference();
        assertEquals(ReferenceKind.NUCLEAR_NORM, ref.kind());
        assertTrue(ref.dualityGap() <= gapTol, "gap " + ref.dualityGap() + " after " + ref.iterations());
        assertTrue(ref.dualityGap() >= -ROUNDING_REL * in.f0, "gap " + ref.dualityGap());
        assertEquals(nuclearObjective(in, lambda, sol.matrix()), ref.value(), ROUNDING_REL * in.f0 * 10,
                "value is P at the returned matrix");
        assertTrue(ref.rank() >= 1 && ref.rank() <= d);

        double lower = ref.value() - ref.dualityGap(); // the dual value: a lower bound of every P(M)
        RandomGenerator rng = Seeds.generator(seed + 100);
        double scale = TestMatrices.frobenius(in.truth);
        for (int trial = 0; trial < 20; trial++) {
            double[] e = TestMatrices.gaussian(d, d, rng);
            // Weak duality against unrelated matrices of the truth's size, and against the truth.
            double[] far = new double[d * d];
            for (int i = 0; i < far.length; i++) {
                far[i] = scale * e[i] / d;
            }
            assertTrue(nuclearObjective(in, lambda, far) >= lower - ROUNDING_REL * in.f0, "weak duality");
            // Local optimality: small perturbations of the solution never beat the certified lower bound.
            double eps = 1e-4 * Math.pow(10, -(trial % 4));
            double[] near = sol.matrix().clone();
            for (int i = 0; i < near.length; i++) {
                near[i] += eps * e[i];
            }
            assertTrue(nuclearObjective(in, lambda, near) >= lower - ROUNDING_REL * in.f0, "perturbation " + eps);
        }
        assertTrue(nuclearObjective(in, lambda, in.truth) >= lower - ROUNDING_REL * in.f0);
    }

    @ParameterizedTest(name = "seed={0}, d={1}, r={2}, n={3}, noise={4}, symmetricOp={5}")
    @MethodSource("instances")
    void psdTraceCertificateIsValidAndUnbeaten(long seed, int d, int r, int n, double noise, boolean symOp) {
        Instance in = instance(seed, d, r, n, noise, true, symOp);
        double[] penalty = penalty(d, 0.02, 0.05, Seeds.generator(seed + 7));
        double gapTol = GAP_REL * in.f0;
        Solution sol = ConvexReference.solvePsdTrace(in.op, in.y, penalty, gapTol, MAX_ITER);
        Reference ref = sol.reference();
        assertEquals(ReferenceKind.PSD_TRACE, ref.kind());
        assertTrue(ref.dualityGap() <= gapTol, "gap " + ref.dualityGap() + " after " + ref.iterations());
        assertTrue(ref.dualityGap() >= -ROUNDING_REL * in.f0, "gap " + ref.dualityGap());
        double[] m = sol.matrix();
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                assertEquals(m[i + d * j], m[j + d * i], 0.0, "solution is exactly symmetric");
            }
        }
        assertTrue(SymmetricEigen.of(d, m).min() >= -1e-12 * Math.max(1, TestMatrices.frobenius(m)), "M ⪰ 0");
        assertEquals(psdObjective(in, penalty, m), ref.value(), ROUNDING_REL * in.f0 * 10);

        double lower = ref.value() - ref.dualityGap();
        RandomGenerator rng = Seeds.generator(seed + 200);
        double scale = TestMatrices.frobenius(in.truth);
        for (int trial = 0; trial < 20; trial++) {
            double[] e = TestMatrices.gaussian(d, d, rng);
            double[] far = new double[d * d];
            for (int i = 0; i < far.length; i++) {
                far[i] = scale * e[i] / d;
            }
            assertTrue(psdObjective(in, penalty, projectPsd(d, far)) >= lower - ROUNDING_REL * in.f0,
                    "weak duality");
            double eps = 1e-4 * Math.pow(10, -(trial % 4));
            double[] near = m.clone();
            for (int i = 0; i < near.length; i++) {
                near[i] += eps * e[i];
            }
            assertTrue(psdObjective(in, penalty, projectPsd(d, near)) >= lower - ROUNDING_REL * in.f0,
                    "perturbation " + eps);
        }
        assertTrue(psdObjective(in, penalty, in.truth) >= lower - ROUNDING_REL * in.f0);
    }

    /** The fixture written by convex_golden.py (format documented there). */
    record Golden(int d, double lambda, MeasurementOperator op, double[] y, double[] penalty, double[] nuclear,
                  double[] psd) {
    }

    static Golden readGolden() throws IOException {
        try (InputStream in = ConvexReferenceTest.class.getResourceAsStream("/golden/convex_golden.txt");
             BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = br.readLine();
            while (line.startsWith("#")) {
                line = br.readLine();
            }
            String[] dn = line.trim().split(" ");
            int d = Integer.parseInt(dn[0]);
            int n = Integer.parseInt(dn[1]);
            double lambda = Double.parseDouble(br.readLine().trim());
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = parse(br.readLine());
            }
            double[] y = parse(br.readLine());
            double[] penalty = new double[d * d];
            for (int i = 0; i < d; i++) {
                double[] row = parse(br.readLine());
                for (int j = 0; j < d; j++) {
                    penalty[i + d * j] = row[j];
                }
            }
            double[] nuclear = parse(br.readLine().substring("nuclear ".length()));
            double[] psd = parse(br.readLine().substring("psd ".length()));
            return new Golden(d, lambda, DenseOperator.of(d, concatenate(rows)), y, penalty, nuclear, psd);
        }
    }

    private static double[] parse(String line) {
        String[] parts = line.trim().split(" ");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Double.parseDouble(parts[i]);
        }
        return out;
    }

    @Test
    void agreesWithIndependentNumpyProximalGradient() throws IOException {
        Golden g = readGolden();
        double gapTol = 1e-11;
        Reference nuc = ConvexReference.nuclearNorm(g.op, g.y, g.lambda, gapTol, MAX_ITER);
        assertTrue(nuc.dualityGap() <= gapTol);
        // Both values are within their gaps of the same optimum.
        assertEquals(g.nuclear[0], nuc.value(), nuc.dualityGap() + g.nuclear[1] + 1e-14);
        assertEquals((int) g.nuclear[2], nuc.rank());

        Reference psd = ConvexReference.psdTrace(g.op, g.y, g.penalty, gapTol, MAX_ITER);
        assertTrue(psd.dualityGap() <= gapTol);
        assertEquals(g.psd[0], psd.value(), psd.dualityGap() + g.psd[1] + 1e-14);
        assertEquals((int) g.psd[2], psd.rank());
    }

    @Test
    void noiselessOptimumDecreasesToZeroWithLambda() {
        Instance in = instance(11L, 8, 2, 80, 0.0, false, false);
        double nuclearTruth = 0;
        for (double s : Svd.of(8, 8, in.truth).singularValues()) {
            nuclearTruth += s;
        }
        double previous = Double.POSITIVE_INFINITY;
        double previousGap = 0;
        for (double lambda : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
            Reference ref = ConvexReference.nuclearNorm(in.op, in.y, lambda, GAP_REL * in.f0, MAX_ITER);
            assertTrue(ref.dualityGap() <= GAP_REL * in.f0);
            // P_λ(M*) = 2λ‖M*‖_* bounds the optimum; the optimum is monotone in λ (up to the gaps).
            assertTrue(ref.value() <= 2 * lambda * nuclearTruth + ref.dualityGap(), "λ = " + lambda);
            assertTrue(ref.value() - ref.dualityGap() <= previous + previousGap, "monotone at λ = " + lambda);
            assertEquals(2, ref.rank(), "exact recovery has the truth's rank at λ = " + lambda);
            previous = ref.value();
            previousGap = ref.dualityGap();
        }
        assertTrue(previous <= 1e-3 * in.f0, "optimum at λ = 1e-4 is " + previous);
    }

    @Test
    void iterationCapStillReturnsTheGap() {
        Instance in = instance(12L, 6, 2, 60, 0.1, false, false);
        Reference nuc = ConvexReference.nuclearNorm(in.op, in.y, 0.02, 0.0, 3);
        assertEquals(3, nuc.iterations());
        assertTrue(nuc.dualityGap() > 0 && Double.isFinite(nuc.dualityGap()));
        double[] penalty = penalty(6, 0.02, 0.0, Seeds.generator(1));
        Reference psd = ConvexReference.psdTrace(in.op, in.y, penalty, 0.0, 3);
        assertEquals(3, psd.iterations());
        assertTrue(psd.dualityGap() > 0 && Double.isFinite(psd.dualityGap()));
    }

    @Test
    void zeroMeasurementsGiveTheZeroSolutionAtOnce() {
        Instance in = instance(13L, 4, 1, 20, 0.0, false, false);
        double[] y = new double[20];
        Reference ref = ConvexReference.nuclearNorm(in.op, y, 0.1, 1e-12, 100);
        assertEquals(0.0, ref.value());
        assertEquals(0.0, ref.dualityGap());
        assertEquals(0, ref.rank());
        assertEquals(0, ref.iterations());
    }

    @Test
    void rejectsBadArgumentsNamingThem() {
        Instance in = instance(14L, 4, 1, 20, 0.0, false, false);
        for (double bad : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ConvexReference.nuclearNorm(in.op, in.y, bad, 1e-9, 10));
            assertTrue(e.getMessage().contains("lambda"), e.getMessage());
        }
        double[] indefinite = penalty(4, 0.1, 0.0, Seeds.generator(2));
        indefinite[0] = -1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvexReference.psdTrace(in.op, in.y, indefinite, 1e-9, 10));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ConvexReference.nuclearNorm(in.op, new double[3], 0.1, 1e-9, 10));
        assertThrows(IllegalArgumentException.class,
                () -> ConvexReference.nuclearNorm(in.op, in.y, 0.1, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class,
                () -> ConvexReference.psdTrace(in.op, in.y, new double[3], 1e-9, 10));
    }

    /** vec(A_0), vec(A_1), … one after another, as {@link DenseOperator#of} takes them. */
    private static double[] concatenate(double[][] vecRows) {
        int size = vecRows[0].length;
        double[] flat = new double[vecRows.length * size];
        for (int i = 0; i < vecRows.length; i++) {
            System.arraycopy(vecRows[i], 0, flat, i * size, size);
        }
        return flat;
    }
}
