package org.overparam.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.overparam.linalg.Dense;
import org.overparam.problem.sensing.AsymmetricSensing;
import org.overparam.problem.sensing.DataForm;

/**
 * The kernels compute what the solver computes, and state the bytes the model of README, “Benchmark”, says they
 * stream.
 */
class KernelKindTest {

    /** Same BLAS calls on the same inputs: only the order of a few additions may differ. */
    private static final double TOL = 1e-12;

    private static final Workload W = Workload.denseGaussian(5, 2, 40, 3);

    @ParameterizedTest(name = "{0}")
    @EnumSource(KernelKind.class)
    void bytesPerCallIsTheOperatorReadOncePerPass(KernelKind kind) {
        double passes = kind == KernelKind.DENSE_GRADIENT ? 2 : 1;
        // The Gram form reads the packed H = AᵀA (d²(d²+1)/2 doubles) instead of A.
        double bytes = kind == KernelKind.DENSE_GRAM ? 8 * 25 * 26 / 2 : passes * 8 * 40 * 5 * 5;
        assertEquals(bytes, kind.create(W).bytesPerCall());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(KernelKind.class)
    void repeatedCallsGiveTheSameResult(KernelKind kind) {
        Kernel k = kind.create(W);
        k.call();
        double first = k.checksum();
        k.call();
        assertEquals(first, k.checksum(), "a kernel pass must not feed on its own output");
        assertTrue(Double.isFinite(first));
    }

    @Test
    void applyIsTheOperatorOnUVt() {
        Kernel k = KernelKind.DENSE_APPLY.create(W);
        k.call();
        double[] uvt = new double[25];
        Dense.gemm(false, true, 5, 5, 3, 1.0, W.factor("U"), W.factor("V"), 0.0, uvt);
        double[] expected = new double[40];
        W.operator().apply(uvt, expected);
        assertEquals(expected[39], k.checksum(), TOL * Math.abs(expected[39]) + TOL);
    }

    @Test
    void gradientIsTheObjectivesValueAndGradient() {
        Kernel k = KernelKind.DENSE_GRADIENT.create(W);
        k.call();
        AsymmetricSensing f = AsymmetricSensing.of(W.instance(), 3);
        double[] x = new double[f.dimension()];
        System.arraycopy(W.factor("U"), 0, x, 0, 15);
        System.arraycopy(W.factor("V"), 0, x, 15, 15);
        double[] g = new double[f.dimension()];
        double expected = f.valueAndGradient(x, g) + g[0];
        assertEquals(expected, k.checksum(), TOL * Math.abs(expected));
    }

    /** The lanes at R = r and R in the Gram form: each bit-identical to its objective evaluated alone. */
    @Test
    void gramIsEachRunsValueAndGradientInTheGramForm() {
        Kernel k = KernelKind.DENSE_GRAM.create(W);
        k.call();
        double[] values = new double[2];
        double[] g = null;
        for (int rank = 2; rank <= 3; rank++) {
            AsymmetricSensing f = AsymmetricSensing.of(W.instance(), rank, DataForm.GRAM);
            double[] x = new double[f.dimension()];
            System.arraycopy(W.factor("U", rank), 0, x, 0, 5 * rank);
            System.arraycopy(W.factor("V", rank), 0, x, 5 * rank, 5 * rank);
            g = new double[f.dimension()];
            values[rank - 2] = f.valueAndGradient(x, g);
        }
        assertEquals(values[0] + values[1] + g[0], k.checksum());
    }

    @Test
    void namesAreCaseInsensitiveAndUnknownNamesListTheKnown() {
        assertEquals(KernelKind.DENSE_GRADIENT, KernelKind.of(" Dense-Gradient "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelKind.of("gemm"));
        assertEquals("--kernel must be one of dense-apply, dense-adjoint, dense-gradient, dense-gram, got 'gemm'",
                e.getMessage());
    }

    @Test
    void workloadRefusesImpossibleShapes() {
        assertThrows(IllegalArgumentException.class, () -> Workload.denseGaussian(3, 4, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Workload.denseGaussian(3, 1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Workload.denseGaussian(3, 1, 10, 0));
    }
}
