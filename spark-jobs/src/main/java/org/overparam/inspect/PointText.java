package org.overparam.inspect;

import java.util.ArrayList;
import java.util.List;
import org.overparam.experiment.Family;
import org.overparam.experiment.ProblemConfig;
import org.overparam.experiment.ProblemField;
import org.overparam.experiment.RunConfig;
import org.overparam.spec.Numbers;

/** A point's sizes and problem settings as text, naming only the fields its family uses ({@link Family#uses}). */
public final class PointText {

    private PointText() {
    }

    /** {@code R = 2, r = 1, d = 8, n = 16}; Max-Cut has no d or r. */
    public static String size(RunConfig c) {
        ProblemConfig p = c.problem();
        List<String> parts = new ArrayList<>();
        parts.add("R = " + c.rank());
        if (p.family().uses(ProblemField.R)) {
            parts.add("r = " + p.r());
        }
        if (p.family().uses(ProblemField.D)) {
            parts.add("d = " + p.d());
        }
        parts.add("n = " + p.n() + (p.family() == Family.RELU_TEACHER_STUDENT && p.n() == 0 ? " (population)" : ""));
        return String.join(", ", parts);
    }

    /** {@code lambda 0, noise 0.1, …}: the settings the family uses, or an empty string when it uses none. */
    public static String settings(ProblemConfig p) {
        List<String> parts = new ArrayList<>();
        for (ProblemField field : List.of(ProblemField.LAMBDA, ProblemField.NOISE, ProblemField.CONDITION,
                ProblemField.REGULARIZER)) {
            if (p.family().uses(field)) {
                double v = switch (field) {
                    case LAMBDA -> p.lambda();
                    case NOISE -> p.noise();
                    case CONDITION -> p.condition();
                    default -> p.regularizer();
                };
                parts.add(field.key() + " " + Numbers.format(v));
            }
        }
        return String.join(", ", parts);
    }
}
