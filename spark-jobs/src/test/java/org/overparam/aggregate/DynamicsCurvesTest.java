package org.overparam.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.overparam.certify.Outcome;

/** Dynamics charts: drawn where a panel has the values, with the exponent of a power law read off its slope. */
class DynamicsCurvesTest {

    private static final double[] ALPHA = {1e-4, 1e-3, 1e-2, 1e-1};
    private static final int[] RANKS = {2, 4};

    /** Recovery error c_R·α^(exponent R/4): median on the power law, the quantiles a factor 2 around it. */
    private static CellTable powerLaws() {
        List<Cell> cells = new ArrayList<>();
        for (int rank : RANKS) {
            for (double alpha : ALPHA) {
                double median = 0.3 * rank * Math.pow(alpha, rank / 4.0);
                Quantiles recovery = new Quantiles(median / 2, median, median * 2);
                Quantiles q = new Quantiles(1.0, 2.0, 3.0);
                cells.add(new Cell(List.of(rank, alpha), 10, Map.of(Outcome.GLOBAL, 10L), 0, 10, 0, q, q, q, 0,
                        new Dynamics(Quantiles.NONE, Quantiles.NONE, Quantiles.NONE, recovery)));
            }
        }
        return CellTable.of(List.of("R", "alpha"), List.of(DataTypes.IntegerType, DataTypes.DoubleType), cells,
                1e-3, true);
    }

    @Test
    void theSlopeOfALogLogLineIsTheExponent() {
        Panel p = Panel.split(powerLaws(), Map.of(), "alpha", "R").get(0);
        assertTrue(p.xScale().logarithmic());
        assertTrue(DynamicsCurves.applies(p, DynamicsCurves.Quantity.RECOVERY));
        assertFalse(DynamicsCurves.applies(p, DynamicsCurves.Quantity.ESCAPE), "no escape times in these cells");
        assertTrue(DynamicsCurves.logScale(p, DynamicsCurves.Quantity.RECOVERY));
        JFreeChart chart = DynamicsCurves.chart(p, DynamicsCurves.Quantity.RECOVERY, "test");
        XYDataset data = ((XYPlot) chart.getPlot()).getDataset();
        assertEquals(2, data.getSeriesCount());
        assertEquals("R = 2 (slope 0.50)", data.getSeriesKey(0));
        assertEquals("R = 4 (slope 1.00)", data.getSeriesKey(1));
    }

    @Test
    void slopesAreLeastSquaresInLogarithms() {
        List<double[]> points = List.of(new double[] {Math.log(1), 5}, new double[] {Math.log(10), 50},
                new double[] {Math.log(100), 400});
        // log y = log 5 + s·log x fitted to 5, 50, 400 at 1, 10, 100: s = log(80)/(2 log 10).
        assertEquals(Math.log(80) / (2 * Math.log(10)), DynamicsCurves.slope(points), 1e-12);
    }
}
