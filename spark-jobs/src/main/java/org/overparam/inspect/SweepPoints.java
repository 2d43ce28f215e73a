package org.overparam.inspect;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.overparam.cli.BadInputException;
import org.overparam.experiment.RunConfig;
import org.overparam.io.Storage;
import org.overparam.spec.SpecError;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import org.overparam.sweep.CommitLog;

/**
 * Finds the point behind a row among the specs a sweep directory's commit log records: the experiment's and its
 * refinements', newest first. Only the grid cells with the row's R and α are hashed, for the row's replicate, so a
 * large grid costs one pass over its cells, not over its points.
 */
final class SweepPoints {

    /**
     * A point, found.
     *
     * @param config the point
     * @param label  its {@code --point} text in the spec that holds it, e.g. {@code R=1,n=12,replicate=3}
     */
    record Found(RunConfig config, String label) {
    }

    private SweepPoints() {
    }

    /** The point of {@code row}, or empty when no recorded spec has it. */
    static Optional<Found> find(Storage storage, StoredRow row) {
        List<CommitLog.Run> runs;
        try {
            runs = CommitLog.read(storage).runs();
        } catch (IOException e) {
            throw new BadInputException("sweep directory " + storage.uri() + " cannot be read: " + e.getMessage());
        }
        String pointId = row.text("point_id");
        int replicate = (int) row.integer("replicate", -1);
        int rank = (int) row.integer("R", -1);
        double alpha = row.real("alpha");
        for (int i = runs.size() - 1; i >= 0; i--) {
            SweepSpec spec;
            try {
                spec = SpecLoader.parse(runs.get(i).normalizedSpec());
            } catch (SpecError | IllegalArgumentException e) {
                continue; // a spec this version no longer reads: its points cannot be re-created here
            }
            if (replicate < 0 || replicate >= spec.replicates()) {
                continue;
            }
            Optional<Found> found = find(spec, pointId, replicate, rank, alpha);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> find(SweepSpec spec, String pointId, int replicate, int rank, double alpha) {
        long[] cell = {0};
        long[] index = {-1};
        RunConfig[] config = {null};
        spec.forEachCell(c -> {
            if (config[0] == null && c.rank() == rank && c.alpha() == alpha) {
                RunConfig candidate = new RunConfig(c.masterSeed(), replicate, c.problem(), c.solver(), rank, alpha);
                if (candidate.pointId().equals(pointId)) {
                    config[0] = candidate;
                    index[0] = replicate * spec.cellCount() + cell[0];
                }
            }
            cell[0]++;
        });
        return config[0] == null ? Optional.empty()
                : Optional.of(new Found(config[0], spec.pointLabel(index[0])));
    }
}
