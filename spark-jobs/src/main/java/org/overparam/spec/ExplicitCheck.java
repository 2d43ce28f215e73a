package org.overparam.spec;

import org.overparam.experiment.Explicit;
import org.overparam.experiment.ExplicitCost;
import org.overparam.experiment.ExplicitMeasurements;

import java.util.Arrays;

/**
 * Explicit problem data → the core's {@link Explicit}: sensing matrices with their truth, or a Max-Cut cost, never
 * both. The core records check shapes and symmetry; their messages become problems at the key they name.
 */
final class ExplicitCheck {

    private ExplicitCheck() {
    }

    /** The explicit instance, or null when none is written or after adding a problem. */
    static Explicit explicit(WrittenSpec.Data data, Problems problems) {
        double[][][] matrices = data.matrices();
        double[][] truth = data.truth();
        double[][] cost = data.cost();
        if (cost != null) {
            if (matrices != null || truth != null) {
                problems.add("problem.cost", null, "a Max-Cut cost and sensing matrices exclude each other");
                return null;
            }
            try {
                return new ExplicitCost(cost);
            } catch (IllegalArgumentException e) {
                problems.add("problem.cost", null, e.getMessage());
                return null;
            }
        }
        if (matrices == null && truth == null) {
            return null;
        }
        if (matrices == null) {
            problems.add("problem.matrices", null, "required with problem.truth");
            return null;
        }
        if (truth == null) {
            problems.add("problem.truth", null, "required with problem.matrices");
            return null;
        }
        try {
            return new ExplicitMeasurements(Arrays.asList(matrices), truth);
        } catch (IllegalArgumentException e) {
            String token = e.getMessage().split(" ", 2)[0];
            problems.add(token.startsWith("problem.") ? token : "problem.matrices", null, e.getMessage());
            return null;
        }
    }
}
