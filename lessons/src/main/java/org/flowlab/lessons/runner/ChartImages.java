package org.flowlab.lessons.runner;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.flowlab.lessons.notebook.DisplayData;
import org.knowm.xchart.internal.chartpart.Chart;

/** Draws what a cell shows as an {@code image/png} display output. */
final class ChartImages {
    /** Charts are drawn at twice their size (144 DPI, like the chart files) and shown at their size, so they stay sharp. */
    private static final int SCALE = 2;

    private ChartImages() {
    }

    static DisplayData of(Chart<?, ?> chart) {
        int width = chart.getWidth();
        int height = chart.getHeight();
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.paint(g, width, height);
        } finally {
            g.dispose();
        }
        String title = chart.getTitle() == null || chart.getTitle().isBlank() ? "" : " \"" + chart.getTitle() + "\"";
        return DisplayData.png(png(image), chart.getClass().getSimpleName() + title, width, height);
    }

    static DisplayData of(RenderedImage image) {
        return DisplayData.png(png(image), "image " + image.getWidth() + " x " + image.getHeight(), image.getWidth(),
                image.getHeight());
    }

    private static String png(RenderedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
