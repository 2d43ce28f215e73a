package org.overparam.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.overparam.aggregate.AggregateJob;
import org.overparam.spec.SpecLoader;
import org.overparam.spec.SweepSpec;
import org.overparam.sweep.SparkSessions;
import org.overparam.sweep.SweepJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code overparam sweep SPEC --out DIR}: run (or resume, or extend) a sweep on Spark. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every point of a sweep spec on Spark (embedded local mode unless --master or"
                + " spark-submit says otherwise), one Parquet row per point under DIR. Rerunning resumes: only"
                + " points without a row are computed.")
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SPEC", description = "the sweep spec (YAML)")
    private Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "the sweep directory: rows/ (Parquet) and manifest.json")
    private String out;

    @Mixin
    private SparkOptions sparkOptions;

    @Option(names = "--wave-size", paramLabel = "POINTS", defaultValue = "0",
            description = "points per committed wave; a crash loses at most one wave (default: about two"
                    + " minutes of estimated work per core)")
    private int waveSize;

    @Option(names = "--report", paramLabel = "REPORT_DIR",
            description = "after the sweep, aggregate it into REPORT_DIR (as 'overparam aggregate DIR --out"
                    + " REPORT_DIR' with its defaults)")
    private String report;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        sparkOptions.apply();
        if (waveSize < 0) {
            throw new BadInputException("--wave-size must be >= 0, got " + waveSize);
        }
        String yaml = SpecLoader.read(specFile);
        SweepSpec spec = SpecLoader.parse(yaml);
        String master = sparkOptions.master();
        Memory.check(spec, Memory.executorHeap(master), Memory.executorHeapSource(master));
        AggregateJob.Settings reportSettings = report == null ? null : AggregateJob.Settings.defaults(out, report);
        PrintWriter log = command.commandLine().getOut();
        SweepJob.run(spec, yaml, new SweepJob.Options(out, master, waveSize, System.console() != null), log);
        if (reportSettings != null) {
            AggregateCommand.print(AggregateJob.run(SparkSessions.get(master, "overparam aggregate"), reportSettings),
                    log);
        }
        return Overparam.OK;
    }
}
