package org.flowlab.workloads.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rates as people write them ({@code 20000/s}, {@code 3/ms}, {@code 500/m}, {@code 1.5k/s}) to
 * events per second, and back for display.
 */
public final class RateText {
    /** What {@link #parse} accepts, for error messages. */
    public static final String ALLOWED = "a rate such as 20000/s, 3/ms, 500/m or 2k/s";

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)([km]?)/(us|ms|s|m|h|d)");

    private RateText() {
    }

    /**
     * Parses a rate into events per second; it must be positive.
     *
     * @throws IllegalArgumentException naming the text and what is allowed
     */
    public static double parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty rate; expected " + ALLOWED);
        }
        Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT).replace(" ", ""));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a rate; expected " + ALLOWED);
        }
        double count = Double.parseDouble(m.group(1));
        count *= switch (m.group(2)) {
            case "k" -> 1_000.0;
            case "m" -> 1_000_000.0;
            default -> 1.0;
        };
        double perSecond = count * switch (m.group(3)) {
            case "us" -> 1_000_000.0;
            case "ms" -> 1_000.0;
            case "s" -> 1.0;
            case "m" -> 1 / 60.0;
            case "h" -> 1 / 3_600.0;
            case "d" -> 1 / 86_400.0;
            default -> throw new IllegalStateException(m.group(3));
        };
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("'" + text + "' must be a positive rate; expected " + ALLOWED);
        }
        return perSecond;
    }

    /** Formats events per second for people: {@code 20,000/s}, {@code 2.5/s}, {@code 0.3/s}. */
    public static String format(double perSecond) {
        if (perSecond >= 100) {
            return String.format(Locale.ROOT, "%,.0f/s", perSecond);
        }
        return String.format(Locale.ROOT, "%.3g/s", perSecond);
    }
}
