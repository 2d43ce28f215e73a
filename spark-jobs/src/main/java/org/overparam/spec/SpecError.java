package org.overparam.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec (or a {@code --point}) was refused. Carries every problem found, in the order found; {@link #key()},
 * {@link #value()} and {@link #rule()} describe the first. The message has one line per problem, each of the
 * form {@code grid.R: value 0 is invalid: R must be >= 1}.
 */
public final class SpecError extends RuntimeException {

    private final List<SpecProblem> problems;

    public SpecError(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::message).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SpecError needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public SpecError(String key, String value, String rule) {
        this(List.of(new SpecProblem(key, value, rule)));
    }

    public List<SpecProblem> problems() {
        return problems;
    }

    public String key() {
        return problems.get(0).key();
    }

    /** The offending value as written, or null. */
    public String value() {
        return problems.get(0).value();
    }

    public String rule() {
        return problems.get(0).rule();
    }
}
