package org.flowlab.charts;

import java.awt.Color;
import org.flowlab.experiment.Paradigm;

/**
 * One colour per paradigm, the same in every chart and page, from the Okabe–Ito palette that
 * colour-blind readers can tell apart: batch blue, micro-batch orange, stream green.
 */
public final class Palette {

    /** Batch: blue. */
    public static final Color BATCH = new Color(0x00, 0x72, 0xB2);
    /** Micro-batch: orange. */
    public static final Color MICROBATCH = new Color(0xE6, 0x9F, 0x00);
    /** Stream: bluish green. */
    public static final Color STREAM = new Color(0x00, 0x9E, 0x73);
    /** Reference runs on Apache Flink, when they join: vermilion. */
    public static final Color FLINK = new Color(0xD5, 0x5E, 0x00);
    /** SLA lines and fault markers: a dark red that no paradigm uses. */
    public static final Color MARKER = new Color(0xA0, 0x1C, 0x2C);
    /** Cost on a second axis: grey. */
    public static final Color COST = new Color(0x55, 0x55, 0x55);

    private Palette() {
    }

    /** The colour of {@code paradigm}. */
    public static Color of(Paradigm paradigm) {
        return switch (paradigm) {
            case BATCH -> BATCH;
            case MICROBATCH -> MICROBATCH;
            case STREAM -> STREAM;
        };
    }

    /** {@code #0072b2}, for pages. */
    public static String hex(Color c) {
        return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** The same colour, see-through to {@code alpha} (0 to 255). */
    static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
