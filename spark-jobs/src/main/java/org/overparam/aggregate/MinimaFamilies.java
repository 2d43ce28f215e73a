package org.overparam.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.overparam.certify.Outcome;
import org.overparam.experiment.Family;
import org.overparam.experiment.SpuriousFamilies;
import org.overparam.io.EndPointSchema;
import org.overparam.io.Storage;
import org.overparam.sweep.CommittedRows;

import static org.apache.spark.sql.functions.col;

/**
 * {@code families.csv}: the end points of each cell's runs that did not end GLOBAL, grouped by outcome into
 * families up to the model's symmetries ({@link SpuriousFamilies}), as Safran &amp; Shamir count the spurious
 * minima they find. One line per family: the cell, the outcome, the family's number in its cell (1 = the most
 * runs), its runs, the median objective and smallest Hessian eigenvalue of its runs, and the point id of its
 * representative (the run of least objective; {@code overparam inspect DIR POINT_ID} shows it).
 *
 * @param axes     the cell axes
 * @param families every family, in cell order, then outcome, then family number
 */
public record MinimaFamilies(List<String> axes, List<Found> families) {

    public static final String CSV = "families.csv";

    /** Columns after the cell axes. */
    private static final List<String> COLUMNS = List.of("outcome", "family", "runs", "objective", "hess_min_eig",
            "point_id");

    /**
     * One family of one cell.
     *
     * @param cell       the cell's axis values
     * @param outcome    the outcome its runs share
     * @param family     its number in the cell and outcome, 1 for the most runs
     * @param runs       runs that ended in it
     * @param objective  their median objective
     * @param hessMinEig their median smallest Hessian eigenvalue (NaN when none computed it)
     * @param pointId    the representative's point id
     */
    public record Found(List<Object> cell, Outcome outcome, int family, int runs, double objective,
                        double hessMinEig, String pointId) {
    }

    public MinimaFamilies {
        axes = List.copyOf(axes);
        families = List.copyOf(families);
    }

    /**
     * The families of the committed end points of {@code storage} whose rows are {@code rows} (one per point), or
     * empty when the sweep kept none. Cells are read one at a time (sorted by cell), so only one cell's end points
     * are on the driver at once.
     */
    public static Optional<MinimaFamilies> find(SparkSession session, Storage storage, Dataset<Row> rows,
                                                List<String> axes) {
        Optional<Dataset<Row>> endPoints;
        try {
            endPoints = CommittedRows.readEndPoints(session, storage);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the end points of " + storage.show(""), e);
        }
        if (endPoints.isEmpty()) {
            return Optional.empty();
        }
        List<Column> keys = new ArrayList<>(axes.stream().map(a -> col("r." + a)).toList());
        keys.add(col("r.outcome"));
        List<Column> selected = new ArrayList<>(keys);
        for (String c : List.of("objective", "hess_min_eig", "point_id", "family", "true_rank", "f0")) {
            selected.add(col("r." + c));
        }
        selected.add(col("e.parameters"));
        selected.add(col("e.hess_lowest"));
        Dataset<Row> joined = rows.alias("r")
                .filter(col("outcome").notEqual(Outcome.GLOBAL.name()).and(col("outcome").notEqual(
                        Outcome.FAILED.name())))
                .join(endPoints.get().dropDuplicates("point_id").alias("e"),
                        col("r.point_id").equalTo(col("e.point_id")))
                .select(selected.toArray(Column[]::new))
                .sort(keys.toArray(Column[]::new));
        int k = axes.size();
        List<Found> found = new ArrayList<>();
        List<Object> group = null;
        List<SpuriousFamilies.Member> members = new ArrayList<>();
        Family family = null;
        int trueRank = 0;
        for (Iterator<Row> it = joined.toLocalIterator(); it.hasNext(); ) {
            Row row = it.next();
            List<Object> key = new ArrayList<>(k + 1);
            for (int i = 0; i <= k; i++) {
                key.add(row.get(i));
            }
            if (!key.equals(group)) {
                add(found, group, family, trueRank, members);
                group = key;
                members.clear();
            }
            family = Family.valueOf(row.<String>getAs("family").toUpperCase(Locale.ROOT).replace('-', '_'));
            trueRank = row.<Integer>getAs("true_rank");
            int hess = row.fieldIndex("hess_min_eig");
            members.add(new SpuriousFamilies.Member(row.getAs("point_id"), row.<Double>getAs("objective"),
                    row.<Double>getAs("f0"), row.isNullAt(hess) ? Double.NaN : row.getDouble(hess),
                    EndPointSchema.endPoint(row)));
        }
        add(found, group, family, trueRank, members);
        return Optional.of(new MinimaFamilies(axes, found));
    }

    /** The families of one cell and outcome. */
    private static void add(List<Found> found, List<Object> key, Family family, int trueRank,
                            List<SpuriousFamilies.Member> members) {
        if (key == null || members.isEmpty()) {
            return;
        }
        List<Object> cell = key.subList(0, key.size() - 1);
        Outcome outcome = Outcome.valueOf((String) key.get(key.size() - 1));
        List<SpuriousFamilies.Group> groups = SpuriousFamilies.group(family, trueRank, members);
        for (int g = 0; g < groups.size(); g++) {
            SpuriousFamilies.Group group = groups.get(g);
            found.add(new Found(List.copyOf(cell), outcome, g + 1, group.members().size(), group.medianObjective(),
                    group.medianHessMinEig(), group.representative().pointId()));
        }
    }

    /** Writes {@link #CSV}: the cell axes, then outcome, family, runs, objective, hess_min_eig, point_id. */
    public void writeCsv(Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>(axes);
            header.addAll(COLUMNS);
            w.write(String.join(",", header.stream().map(CellTable::csvField).toList()) + "\r\n");
            for (Found f : families) {
                List<Object> out = new ArrayList<>(f.cell());
                out.add(f.outcome().name());
                out.add(f.family());
                out.add(f.runs());
                out.add(f.objective());
                out.add(Double.isNaN(f.hessMinEig()) ? null : f.hessMinEig());
                out.add(f.pointId());
                w.write(String.join(",", out.stream().map(CellTable::csvField).toList()) + "\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Whether any cell has a family. */
    public boolean isEmpty() {
        return families.isEmpty();
    }
}
