package org.overparam.aggregate;

import org.apache.spark.sql.types.DataTypes;
import org.overparam.certify.Outcome;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Hand-made cell tables over R × n for tests that need no Spark. */
final class Cells {

    private Cells() {
    }

    /** A cell with {@code bad} bad runs out of {@code runs}, the rest global, all recovered when not bad. */
    static Cell cell(int rank, int n, long bad, long runs) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        counts.put(Outcome.BAD_LOCAL_MIN, bad);
        counts.put(Outcome.GLOBAL, runs - bad);
        Quantiles q = new Quantiles(1.0, 2.0, 3.0);
        return new Cell(List.of(rank, n), runs, counts, bad, runs - bad, 0, q, q, q, 0, Dynamics.NONE);
    }

    /** Every (R, n) of the grid, with bad runs from {@code bad(R, n)} out of {@code runs}. */
    static CellTable grid(int[] ranks, int[] ns, long runs, BiFunction<Integer, Integer, Long> bad) {
        List<Cell> cells = new ArrayList<>();
        for (int rank : ranks) {
            for (int n : ns) {
                cells.add(cell(rank, n, bad.apply(rank, n), runs));
            }
        }
        return CellTable.of(List.of("R", "n"), List.of(DataTypes.IntegerType, DataTypes.IntegerType), cells, 1e-3,
                true);
    }
}
