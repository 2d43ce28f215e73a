package org.overparam.bench;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.sweep.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench rows DIR…}: what the timed sweeps produced, read from their Parquet rows in one Spark session —
 * per (R, n) cell the number of rows, rows per outcome and the fewest and most iterations. scripts/bench prints
 * the quick start's bad-local-minimum fractions from it and checks that the dense sweep ran every iteration.
 */
@Command(name = "rows", mixinStandardHelpOptions = true,
        description = "Per (R, n) cell of each sweep directory: rows, rows per outcome, min and max iterations.")
final class RowsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "sweep directories (each holding rows/)")
    List<Path> dirs;

    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[1]",
            description = "Spark master for the read (default ${DEFAULT-VALUE})")
    String master;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir.resolve("rows"))) {
                throw new IllegalArgumentException("DIR must be a sweep directory holding rows/, got " + dir);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        SparkSession spark = SparkSessions.get(master, "bench rows");
        try {
            for (Path dir : dirs) {
                out.println(Reports.line(read(spark, dir)));
            }
        } finally {
            spark.stop();
        }
        return Bench.OK;
    }

    static Reports.Rows read(SparkSession spark, Path dir) {
        List<Row> groups = spark.read().parquet(dir.resolve("rows").toString())
                .groupBy("R", "n", "outcome")
                .agg(count("*").as("runs"), min("iterations").as("it_min"), max("iterations").as("it_max"))
                .collectAsList();
        Map<List<Integer>, List<Row>> byCell = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? Integer.compare(a.get(1), b.get(1)) : Integer.compare(a.get(0), b.get(0)));
        for (Row g : groups) {
            byCell.computeIfAbsent(List.of(g.getInt(0), g.getInt(1)), k -> new ArrayList<>()).add(g);
        }
        List<Reports.Cell> cells = new ArrayList<>();
        long total = 0;
        for (Map.Entry<List<Integer>, List<Row>> e : byCell.entrySet()) {
            Map<String, Long> outcomes = new TreeMap<>();
            long runs = 0;
            long itMin = Long.MAX_VALUE;
            long itMax = Long.MIN_VALUE;
            for (Row g : e.getValue()) {
                long k = g.getLong(3);
                outcomes.put(g.getString(2), k);
                runs += k;
                itMin = Math.min(itMin, ((Number) g.get(4)).longValue());
                itMax = Math.max(itMax, ((Number) g.get(5)).longValue());
            }
            cells.add(new Reports.Cell(e.getKey().get(0), e.getKey().get(1), runs, outcomes, itMin, itMax));
            total += runs;
        }
        return new Reports.Rows(dir.toString(), total, cells);
    }
}
