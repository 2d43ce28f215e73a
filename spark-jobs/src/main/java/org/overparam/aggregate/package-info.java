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
 */
package org.overparam.aggregate;
