package org.overparam.problem.leastsquares;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LinearLeastSquares#minimum()}, {@link LinearLeastSquares#rank()} and the closest minimizer against
 * golden/leastsquares_golden.txt, written by golden/leastsquares_golden.py with NumPy's lstsq (LAPACK gelsd)
 * and matrix_rank, on full-rank wide, tall and square matrices and on rank-deficient ones.
 */
class LeastSquaresGoldenTest {

    /**
     * Different LAPACK routines (gelsd vs gesdd) on O(1) data with condition numbers ≤ ~100: agreement to
     * κ·ε·small factor ~ 1e-13 expected.
     */
    private static final double GOLDEN_RTOL = 1e-10;

    private static final Map<String, String[]> GOLDEN = load();

    private static Map<String, String[]> load() {
        Map<String, String[]> golden = new HashMap<>();
        try (InputStream in = LeastSquaresGoldenTest.class.getResourceAsStream("/golden/leastsquares_golden.txt")) {
            assertNotNull(in, "golden/leastsquares_golden.txt on the test classpath");
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.trim().split("\\s+"))
                    .forEach(parts -> golden.put(parts[0], Arrays.copyOfRange(parts, 1, parts.length)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return golden;
    }

    static Stream<String> cases() {
        return Arrays.stream(GOLDEN.get("cases"));
    }

    private static double[] get(String key) {
        String[] v = GOLDEN.get(key);
        assertNotNull(v, "golden key " + key);
        return Arrays.stream(v).mapToDouble(Double::parseDouble).toArray();
    }

    private static int getInt(String key) {
        return (int) get(key)[0];
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minimumRankAndClosestMinimizerMatchNumPy(String name) {
        int n = getInt(name + ".n");
        int parameters = getInt(name + ".R");
        double[] y = get(name + ".y");
        LinearLeastSquares f = LinearLeastSquares.of(n, parameters, get(name + ".A"), y);
        double f0 = Arrays.stream(y).map(v -> v * v).sum() / n;

        assertEquals(getInt(name + ".rank"), f.rank());
        assertEquals(get(name + ".minimum")[0], f.minimum(), GOLDEN_RTOL * f0);
        double[] start = get(name + ".start");
        double[] expected = get(name + ".theta");
        double[] theta = f.closestMinimizer(start);
        double err = 0;
        double size = 0;
        for (int j = 0; j < parameters; j++) {
            err += (theta[j] - expected[j]) * (theta[j] - expected[j]);
            size += expected[j] * expected[j];
        }
        assertTrue(Math.sqrt(err / size) <= GOLDEN_RTOL, "closest minimizer relative error " + Math.sqrt(err / size));
        assertTrue(f.recoveryError(start, expected) <= GOLDEN_RTOL);
        assertEquals(f.minimum(), f.value(theta), GOLDEN_RTOL * f0, "the closest minimizer attains the minimum");
    }
}
