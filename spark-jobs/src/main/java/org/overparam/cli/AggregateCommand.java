package org.overparam.cli;

import org.apache.spark.sql.SparkSession;
import org.overparam.aggregate.AggregateJob;
import org.overparam.aggregate.ChartFile;
import org.overparam.sweep.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code overparam aggregate DIR --out REPORT_DIR}: the cell table, phase-transition charts and report.html of a
 * sweep, from its Parquet rows alone.
 */
@Command(name = "aggregate", mixinStandardHelpOptions = true,
        description = "Aggregate the rows of a sweep into a cell table (Parquet, CSV), phase-transition charts"
                + " (PNG, SVG) and report.html.")
final class AggregateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "the sweep directory (holding rows/)")
    private String dir;

    @Option(names = "--out", required = true, paramLabel = "REPORT_DIR",
            description = "where the report goes: a local path or a Hadoop file system URI")
    private String out;

    @Option(names = "--by", split = ",", paramLabel = "AXIS",
            description = "the cell axes (default: every parameter column that varies, plus --x and --y)")
    private List<String> by = new ArrayList<>();

    @Option(names = "--x", defaultValue = "R", paramLabel = "AXIS",
            description = "horizontal axis of the maps (default: ${DEFAULT-VALUE})")
    private String x;

    @Option(names = "--y", paramLabel = "AXIS",
            description = "vertical axis of the maps, one curve per value (default: n, or when n is fixed the first"
                    + " other axis that varies)")
    private String y;

    @Option(names = "--recovery-threshold", defaultValue = "1e-3", paramLabel = "EPS",
            description = "a run is recovered when ‖X − M*‖_F/‖M*‖_F < EPS (default: ${DEFAULT-VALUE})")
    private double recoveryThreshold;

    @Mixin
    private SparkOptions sparkOptions;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        sparkOptions.apply();
        System.setProperty("java.awt.headless", "true");
        AggregateJob.Settings settings = new AggregateJob.Settings(dir, out, by, x, y, recoveryThreshold);
        AggregateJob.checkInput(settings); // before Spark starts: a wrong path fails fast
        SparkSession spark = SparkSessions.get(sparkOptions.master(), "overparam aggregate");
        print(AggregateJob.run(spark, settings), command.commandLine().getOut());
        return Overparam.OK;
    }

    /** What an aggregation wrote, one line per kind of output. Shared with {@code sweep --report}. */
    static void print(AggregateJob.Summary s, PrintWriter w) {
        String out = s.report().substring(0, s.report().lastIndexOf('/'));
        w.printf(Locale.ROOT, "sweep    %s%n", s.sweep());
        w.printf(Locale.ROOT, "cells    %,d over %s, from %,d runs%n", s.cells(), String.join(" × ", s.axes()),
                s.runs());
        w.printf(Locale.ROOT, "table    %s/%s, %s/%s%n", out, AggregateJob.CELLS_PARQUET, out, AggregateJob.CELLS_CSV);
        if (!s.charts().isEmpty()) {
            w.printf(Locale.ROOT, "boundary %s/%s%n", out, AggregateJob.BOUNDARY_CSV);
        }
        w.printf(Locale.ROOT, "charts   %d (PNG + SVG) in %s/%s%n", s.charts().size(), out, AggregateJob.CHARTS);
        for (ChartFile c : s.charts()) {
            w.printf(Locale.ROOT, "           %s/%s%n", out, c.png());
        }
        for (String note : s.notes()) {
            w.printf(Locale.ROOT, "note     %s%n", note);
        }
        w.printf(Locale.ROOT, "report   %s%n", s.report());
    }
}
