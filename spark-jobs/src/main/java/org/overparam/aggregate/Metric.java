package org.overparam.aggregate;

import java.util.function.Function;
import java.util.function.ToLongFunction;

/** A per-cell probability a map shows: its name, colour scale and the counts behind it. */
public enum Metric {

    /** P(bad local minimum): the fraction of runs certified as second-order points above the optimum. */
    P_BAD("P(bad local minimum)", "p_bad", Palette.YL_OR_RD, Cell::bad, Cell::badInterval),

    /** P(recovered): the fraction of runs whose recovery error ‖X − M*‖_F/‖M*‖_F is below the threshold. */
    P_RECOVERED("P(recovered)", "p_recovered", Palette.YL_GN_BU, Cell::recovered, Cell::recoveredInterval);

    private final String title;
    private final String file;
    private final Palette palette;
    private final ToLongFunction<Cell> successes;
    private final Function<Cell, WilsonInterval> interval;

    Metric(String title, String file, Palette palette, ToLongFunction<Cell> successes,
           Function<Cell, WilsonInterval> interval) {
        this.title = title;
        this.file = file;
        this.palette = palette;
        this.successes = successes;
        this.interval = interval;
    }

    public String title() {
        return title;
    }

    /** The stem of its chart files. */
    public String file() {
        return file;
    }

    public Palette palette() {
        return palette;
    }

    /** k of "k/N". */
    public long successes(Cell cell) {
        return successes.applyAsLong(cell);
    }

    /** N of "k/N": the classified runs of the cell. */
    public long trials(Cell cell) {
        return cell.classified();
    }

    /**
     * The estimate k/N, or null when N = 0 (every run failed), and for P(bad) where the runs cannot reach the
     * reference ({@link Cell#reachable()}: a run that cannot reach the optimum says nothing about bad minima).
     */
    public Double value(Cell cell) {
        if (cell.classified() == 0 || !shown(cell)) {
            return null;
        }
        return (double) successes(cell) / cell.classified();
    }

    /** Whether the metric means something for this cell: P(bad) only where the reference is reachable. */
    public boolean shown(Cell cell) {
        return this != P_BAD || cell.reachable();
    }

    /** Its 95% Wilson interval, or null when N = 0. */
    public WilsonInterval interval(Cell cell) {
        return interval.apply(cell);
    }
}
