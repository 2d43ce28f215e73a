package org.overparam.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** Solver settings: the named defaults per family, and copies that change one setting and nothing else. */
class SolverConfigTest {

    @Test
    void familyDefaultsDifferFromTheDefaultsWhereDocumented() {
        SolverConfig relu = SolverConfig.defaults(Family.RELU_TEACHER_STUDENT);
        assertEquals(new SolverConfig(Method.GD, StepRule.FIXED, 0.1, 100_000, 2.5e-10, 1e-6, 2.5e-9, 0.1, 1e-4,
                1e-9, 1e-3, 1e8, 5, false, 0, CurvaturePolicy.DECISIVE, EndPoints.NON_GLOBAL), relu);
        SolverConfig maxcut = SolverConfig.defaults(Family.MAXCUT_BM);
        assertEquals(new SolverConfig(Method.GD, StepRule.ARMIJO, 0.1, 20_000, 1e-8, 1e-6, 1e-9, 0, 1e-7, 1e-9,
                1e-3, 1e8, 0, false, 0, CurvaturePolicy.DECISIVE, EndPoints.NON_GLOBAL), maxcut);
        for (Family f : new Family[] {Family.MATRIX_SENSING, Family.QUADRATIC_NETWORK, Family.LEAST_SQUARES}) {
            assertEquals(SolverConfig.DEFAULTS, SolverConfig.defaults(f), f.toString());
        }
    }

    @Test
    void eachCopyChangesExactlyItsSetting() throws Exception {
        SolverConfig d = SolverConfig.DEFAULTS;
        SolverConfig[] changed = {d.withMethod(Method.PERTURBED_GD), d.withStep(StepRule.FIXED), d.withStepSize(0.5),
            d.withMaxIterations(7), d.withGradTol(1e-5), d.withHessTol(1e-3), d.withTarget(1e-3), d.withGapRel(0.5),
            d.withGapAbs(1e-3), d.withReferenceTol(1e-5), d.withPerturbRadius(0.5), d.withDivergence(10),
            d.withMaxRestarts(3), d.withTangentKernel(true), d.withTrajectory(9), d.withCurvature(CurvaturePolicy.ALWAYS),
            d.withEndPoints(EndPoints.ALL)};
        RecordComponent[] components = SolverConfig.class.getRecordComponents();
        assertEquals(components.length, changed.length, "one copy per setting");
        for (int i = 0; i < components.length; i++) {
            for (int j = 0; j < components.length; j++) {
                Object before = components[j].getAccessor().invoke(d);
                Object after = components[j].getAccessor().invoke(changed[i]);
                if (i == j) {
                    assertNotEquals(before, after, components[j].getName());
                } else {
                    assertEquals(before, after, components[i].getName() + " changed " + components[j].getName());
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> d.withMaxIterations(0), "copies are validated");
    }
}
