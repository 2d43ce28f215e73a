package org.overparam.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.overparam.experiment.RunResult;
import org.overparam.io.CodeVersion;
import org.overparam.io.Column;
import org.overparam.io.Columns;

/**
 * Whether a re-run reproduced a stored row: every column the row holds must be equal, bit for bit, except those a
 * re-run with another solver setting for end points and curvature is expected to change.
 *
 * @param differences  "column: stored X, re-run Y" for each column that differs; empty when reproduced
 * @param storedCode   the code version that wrote the row (null when the row does not say)
 * @param currentCode  this code's version
 */
public record Reproduction(List<String> differences, String storedCode, String currentCode) {

    /**
     * Columns a re-run is allowed to change: the wall time; the point id and curvature policy, which name the re-run's
     * own solver settings (end points kept, curvature always); the code version, reported apart. {@code hess_min_eig}
     * is compared where the row has it: the re-run computes it everywhere.
     */
    static final Set<String> NOT_COMPARED = Set.of("wall_ms", "point_id", "curvature", "code_version");

    public Reproduction {
        differences = List.copyOf(differences);
    }

    /** Compares the stored row with the re-run's. */
    static Reproduction of(StoredRow stored, RunResult rerun) {
        Object[] values = Columns.values(stored.text("sweep"), CodeVersion.get(), rerun);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Column column = Columns.ALL.get(i);
            String name = column.name();
            if (NOT_COMPARED.contains(name) || !stored.has(name)) {
                continue;
            }
            Object before = stored.get(name);
            Object now = values[i] instanceof Object[] array ? Arrays.asList(array) : values[i];
            if (before == null && name.equals("hess_min_eig")) {
                continue;
            }
            if (!Objects.equals(before, now)) {
                differences.add(name + ": stored " + before + ", re-run " + now);
            }
        }
        return new Reproduction(differences, stored.text("code_version"), CodeVersion.get());
    }

    /** Whether every compared column is equal. */
    public boolean reproduced() {
        return differences.isEmpty();
    }
}
