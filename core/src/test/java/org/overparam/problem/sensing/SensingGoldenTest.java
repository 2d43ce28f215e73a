package org.overparam.problem.sensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.overparam.problem.sensing.SensingFixtures.relativeError;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both models against golden/sensing_golden.txt, written by golden/sensing_golden.py from an explicit
 * Jacobian and Hessian in NumPy (see the script for the formulas and its own finite-difference self-check), in
 * both data forms (d = 3 with n = 5 &gt; 2d²/5 measurements: the rule gives this dense operator the Gram form).
 */
class SensingGoldenTest {

    /** Same sums in a different order (explicit Hessian vs factored adjoints) over O(1) numbers: rounding only. */
    private static final double GOLDEN_RTOL = 1e-12;

    private static Map<String, double[]> golden;
    private static SensingInstance instance;

    @BeforeAll
    static void load() throws IOException {
        golden = new HashMap<>();
        try (InputStream in = SensingGoldenTest.class.getResourceAsStream("/golden/sensing_golden.txt")) {
            assertNotNull(in, "golden/sensing_golden.txt on the test classpath");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split("\\s+");
                double[] values = new double[parts.length - 1];
                for (int i = 1; i < parts.length; i++) {
                    values[i - 1] = Double.parseDouble(parts[i]);
                }
                golden.put(parts[0], values);
            }
        }
        int d = scalarInt("d");
        int n = scalarInt("n");
        List<double[]> matrices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            matrices.add(get("A" + i));
        }
        instance = SensingInstance.of(Operators.explicit(d, matrices), get("y"), get("truth"), 2,
                get("lambda")[0], get("C"));
    }

    private static double[] get(String key) {
        double[] v = golden.get(key);
        assertNotNull(v, "golden key " + key);
        return v;
    }

    private static int scalarInt(String key) {
        return (int) get(key)[0];
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DataForm.class)
    void asymmetricMatchesNumPy(DataForm form) {
        AsymmetricSensing f = AsymmetricSensing.of(instance, scalarInt("R"), form);
        double[] x = concat(get("U"), get("V"));
        double[] v = concat(get("dU"), get("dV"));
        assertGolden(f, x, v, "asym");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DataForm.class)
    void symmetricMatchesNumPy(DataForm form) {
        SymmetricSensing f = SymmetricSensing.of(instance, scalarInt("R"), form);
        assertTrue(!instance.operator().symmetric(), "the golden operator exercises the asymmetric-A path");
        assertGolden(f, get("U"), get("dU"), "sym");
    }

    private static void assertGolden(SensingObjective f, double[] x, double[] v, String prefix) {
        double[] g = new double[f.dimension()];
        double[] hv = new double[f.dimension()];
        double value = f.valueAndGradient(x, g);
        f.hessianVector(x, v, hv);
        double expected = get(prefix + ".f")[0];
        assertEquals(expected, value, GOLDEN_RTOL * Math.abs(expected), prefix + ".f");
        double gErr = relativeError(g, get(prefix + ".grad"), 0);
        assertTrue(gErr <= GOLDEN_RTOL, prefix + ".grad relative error " + gErr);
        double hErr = relativeError(hv, get(prefix + ".hv"), 0);
        assertTrue(hErr <= GOLDEN_RTOL, prefix + ".hv relative error " + hErr);
    }
}
