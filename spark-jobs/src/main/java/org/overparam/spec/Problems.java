package org.overparam.spec;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one validation pass, so a user sees all of them at once. */
final class Problems {

    private final List<SpecProblem> found = new ArrayList<>();

    void add(String key, String value, String rule) {
        found.add(new SpecProblem(key, value, rule));
    }

    void add(SpecProblem problem) {
        found.add(problem);
    }

    boolean any() {
        return !found.isEmpty();
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new SpecError(found);
        }
    }
}
