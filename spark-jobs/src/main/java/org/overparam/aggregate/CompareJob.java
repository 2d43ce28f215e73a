package org.overparam.aggregate;

import org.apache.spark.sql.SparkSession;
import org.jfree.chart.JFreeChart;
import org.overparam.cli.BadInputException;
import org.overparam.io.Storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code overparam compare DIR_A DIR_B}: two sweeps of one family that differ in one setting, cell by cell. Reads both
 * sweeps' rows into cells ({@link AggregateJob#read}), lines them up ({@link Alignment}: refused, before anything is
 * written, when they differ in more than the compared setting), matches their cells ({@link CompareTable}) and writes
 * into the report directory:
 *
 * <pre>
 *   compare.csv                      per cell: both sweeps' runs, bad runs and P(bad), the difference B − A with its
 *                                    95% Newcombe interval, and whether it is significant
 *   charts/p_bad_diff_map*.png, .svg the difference map with both boundaries ({@link DifferenceMap}), one per panel
 *   compare.html                     the two sweeps, the compared setting, the maps, the table, definitions
 * </pre>
 */
public final class CompareJob {

    public static final String CSV = "compare.csv";
    public static final String PAGE = "compare.html";
    /** The stem of the difference maps' file names in {@value AggregateJob#CHARTS}/. */
    public static final String CHART_STEM = "p_bad_diff_map";
    /** The horizontal axis of the maps. */
    public static final String X = "R";

    static final String KIND = "P(bad) difference maps";

    /**
     * What to compare.
     *
     * @param dirA      sweep A's directory: a local path or a Hadoop file system URI
     * @param dirB      sweep B's directory
     * @param reportDir where the files go (created; our files in it are replaced)
     * @param setting   the compared setting, or null to find the one setting in which the sweeps differ
     */
    public record Settings(String dirA, String dirB, String reportDir, String setting) {
    }

    /**
     * One of the two sweeps.
     *
     * @param dir  its directory, as given
     * @param name its name
     * @param runs its rows in the compared cells
     */
    public record Side(String dir, String name, long runs) {
    }

    /**
     * What was compared and written.
     *
     * @param a           sweep A
     * @param b           sweep B
     * @param alignment   the compared setting, the shared axes and the restricted ones
     * @param table       the matched cells
     * @param charts      the difference maps
     * @param notes       remarks (also on the page)
     * @param csv         compare.csv, as the user would name it
     * @param report      compare.html, as the user would name it
     */
    public record Summary(Side a, Side b, Alignment alignment, CompareTable table, List<ChartFile> charts,
                          List<String> notes, String csv, String report) {
    }

    private CompareJob() {
    }

    /**
     * The checks that need no Spark: both sweep directories hold rows and are not one directory, the report directory
     * points into neither, and {@code --setting} names a setting.
     */
    public static void checkInput(Settings s) {
        Storage a = AggregateJob.sweepDirectory(s.dirA());
        Storage b = AggregateJob.sweepDirectory(s.dirB());
        if (a.uri().equals(b.uri())) {
            throw new BadInputException(s.dirA() + " and " + s.dirB() + " are the same sweep directory: compare two"
                    + " sweeps");
        }
        AggregateJob.checkReportDirectory(s.reportDir(), a);
        AggregateJob.checkReportDirectory(s.reportDir(), b);
        Alignment.checkSetting(s.setting());
    }

    /** Reads, lines up, matches, draws and writes; see the class comment. */
    public static Summary run(SparkSession spark, Settings s) {
        ChartStyle.headless();
        checkInput(s);
        double threshold = AggregateJob.Settings.DEFAULT_RECOVERY_THRESHOLD;
        AggregateJob.Sweep a = AggregateJob.read(spark, s.dirA(), List.of(), X, null, threshold);
        AggregateJob.Sweep b = AggregateJob.read(spark, s.dirB(), List.of(), X, null, threshold);
        Alignment alignment = Alignment.of(a, b, s.setting(), s.dirA(), s.dirB());
        CompareTable table = CompareTable.match(a.table(), b.table(), alignment);
        if (table.matched() == 0) {
            throw new BadInputException(s.dirA() + " and " + s.dirB() + " have no cell in common"
                    + (alignment.shared().isEmpty() ? "" : " over " + String.join(" × ", alignment.shared()))
                    + ": compare sweeps whose grids overlap");
        }
        List<String> notes = notes(a, b, alignment, table);
        String y = chartY(a, alignment);
        if (y == null) {
            notes.add("no difference map: " + X + " and a second axis must vary in both sweeps (shared axes: "
                    + (alignment.shared().isEmpty() ? "none" : String.join(", ", alignment.shared())) + ")");
        }

        Side sideA = new Side(s.dirA(), a.name(), table.cells().stream().filter(c -> c.a() != null)
                .mapToLong(c -> c.a().runs()).sum());
        Side sideB = new Side(s.dirB(), b.name(), table.cells().stream().filter(c -> c.b() != null)
                .mapToLong(c -> c.b().runs()).sum());
        Storage target = ReportDirectory.open(s.reportDir());
        List<ChartFile> charts = ReportDirectory.write(target, CompareJob::clean, out -> {
            prepare(out);
            table.writeCsv(out.resolve(CSV));
            List<ChartFile> drawn = y == null ? List.of() : draw(table, y, a, b, alignment, out);
            new CompareReport(sideA, sideB, alignment, table, drawn, notes).write(out.resolve(PAGE));
            return drawn;
        });
        return new Summary(sideA, sideB, alignment, table, charts, notes, target.show(CSV), target.show(PAGE));
    }

