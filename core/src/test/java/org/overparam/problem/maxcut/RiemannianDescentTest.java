package org.overparam.problem.maxcut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.overparam.certify.Curvature;
import org.overparam.certify.DualCertificate;
import org.overparam.random.Seeds;
import org.overparam.solve.GradientDescent;

/**
 * Riemannian gradient descent on G(n, ½) graphs at p = ⌈√(2n)⌉ + 1, where p(p+1)/2 &gt; n and almost every cost
 * has no spurious second-order points (Boumal, Voroninski &amp; Bandeira 2016): every start must end certified.
 */
class RiemannianDescentTest {

    /**
     * The certification tolerance of these tests. μ, and with it S, moves by O(‖grad f‖/κ) near the optimum (κ the
     * smallest positive curvature), and the eigensolver adds ~n·ε·‖S‖ ≈ 1e-13; measured λ_min(S) ≥ −2e-10 on these
     * runs.
     */
    private static final double CERTIFICATE_TOL = 1e-6;

    /** At a certified optimum the Riemannian Hessian is 2P(S·)P with S ⪰ 0: λ_min ≥ −rounding and the residue above. */
    private static final double HESSIAN_TOL = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (int n : new int[] {20, 50}) {
            for (long seed = 1; seed <= 10; seed++) {
                cases.add(Arguments.of(n, seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "G({0}, 1/2) seed={1}")
    @MethodSource("cases")
    void everyStartEndsCertified(int n, long seed) {
        MaxCutInstance instance = MaxCutInstance.randomGraph(n, 0.5, Seeds.generator(Seeds.hash(seed, "graph")));
        int p = MaxCutFixtures.overparameterizedRank(n);
        BurerMonteiro model = instance.model(p);
        double[] y = model.initialPoint(1.0, Seeds.generator(Seeds.hash(seed, "init")));
        double f0 = model.value(y);

        GradientDescent.Descent run = MaxCutFixtures.descend(model, y);

        assertTrue(MaxCutFixtures.converged(run),
                run.reason() + " after " + run.iterations() + " steps at ‖grad f‖ = " + run.gradNorm());
        assertTrue(run.value() < f0, "descent");
        for (double r : MaxCutFixtures.rowDots(n, p, y, y)) {
            assertEquals(1.0, r, 1e-14, "iterates stay on the manifold");
        }
        DualCertificate cert = model.dualCertificate(y);
        assertTrue(cert.certified(CERTIFICATE_TOL), "λ_min(S) = " + cert.minEigenvalue());
        assertTrue(cert.lowerBound() <= cert.value(), "bound " + cert.lowerBound() + " > value " + cert.value());
        assertEquals(run.value(), cert.value(), 1e-12 * instance.scale());
        assertTrue(cert.gap() <= n * CERTIFICATE_TOL, "gap " + cert.gap());
        double trace = 0;
        double[] c = instance.cost();
        for (int i = 0; i < n; i++) {
            trace += c[i + n * i];
        }
        // X = I is feasible with ⟨C, I⟩ = −|E|/2 (a random cut's expected size): an optimum is no higher.
        assertTrue(cert.value() <= trace + cert.gap(), "f = " + cert.value() + " above ⟨C, I⟩ = " + trace);
        if (model.dimension() <= Curvature.DENSE_MAX_DIMENSION) {
            double h = Curvature.dense(model, y).minEigenvalue();
            assertTrue(h >= -HESSIAN_TOL, "λ_min(Hess) = " + h);
        }
    }
}
