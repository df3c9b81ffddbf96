package org.flowlab.charts;

import java.awt.Color;
import org.flowlab.sim.engine.EngineType;

/**
 * The colours every chart and page shares: each engine's own, as its registration gives it ({@link
 * EngineType#colour()}; the standard engines take the Okabe–Ito palette that colour-blind readers can tell
 * apart: batch blue, micro-batch orange, stream green), and those of what is no engine.
 */
public final class Palette {

    /** Reference runs on Apache Flink, when they join: vermilion. */
    public static final Color FLINK = new Color(0xD5, 0x5E, 0x00);
    /** SLA lines and fault markers: a dark red that no paradigm uses. */
    public static final Color MARKER = new Color(0xA0, 0x1C, 0x2C);
    /** Cost on a second axis: grey. */
    public static final Color COST = new Color(0x55, 0x55, 0x55);

    private Palette() {
    }

    /** The colour of {@code engine}, as its registration gives it. */
    public static Color of(EngineType<?> engine) {
        return Color.decode(engine.colour());
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
