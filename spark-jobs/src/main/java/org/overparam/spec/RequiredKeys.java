package org.overparam.spec;

import org.overparam.experiment.Family;
import org.overparam.experiment.ProblemField;

import java.util.ArrayList;
import java.util.List;

/** The keys a spec must set, given its family, once its implied defaults are written out. */
final class RequiredKeys {

    private static final List<Param> REQUIRED_AXES = List.of(Param.RANK, Param.ALPHA, Param.N);

    private RequiredKeys() {
    }

    static void check(WrittenSpec spec, Problems problems) {
        for (Param p : problemKeys(spec.family())) {
            if (!spec.sets(p)) {
                problems.add(p.fixedKey(), null, "required key is missing (" + (p == Param.FAMILY
                        ? "one of " + String.join(", ", p.choices())
                        : "set it under problem, or as a grid axis") + ")");
            }
        }
        for (Param p : REQUIRED_AXES) {
            if (!spec.sets(p)) {
                problems.add("grid." + p.key(), null, "required axis is missing (a list, a range or one value;"
                        + " or a derived axis)");
            }
        }
    }

    /** d and r, where the family (null: not fixed) uses them; a ReLU network's d defaults to r. */
    private static List<Param> problemKeys(Family family) {
        if (family == null) {
            return List.of(Param.FAMILY, Param.D, Param.R_TRUTH);
        }
        List<Param> keys = new ArrayList<>();
        if (family.uses(ProblemField.D) && family != Family.RELU_TEACHER_STUDENT) {
            keys.add(Param.D);
        }
        if (family.uses(ProblemField.R)) {
            keys.add(Param.R_TRUTH);
        }
        return keys;
    }
}
