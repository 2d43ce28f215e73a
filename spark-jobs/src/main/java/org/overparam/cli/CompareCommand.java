package org.overparam.cli;

import org.apache.spark.sql.SparkSession;
import org.overparam.aggregate.CompareJob;
import org.overparam.aggregate.ChartFile;
import org.overparam.sweep.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code overparam compare DIR_A DIR_B --out REPORT_DIR}: two sweeps of one family that differ in one setting, cell
 * by cell — compare.csv, difference maps and compare.html.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two sweeps of one family that differ in one setting: P(bad) of B minus P(bad) of A per"
                + " cell, with 95%% Newcombe intervals (compare.csv), difference maps with both boundaries (PNG, SVG)"
                + " and compare.html.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR_A", description = "sweep A's directory (holding rows/)")
    private String dirA;

    @Parameters(index = "1", paramLabel = "DIR_B", description = "sweep B's directory")
    private String dirB;

    @Option(names = "--out", required = true, paramLabel = "REPORT_DIR",
            description = "where the comparison goes: a local path or a Hadoop file system URI")
    private String out;

    @Option(names = "--setting", paramLabel = "FIELD",
            description = "the compared setting (default: the one parameter whose value differs between the sweeps)")
    private String setting;

    @Mixin
    private SparkOptions sparkOptions;

    @Spec
    private CommandSpec command;

    @Override
    public Integer call() {
        sparkOptions.apply();
        System.setProperty("java.awt.headless", "true");
        CompareJob.Settings settings = new CompareJob.Settings(dirA, dirB, out, setting);
        CompareJob.checkInput(settings); // before Spark starts: a wrong path fails fast
        SparkSession spark = SparkSessions.get(sparkOptions.master(), "overparam compare");
        print(CompareJob.run(spark, settings), command.commandLine().getOut());
        return Overparam.OK;
    }

    /** What a comparison found and wrote, one line per kind of output. */
    static void print(CompareJob.Summary s, PrintWriter w) {
        String dir = s.report().substring(0, s.report().lastIndexOf('/'));
        w.printf(Locale.ROOT, "sweep A  %s (%s)%n", s.a().name(), s.a().dir());
        w.printf(Locale.ROOT, "sweep B  %s (%s)%n", s.b().name(), s.b().dir());
        w.printf(Locale.ROOT, "setting  %s%n", s.alignment().describeSetting());
        w.printf(Locale.ROOT, "cells    %,d matched over %s (%,d only in A, %,d only in B), from %,d + %,d runs%n",
                s.table().matched(), s.table().axes().isEmpty() ? "no axis" : String.join(" × ", s.table().axes()),
                s.table().onlyA(), s.table().onlyB(), s.a().runs(), s.b().runs());
        w.printf(Locale.ROOT, "differ   %,d of %,d cells significantly (95%% Newcombe): B fewer bad minima in %,d,"
                        + " more in %,d%n", s.table().significant(-1) + s.table().significant(1), s.table().compared(),
                s.table().significant(-1), s.table().significant(1));
        w.printf(Locale.ROOT, "table    %s%n", s.csv());
        w.printf(Locale.ROOT, "charts   %d (PNG + SVG) in %s/charts%n", s.charts().size(), dir);
        for (ChartFile c : s.charts()) {
            w.printf(Locale.ROOT, "           %s/%s%n", dir, c.png());
        }
        for (String note : s.notes()) {
            w.printf(Locale.ROOT, "note     %s%n", note);
        }
        w.printf(Locale.ROOT, "report   %s%n", s.report());
    }
}