    /** The vertical axis of the maps: A's, else n, else the first other shared axis; null when none is shared. */
    private static String chartY(AggregateJob.Sweep a, Alignment alignment) {
        List<String> shared = alignment.shared();
        if (!shared.contains(X)) {
            return null;
        }
        for (String candidate : List.of(a.design().y(), Design.DEFAULT_Y)) {
            if (shared.contains(candidate) && !candidate.equals(X)) {
                return candidate;
            }
        }
        return shared.stream().filter(p -> !p.equals(X)).findFirst().orElse(null);
    }

    private static List<String> notes(AggregateJob.Sweep a, AggregateJob.Sweep b, Alignment alignment,
                                      CompareTable table) {
        List<String> notes = new ArrayList<>(alignment.notes(a.name(), b.name()));
        long onlyA = table.onlyA();
        long onlyB = table.onlyB();
        if (onlyA + onlyB > 0) {
            notes.add(String.format(Locale.ROOT, "%,d cells only in A and %,d only in B: listed with the other side"
                    + " empty, and without a difference", onlyA, onlyB));
        }
        for (AggregateJob.Sweep s : List.of(a, b)) {
            if (s.repeated() > 0) {
                notes.add(String.format(Locale.ROOT, "%s: %,d rows repeat a point (a directory written by an older"
                        + " version without a commit log): each point counts once", s.name(), s.repeated()));
            }
        }
        Object seedA = a.design().constants().get("master_seed");
        if (seedA != null && Objects.equals(seedA, b.design().constants().get("master_seed"))) {
            notes.add("A and B have the same master seed (" + seedA + "): where their problem settings agree, a cell's"
                    + " runs in A and in B solve the same instances (a paired design). The Newcombe interval treats the"
                    + " two samples as independent, which is conservative when their outcomes are positively"
                    + " correlated.");
        }
        return notes;
    }

    /** One difference map per panel, all on one colour scale. */
    private static List<ChartFile> draw(CompareTable table, String y, AggregateJob.Sweep a, AggregateJob.Sweep b,
                                        Alignment alignment, Path out) {
        double range = DifferenceMap.range(table.largestDifference());
        String heading = "A = " + a.name() + side(alignment.setting(), alignment.valueA()) + " · B = " + b.name()
                + side(alignment.setting(), alignment.valueB());
        List<ChartFile> charts = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        for (PanelPair pair : table.panels(X, y, a.design().constants(), b.design().constants())) {
            // Distinct panels whose values slug alike ("a b", "a_b") must not overwrite each other's files.
            String stem = CHART_STEM + (stems.add(pair.slug()) ? pair.slug() : pair.slug() + "_" + stems.size());
            stems.add(stem);
            JFreeChart chart = DifferenceMap.chart(pair, range, heading);
            Path dir = out.resolve(AggregateJob.CHARTS);
            ChartWriter.write(chart, DifferenceMap.WIDTH, DifferenceMap.HEIGHT, dir.resolve(stem + ".png"),
                    dir.resolve(stem + ".svg"));
            String caption = "P(bad) in B minus P(bad) in A over " + X + " × " + y
                    + (pair.title().isEmpty() ? "" : " at " + pair.title()) + ", on a colour scale from −"
                    + Labels.value(range) + " (blue: fewer bad minima in B) to +" + Labels.value(range) + " (red: more);"
                    + " " + DifferenceMap.SIGNIFICANT + " marks a cell whose 95% Newcombe interval excludes 0. The wide"
                    + " black staircase is A's boundary, the narrow green one B's (each the smallest " + X + " from which every"
                    + " reachable cell of that sweep has its 95% upper bound of P(bad) ≤ 5%, counting runs without"
                    + " a verdict as bad; solid where decided,"
                    + " dashed where not).";
            charts.add(new ChartFile(KIND, pair.title(), caption, AggregateJob.CHARTS + "/" + stem + ".png",
                    AggregateJob.CHARTS + "/" + stem + ".svg", DifferenceMap.WIDTH, DifferenceMap.HEIGHT));
        }
        return charts;
    }

    private static String side(String setting, Object value) {
        return setting == null ? "" : " (" + Labels.assignment(setting, value) + ")";
    }

    /** Creates the report directory and its charts directory; removes the difference maps an earlier compare left. */
    private static void prepare(Path out) throws IOException {
        Path charts = out.resolve(AggregateJob.CHARTS);
        Files.createDirectories(charts);
        try (Stream<Path> old = Files.list(charts)) {
            for (Path f : old.filter(CompareJob::isDifferenceMap).toList()) {
                Files.delete(f);
            }
        }
    }

    /** The same on a report directory on another file system. */
    private static void clean(Storage target) throws IOException {
        for (String old : target.files(AggregateJob.CHARTS, "")) {
            if (isDifferenceMap(Path.of(old))) {
                target.delete(old);
            }
        }
    }

    private static boolean isDifferenceMap(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(CHART_STEM) && (name.endsWith(".png") || name.endsWith(".svg"));
    }
}
