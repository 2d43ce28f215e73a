package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.random.Seeds;

class SymmetricEigenTest {

    /** Backward stability: residuals and orthogonality are O(n·ε)·‖A‖; 1e-12 leaves ×100 room at n=40. */
    private static final double IDENTITY_TOL = 1e-12;

    /**
     * NumPy's LAPACK and this solver, both backward stable, agree to O(n·ε·‖A‖₂); the Hilbert case has
     * ‖A‖₂ ≈ 1.6, W21+ ≈ 10.7 and the others ≤ 5, so 1e-12 absolute is ≥ 10 ulps of headroom at n = 21.
     */
    private static final double GOLDEN_TOL = 1e-12;

    /** ε = 2⁻⁵², the unit of the backward-stability bounds. */
    private static final double EPS = Math.ulp(1.0);

    /**
     * c in ‖AV − VΛ‖_F ≤ c·n·ε·‖A‖_F and ‖VᵀV − I‖_F ≤ c·n·ε (backward stability, GvL §8.3.6: a modest
     * polynomial in n times ε). Measured at most 0.8 and 3.7 on the cases in this class (n = 1 … 200, graded,
     * clustered, rank-deficient, W21+, tiny and huge), so 16 leaves ×4 room and still fails on any lost digit.
     */
    private static final double BACKWARD_FACTOR = 16;

