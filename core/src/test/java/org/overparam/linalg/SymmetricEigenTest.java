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

    /** Backward stability of dsyevd: residuals and orthogonality are O(n·ε)·‖A‖; 1e-12 leaves ×100 room at n=40. */
    private static final double IDENTITY_TOL = 1e-12;

    /**
     * Two LAPACK builds (NumPy's and netlib-java's) agree to O(n·ε·‖A‖₂); the Hilbert case has ‖A‖₂ ≈ 1.6 and
     * the others ≤ 5, so 1e-12 absolute is ~100 ulps of headroom.
     */
    private static final double GOLDEN_TOL = 1e-12;

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
        assertEquals(3, cases.size());
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
