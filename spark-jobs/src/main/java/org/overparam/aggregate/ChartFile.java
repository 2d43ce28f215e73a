package org.overparam.aggregate;

/**
 * One chart as written: its PNG and SVG (paths relative to the report directory), size and what it shows.
 *
 * @param kind    the chart kind, e.g. {@code P(bad local minimum) map}; charts of a kind are grouped in the report
 * @param panel   the panel it shows ({@code alpha = 0.1}), empty for a single panel
 * @param caption one or two sentences for the report
 * @param png     the PNG, relative to the report directory
 * @param svg     the SVG, relative to the report directory
 * @param width   pixels
 * @param height  pixels
 */
public record ChartFile(String kind, String panel, String caption, String png, String svg, int width,
                        int height) {
}