    /**
     * c in |λ̂_j − λ_j| ≤ c·n·ε·‖A‖₂ (the documented accuracy) on matrices whose spectrum is known exactly;
     * measured at most 0.25 on the spectra below, so 2 leaves ×8 room.
     */
    private static final double EIGENVALUE_FACTOR = 2;

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(1L, 1), Arguments.of(2L, 2), Arguments.of(3L, 5), Arguments.of(4L, 17),
                Arguments.of(5L, 40));
    }

    @ParameterizedTest(name = "seed={0}, n={1}")
    @MethodSource("cases")
    void eigenpairsSatisfyIdentities(long seed, int n) {
        RandomGenerator rng = Seeds.generator(seed);
        double[] a = TestMatrices.symmetric(n, rng);
        double[] original = a.clone();
        SymmetricEigen eig = SymmetricEigen.of(n, a);
        assertArrayEquals(original, a, "input must not be modified");
        double[] values = eig.values();
        double[] vectors = eig.vectors();
        double scale = Math.max(1, TestMatrices.frobenius(a));
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                assertTrue(values[j] >= values[j - 1], "values must ascend");
            }
            double[] v = new double[n];
            System.arraycopy(vectors, n * j, v, 0, n);
            double[] av = TestMatrices.times(n, n, a, v);
            double r = 0;
            for (int i = 0; i < n; i++) {
                r += (av[i] - values[j] * v[i]) * (av[i] - values[j] * v[i]);
            }
            assertTrue(Math.sqrt(r) <= IDENTITY_TOL * scale, "residual of pair " + j + ": " + Math.sqrt(r));
            for (int k = 0; k <= j; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += vectors[i + n * j] * vectors[i + n * k];
                }
                assertEquals(j == k ? 1.0 : 0.0, dot, IDENTITY_TOL, "VᵀV at (" + j + ", " + k + ")");
            }
        }
        // Reconstruction A = V diag(λ) Vᵀ.
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += vectors[r + n * k] * values[k] * vectors[c + n * k];
                }
                assertEquals(a[r + n * c], s, IDENTITY_TOL * scale);
            }
        }
        assertEquals(values[0], eig.min());
        assertEquals(values[n - 1], eig.max());
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("spectra")
    void recoversAPrescribedSpectrumWithRepeats(long seed, double[] spectrum) {
        double[] a = TestMatrices.withSpectrum(spectrum, Seeds.generator(seed));
        double[] sorted = spectrum.clone();
        java.util.Arrays.sort(sorted);
        double[] values = SymmetricEigen.of(spectrum.length, a).values();
        for (int j = 0; j < sorted.length; j++) {
            assertEquals(sorted[j], values[j], IDENTITY_TOL * 10, "eigenvalue " + j);
        }
    }

    static Stream<Arguments> spectra() {
        return Stream.of(
                Arguments.of(11L, new double[] {3, -1, 0, 0, 0, 2, 2, -1}),
                Arguments.of(12L, new double[] {0, 0, 0, 0}),
                Arguments.of(13L, new double[] {1e-9, 1, 1e3, -5}));
    }

    static Stream<Arguments> randomSizes() {
        return Stream.of(Arguments.of(31L, 1), Arguments.of(32L, 2), Arguments.of(33L, 3), Arguments.of(34L, 10),
                Arguments.of(35L, 64), Arguments.of(36L, 200));
    }

    @ParameterizedTest(name = "seed={0}, n={1}")
    @MethodSource("randomSizes")
    void randomMatricesAreDecomposedBackwardStably(long seed, int n) {
        assertBackwardStable(n, TestMatrices.symmetric(n, Seeds.generator(seed)));
    }

    static Stream<Arguments> hardCases() {
        RandomGenerator rng = Seeds.generator(41);
        List<Arguments> cases = new ArrayList<>();
        int n = 25;
        double[] diagonal = new double[n * n];
        for (int i = 0; i < n; i++) {
            diagonal[i + n * i] = rng.nextGaussian() * 3;
        }
        cases.add(Arguments.of("diagonal", n, diagonal));
        double[] tridiagonal = new double[n * n];
        for (int i = 0; i < n; i++) {
            tridiagonal[i + n * i] = rng.nextGaussian();
            if (i + 1 < n) {
                double b = rng.nextGaussian();
                tridiagonal[i + 1 + n * i] = b;
                tridiagonal[i + n * (i + 1)] = b;
            }
        }
        cases.add(Arguments.of("tridiagonal", n, tridiagonal));
        double[] scaledIdentity = new double[n * n];
        for (int i = 0; i < n; i++) {
            scaledIdentity[i + n * i] = -2.75;
        }
        cases.add(Arguments.of("identity·c", n, scaledIdentity));
        cases.add(Arguments.of("zero", n, new double[n * n]));
        cases.add(Arguments.of("wilkinson21", 21, wilkinson(10)));
        // Graded both ways: A_ij = G_ij·10^{−(i+j)/2} (large at the top left) and its mirror (large at the bottom
        // right), entries spanning 30 orders of magnitude.
        int g = 30;
        double[] g0 = TestMatrices.symmetric(g, rng);
        double[] gradedDown = new double[g * g];
        double[] gradedUp = new double[g * g];
        for (int j = 0; j < g; j++) {
            for (int i = 0; i < g; i++) {
                gradedDown[i + g * j] = g0[i + g * j] * Math.pow(10, -(i + j) / 2.0);
                gradedUp[(g - 1 - i) + g * (g - 1 - j)] = gradedDown[i + g * j];
            }
        }
        cases.add(Arguments.of("graded-down", g, gradedDown));
        cases.add(Arguments.of("graded-up", g, gradedUp));
        // Rank-deficient PSD: B Bᵀ with B 60×5, so 55 eigenvalues are zero up to rounding.
        int m = 60;
        double[] b = TestMatrices.gaussian(m, 5, rng);
        double[] psd = new double[m * m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < 5; k++) {
                    psd[i + m * j] += b[i + m * k] * b[j + m * k];
                }
            }
        }
        cases.add(Arguments.of("psd-rank5", m, psd));
        double[] cluster = new double[100]; // 30 within 3e-11 of 1, 30 at −2, the rest spread
        for (int i = 0; i < 100; i++) {
            cluster[i] = i < 30 ? 1 + 1e-12 * i : i < 60 ? -2 : i;
        }
        cases.add(Arguments.of("clustered", 100, TestMatrices.withSpectrum(cluster, rng)));
        // Entries near the ends of the exponent range go through the power-of-two scaling.
        double[] tiny = TestMatrices.symmetric(12, rng);
        double[] huge = tiny.clone();
        for (int i = 0; i < tiny.length; i++) {
            tiny[i] *= 1e-300;
            huge[i] *= 1e300;
        }
        cases.add(Arguments.of("tiny", 12, tiny));
        cases.add(Arguments.of("huge", 12, huge));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, n={1}")
    @MethodSource("hardCases")
    void hardCasesAreDecomposedBackwardStably(String label, int n, double[] a) {
        assertBackwardStable(n, a);
    }

    /** Wilkinson's W(2h+1)+: tridiagonal, diagonal |h − i|, off-diagonal 1 (dense column-major). */
    static double[] wilkinson(int h) {
        int n = 2 * h + 1;
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i + n * i] = Math.abs(h - i);
            if (i + 1 < n) {
                w[i + 1 + n * i] = 1;
                w[i + n * (i + 1)] = 1;
            }
        }
        return w;
    }

    @Test
    void diagonalAndScaledIdentityInputsComeOutExactly() {
        int n = 9;
        double[] diag = {3, -1, 0.5, -1, 7, 0, -4.25, 2, 0.5};
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i + n * i] = diag[i];
        }
        SymmetricEigen eig = SymmetricEigen.of(n, a);
        double[] sorted = diag.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(sorted, eig.values(), 0.0, "no reflector and no sweep: the diagonal, sorted");
        double[] v = eig.vectors();
        for (int j = 0; j < n; j++) {
            int nonzero = 0;
            for (int i = 0; i < n; i++) {
                double x = v[i + n * j];
                if (x != 0) {
                    nonzero++;
                    assertEquals(1.0, Math.abs(x), 0.0, "unit vector column " + j);
                    assertEquals(eig.value(j), diag[i], 0.0, "column " + j + " picks its own diagonal entry");
                }
            }
            assertEquals(1, nonzero, "column " + j + " is a coordinate vector");
        }
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            c[i + n * i] = 1.5;
        }
        SymmetricEigen identity = SymmetricEigen.of(n, c);
        for (int j = 0; j < n; j++) {
            assertEquals(1.5, identity.value(j), 0.0);
        }
        assertArrayEquals(c, scaled(identity.vectors(), 1.5), 0.0, "V = I");
        SymmetricEigen zero = SymmetricEigen.of(n, new double[n * n]);
        assertArrayEquals(new double[n], zero.values(), 0.0);
        assertArrayEquals(c, scaled(zero.vectors(), 1.5), 0.0, "V = I for the zero matrix");
    }

    private static double[] scaled(double[] x, double factor) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= factor;
        }
        return out;
    }

    static Stream<Arguments> exactSpectra() {
        double[] clustered = new double[64]; // 20 within 2e-11 of 1, −2 ten times, the rest −4 … 29
        for (int i = 0; i < 64; i++) {
            clustered[i] = i < 20 ? 1 + i * Math.scalb(1.0, -40) : i < 30 ? -2 : i - 34;
        }
        double[] repeated = {0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3, -1, -1, -1, -1, -1};
        double[] psd = new double[64]; // rank 5
        for (int i = 59; i < 64; i++) {
            psd[i] = i - 50;
        }
        double[] graded = new double[64]; // 1, 1/2, …, 2⁻⁶³
        for (int i = 0; i < 64; i++) {
            graded[i] = Math.scalb(1.0, -i);
        }
        return Stream.of(Arguments.of(51L, "clustered", clustered), Arguments.of(52L, "repeated", repeated),
                Arguments.of(53L, "psd-rank5", psd), Arguments.of(54L, "graded-spectrum", graded),
                Arguments.of(55L, "four", new double[] {4, -3, 2, 1}));
    }

    @ParameterizedTest(name = "seed={0}, {1}")
    @MethodSource("exactSpectra")
    void eigenvalueErrorIsWithinTheDocumentedBound(long seed, String label, double[] spectrum) {
        int n = spectrum.length;
        double[] a = TestMatrices.withExactSpectrum(spectrum, Seeds.generator(seed));
        double[] sorted = spectrum.clone();
        java.util.Arrays.sort(sorted);
        double norm2 = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
        double[] values = assertBackwardStable(n, a).values();
        for (int j = 0; j < n; j++) {
            assertEquals(sorted[j], values[j], EIGENVALUE_FACTOR * n * EPS * norm2, label + " eigenvalue " + j);
        }
    }

    @Test
    void powerOfTwoScalingOfTheInputScalesTheValuesExactly() {
        int n = 15;
        double[] a = TestMatrices.symmetric(n, Seeds.generator(61));
        double max = 0;
        for (double x : a) {
            max = Math.max(max, Math.abs(x));
        }
        for (int i = 0; i < a.length; i++) { // largest entry in [1, 2): the solver's own working scale
            a[i] = Math.scalb(a[i], -Math.getExponent(max));
        }
        SymmetricEigen base = SymmetricEigen.of(n, a);
        for (int power : new int[] {-700, -600, 600, 700}) {
            double[] scaledA = a.clone();
            for (int i = 0; i < a.length; i++) {
                scaledA[i] = Math.scalb(a[i], power);
            }
            SymmetricEigen eig = SymmetricEigen.of(n, scaledA);
            for (int j = 0; j < n; j++) {
                assertEquals(Math.scalb(base.value(j), power), eig.value(j), 0.0, "2^" + power + ", value " + j);
            }
            assertArrayEquals(base.vectors(), eig.vectors(), 0.0, "2^" + power + ", vectors");
        }
    }

    @Test
    void tridiagonalEntryPointMatchesTheDensePathBitForBit() {
        int n = 30;
        RandomGenerator rng = Seeds.generator(71);
        double[] d = new double[n];
        double[] e = new double[n - 1];
        double[] dense = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i] = rng.nextGaussian();
            dense[i + n * i] = d[i];
            if (i < n - 1) {
                e[i] = rng.nextGaussian();
                dense[i + 1 + n * i] = e[i];
                dense[i + n * (i + 1)] = e[i];
            }
        }
        SymmetricEigen reference = assertBackwardStable(n, dense); // no reflectors: the same QL on the same T

        double[] values = d.clone();
        double[] z = new double[n * n];
        for (int i = 0; i < n; i++) {
            z[i + n * i] = 1;
        }
        SymmetricEigen.tridiagonal(n, values, e.clone(), z, n);
        assertArrayEquals(reference.values(), values, 0.0);
        assertArrayEquals(reference.vectors(), z, 0.0);

        double[] valuesOnly = d.clone();
        SymmetricEigen.tridiagonal(n, valuesOnly, e.clone(), null, 0);
        assertArrayEquals(values, valuesOnly, 0.0, "values do not depend on the vectors");

        double[] lastRow = new double[n]; // Z = e_nᵀ: the last components of the eigenvectors
        lastRow[n - 1] = 1;
        double[] values1 = d.clone();
        SymmetricEigen.tridiagonal(n, values1, e.clone(), lastRow, 1);
        assertArrayEquals(values, values1, 0.0);
        for (int j = 0; j < n; j++) {
            assertEquals(z[n - 1 + n * j], lastRow[j], 0.0, "last component of eigenvector " + j);
        }
    }

    @Test
    void tridiagonalEntryPointRejectsBadInputAndReportsNonConvergence() {
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.tridiagonal(0, new double[1], new double[1], null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.tridiagonal(3, new double[] {1, Double.NaN, 2}, new double[2], null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.tridiagonal(3, new double[3], new double[] {1, Double.NEGATIVE_INFINITY}, null,
                        0));
        assertThrows(IllegalArgumentException.class,
                () -> SymmetricEigen.tridiagonal(3, new double[3], new double[2], new double[8], 3));
        // W21+ is unreduced: one sweep cannot deflate all of it, so a cap of one sweep must be reported.
        int n = 21;
        double[] d = new double[n];
        double[] e = new double[n - 1];
        for (int i = 0; i < n; i++) {
            d[i] = Math.abs(10 - i);
        }
        java.util.Arrays.fill(e, 1.0);
        ArithmeticException ex = assertThrows(ArithmeticException.class,
                () -> SymmetricEigen.tridiagonal(n, d.clone(), e.clone(), null, 0, 1));
        assertTrue(ex.getMessage().contains("did not converge"), ex.getMessage());
        double[] values = d.clone();
        SymmetricEigen.tridiagonal(n, values, e.clone(), null, 0);
        assertTrue(values[n - 1] > 10.7 && values[n - 1] < 10.8, "λ_max(W21+) ≈ 10.746, got " + values[n - 1]);
    }

    /**
     * Checks the backward-stability identities and the contract (input untouched, ascending values, the same
     * eigenvalue bits without vectors, {@code vectors} aliasing {@code a}), and returns the decomposition.
     */
    private static SymmetricEigen assertBackwardStable(int n, double[] a) {
        double[] original = a.clone();
        SymmetricEigen eig = SymmetricEigen.of(n, a);
        assertArrayEquals(original, a, 0.0, "input must not be modified");
        double[] values = eig.values();
        double[] v = eig.vectors();
        // Residuals relative to max|a_ij|, so that squares neither under- nor overflow for the tiny and huge cases.
        double maxAbs = 0;
        for (double x : a) {
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        double unit = maxAbs > 0 ? maxAbs : 1;
        double normA = 0;
        for (double x : a) {
            normA += (x / unit) * (x / unit);
        }
        normA = Math.sqrt(normA); // ‖A‖_F / unit
        double residual2 = 0;
        double orthogonality2 = 0;
        for (int j = 0; j < n; j++) {
            if (j > 0) {
                assertTrue(values[j] >= values[j - 1], "values must ascend at " + j);
            }
            double[] col = new double[n];
            System.arraycopy(v, n * j, col, 0, n);
            double[] av = TestMatrices.times(n, n, a, col);
            for (int i = 0; i < n; i++) {
                double r = (av[i] - values[j] * col[i]) / unit;
                residual2 += r * r;
            }
            for (int k = 0; k < n; k++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v[i + n * j] * v[i + n * k];
                }
                double dev = dot - (j == k ? 1 : 0);
                orthogonality2 += dev * dev;
            }
        }
        double bound = BACKWARD_FACTOR * n * EPS;
        assertTrue(Math.sqrt(residual2) <= bound * normA,
                "‖AV − VΛ‖_F / max|a| = " + Math.sqrt(residual2) + " > " + bound * normA);
        assertTrue(Math.sqrt(orthogonality2) <= bound, "‖VᵀV − I‖_F = " + Math.sqrt(orthogonality2) + " > " + bound);

        SymmetricEigen.Workspace ws = new SymmetricEigen.Workspace(n);
        double[] valuesOnly = new double[n];
        ws.decompose(a, valuesOnly, null);
        assertArrayEquals(values, valuesOnly, 0.0, "eigenvalues without vectors are the same bits");
        double[] aliased = a.clone();
        double[] aliasedValues = new double[n];
        ws.decompose(aliased, aliasedValues, aliased);
        assertArrayEquals(values, aliasedValues, 0.0, "vectors aliasing a: same values");
        assertArrayEquals(v, aliased, 0.0, "vectors aliasing a: same vectors");
        return eig;
    }

    @Test
    void workspaceMatchesOfAndSkipsVectorsOnRequest() {
        int n = 12;
        double[] a = TestMatrices.symmetric(n, Seeds.generator(21));
        SymmetricEigen.Workspace ws = new SymmetricEigen.Workspace(n);
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        ws.decompose(a, values, vectors);
        assertArrayEquals(SymmetricEigen.of(n, a).values(), values);
        double[] valuesOnly = new double[n];
        ws.decompose(a, valuesOnly, null);
        assertArrayEquals(values, valuesOnly, IDENTITY_TOL);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(0, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(3, new double[8]));
        double[] a = new double[4];
        a[1] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(2, a));
    }

    @Test
    void agreesWithNumpyGolden() throws IOException {
        List<GoldenCase> cases = readGolden();
        assertEquals(5, cases.size());
        for (GoldenCase c : cases) {
            double[] values = SymmetricEigen.of(c.n, c.matrix).values();
            for (int j = 0; j < c.n; j++) {
                assertEquals(c.eigenvalues[j], values[j], GOLDEN_TOL, c.name + " eigenvalue " + j);
            }
            // Lanczos run to the full dimension is exact for the smallest eigenvalue as well.
            Lanczos.Result r = Lanczos.smallest(c.n, (v, out) -> {
                double[] av = TestMatrices.times(c.n, c.n, c.matrix, v);
                System.arraycopy(av, 0, out, 0, c.n);
            }, c.n, 0.0, 1L);
            assertEquals(c.eigenvalues[0], r.value(), LanczosTest.VALUE_TOL * 10, c.name + " Lanczos");
        }
    }

    record GoldenCase(String name, int n, double[] matrix, double[] eigenvalues) {
    }

    /** Reads eigen_golden.txt, written by eigen_golden.py (format documented there). */
    static List<GoldenCase> readGolden() throws IOException {
        List<GoldenCase> out = new ArrayList<>();
        try (InputStream in = SymmetricEigenTest.class.getResourceAsStream("/golden/eigen_golden.txt");
             BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = br.readLine()) != null) {
                if (!line.startsWith("case ")) {
                    continue;
                }
                String[] head = line.split(" ");
                int n = Integer.parseInt(head[2]);
                double[] m = new double[n * n];
                for (int i = 0; i < n; i++) {
                    String[] row = br.readLine().trim().split(" ");
                    for (int j = 0; j < n; j++) {
                        m[i + n * j] = Double.parseDouble(row[j]);
                    }
                }
                if (!"eigenvalues".equals(br.readLine())) {
                    throw new IOException("malformed golden file near case " + head[1]);
                }
                String[] ev = br.readLine().trim().split(" ");
                double[] values = new double[n];
                for (int j = 0; j < n; j++) {
                    values[j] = Double.parseDouble(ev[j]);
                }
                out.add(new GoldenCase(head[1], n, m, values));
            }
        }
        return out;
    }
}
