package org.overparam.bench;

import picocli.CommandLine.Option;

/** How hard the machine probes work ({@link MachineProbes.Settings}); a mixin of the commands that probe. */
final class ProbeOptions {

    @Option(names = "--stream-mib", paramLabel = "MIB", defaultValue = "384",
            description = "MiB of the three triad arrays (default ${DEFAULT-VALUE}: far beyond any cache)")
    int streamMib;

    @Option(names = "--stream-reps", paramLabel = "K", defaultValue = "10",
            description = "timed repetitions of each stream probe, best kept (default ${DEFAULT-VALUE})")
    int streamReps;

    @Option(names = "--batch-seconds", paramLabel = "S", defaultValue = "0.5",
            description = "minimum seconds of one timed batch of calls (default ${DEFAULT-VALUE})")
    double batchSeconds;

    MachineProbes.Settings settings() {
        if (streamMib < 1 || streamMib > 12_288) {
            throw new IllegalArgumentException("--stream-mib must be in [1, 12288], got " + streamMib);
        }
        if (!(batchSeconds > 0) || !Double.isFinite(batchSeconds)) {
            throw new IllegalArgumentException("--batch-seconds must be a finite number > 0, got " + batchSeconds);
        }
        if (streamReps < 1) {
            throw new IllegalArgumentException("--stream-reps must be >= 1, got " + streamReps);
        }
        int length = (int) ((long) streamMib * (1 << 20) / (3 * MachineProbes.DOUBLE_BYTES));
        return new MachineProbes.Settings(length, streamReps, batchSeconds);
    }
}
