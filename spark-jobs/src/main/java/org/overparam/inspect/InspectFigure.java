package org.overparam.inspect;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.overparam.experiment.Family;
import org.overparam.experiment.RunConfig;
import org.overparam.spec.Numbers;

/**
 * The picture of one end point, as a PNG of {@value #WIDTH}×{@value #HEIGHT} pixels: a heading (the point, its
 * outcome and evidence), the family's panels ({@link FamilyView}) and the bottom of the Hessian spectrum, two
 * panels to a row (an odd last one spans the row).
 */
public final class InspectFigure {

    public static final int WIDTH = 1400;
    public static final int HEIGHT = 1000;

    private static final int HEADING = 74;
    private static final Font HEADING_TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
    private static final Font HEADING_LINE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);

    private InspectFigure() {
    }

    /**
     * Draws the inspection's end point into {@code png}: written beside it under a temporary name and moved into
     * place, so that an interrupted command leaves the old file or the new one, never half of one.
     *
     * @throws IllegalArgumentException when the inspection has no end point (a failed run)
     */
    public static void write(Inspection in, Path png) {
        BufferedImage image = render(in);
        Path target = png.toAbsolutePath();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            ImageIO.write(image, "png", partial.toFile());
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the write failed already; that is what the user is told
            }
            throw new UncheckedIOException("cannot write " + png, e);
        }
    }

    static BufferedImage render(Inspection in) {
        if (in.endPoint() == null) {
            throw new IllegalArgumentException("point " + in.stored().pointId() + " has no end point to draw");
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        List<JFreeChart> panels = new ArrayList<>(FamilyView.panels(in));
        panels.add(spectrum(in));
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            heading(g, in);
            int rows = (panels.size() + 1) / 2;
            double height = (HEIGHT - HEADING) / (double) rows;
            for (int i = 0; i < panels.size(); i++) {
                int row = i / 2;
                boolean alone = i == panels.size() - 1 && panels.size() % 2 == 1;
                double width = alone ? WIDTH : WIDTH / 2.0;
                double x = alone ? 0 : (i % 2) * WIDTH / 2.0;
                panels.get(i).draw(g, new Rectangle2D.Double(x, HEADING + row * height, width, height));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void heading(Graphics2D g, Inspection in) {
        StoredRow row = in.stored().row();
        RunConfig c = in.config();
        g.setColor(Color.BLACK);
        g.setFont(HEADING_TITLE);
        g.drawString(String.format(Locale.ROOT, "%s  ·  %s  ·  %s, end point %s", row.text("outcome"),
                in.stored().pointId(), row.text("sweep"), switch (in.source()) {
                    case STORED, STORED_SPECTRUM_COMPUTED -> "stored";
                    case RERUN -> "re-run";
                    case NONE -> "none";
                }), 14, 30);
        g.setFont(HEADING_LINE);
        g.setColor(new Color(0x333333));
        g.drawString(String.format(Locale.ROOT, "%s · %s, α = %s, replicate %d  ·  f = %s, f_ref = %s, f0 = %s,"
                        + " ‖∇f‖ = %s, λ_min = %s", c.problem().family().specName(), PointText.size(c),
                Numbers.format(c.alpha()), c.replicate(), FamilyView.number(row.real("objective")),
                FamilyView.number(row.real("reference")), FamilyView.number(row.real("f0")),
                FamilyView.number(row.real("grad_norm")), FamilyView.number(lambdaMin(in))), 14, 58);
    }

    private static double lambdaMin(Inspection in) {
        double[] lowest = in.spectrum();
        if (lowest.length > 0) {
            return lowest[0];
        }
        return in.tangentDimension() == 0 ? Double.POSITIVE_INFINITY : in.stored().row().real("hess_min_eig");
    }

    private static JFreeChart spectrum(Inspection in) {
        double[] lowest = in.spectrum();
        String title = in.config().problem().family() == Family.MAXCUT_BM
                ? "bottom of the Riemannian Hessian spectrum" : "bottom of the Hessian spectrum";
        if (lowest.length == 0) {
            return Panels.message(title, in.config().problem().family() == Family.MAXCUT_BM && in.config().rank() == 1
                    ? "no spectrum: at R = 1 the search space is a set of points"
                    : "no spectrum: the end point is not finite");
        }
        boolean maxCut = in.config().problem().family() == Family.MAXCUT_BM;
        int dimension = in.tangentDimension();
        StoredRow row = in.stored().row();
        double tolerance = in.config().solver().hessTol() * row.real("f0");
        String subtitle = (lowest.length == 1 && dimension > 1
                ? "λ_min alone (Lanczos, " + dimension + " dimensions)"
                : "the " + lowest.length + " smallest of " + dimension + " eigenvalues")
                + (maxCut ? " on the tangent space" : "") + "; BAD_LOCAL_MIN needs λ_min ≥ −hess_tol·f0";
        return Panels.spectrum(title, subtitle, lowest, tolerance);
    }
}
