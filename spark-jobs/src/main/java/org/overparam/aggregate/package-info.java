/**
 * From the rows of a sweep to what goes in a paper: the cell table (counts, Wilson intervals, quantiles), the
 * phase diagrams (heatmaps over two axes, curves with interval bands, the boundary estimate and theory
 * overlays), and one self-contained {@code report.html}. Reads only the Parquet of a sweep, never its spec.
 *
 * <p>{@link org.overparam.aggregate.AggregateJob} reads like its plan; the statistics live in
 * {@link org.overparam.aggregate.CellTable} and {@link org.overparam.aggregate.WilsonInterval}, the pictures in
 * {@link org.overparam.aggregate.Heatmap} and {@link org.overparam.aggregate.Curves} (one set per
 * {@link org.overparam.aggregate.Panel}), the theory lines as data in {@link org.overparam.aggregate.Overlays},
 * the page in {@link org.overparam.aggregate.Report}.
 *
 * <p>{@link org.overparam.aggregate.CompareJob} sets two sweeps side by side: {@link org.overparam.aggregate.Alignment}
 * decides which setting is compared and refuses any other difference, {@link org.overparam.aggregate.CompareTable}
 * matches the cells (differences with {@link org.overparam.aggregate.NewcombeInterval}s),
 * {@link org.overparam.aggregate.DifferenceMap} draws them with both boundaries, and
 * {@link org.overparam.aggregate.CompareReport} writes the page.
 */
package org.overparam.aggregate;
