package org.flowlab.workloads.text;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 1d},
 * also {@code 1.5s}, {@code 250us}, {@code 1h30m}) to virtual nanoseconds, and back: rounded for
 * display ({@link #format}: {@code 850 ms}, {@code 2.4 s}, {@code 3 h 05 m}), or exactly, in the
 * forms {@link #parse} reads back to the same nanoseconds ({@link #exact}: {@code 1h30m};
 * {@link #inOneUnit}: {@code 90m}; {@link #inMillisOrNanos}: {@code 5400000ms}).
 */
public final class DurationText {
    public static final long NANOS_PER_MILLI = 1_000_000L;
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    public static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    public static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;
    public static final long NANOS_PER_DAY = 24 * NANOS_PER_HOUR;

    /** What {@link #parse} accepts, for error messages. */
    public static final String ALLOWED = "a duration such as 500ms, 10s, 5m, 2h, 1d or 1h30m";

    /** The longest duration {@link #parse} accepts, for error messages: half the range of a {@code long}. */
    public static final String LONGEST = "at most about 146 years";

    private static final long[] UNITS = {NANOS_PER_DAY, NANOS_PER_HOUR, NANOS_PER_MINUTE, NANOS_PER_SECOND,
            NANOS_PER_MILLI, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms", "us", "ns"};

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h|d)");

    private DurationText() {
    }

    /**
     * Parses a duration into nanoseconds.
     *
     * @throws TooLongException if the text is a duration longer than {@link #LONGEST}
     * @throws IllegalArgumentException naming the text and what is allowed, if it is no duration
     */
    public static long parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration; expected " + ALLOWED);
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(s);
        int at = 0;
        double total = 0;
        while (at < s.length()) {
            if (!m.find(at) || m.start() != at) {
                throw new IllegalArgumentException("'" + text + "' is not a duration; expected " + ALLOWED);
            }
            total += Double.parseDouble(m.group(1)) * unit(m.group(2));
            at = m.end();
        }
        if (total > Long.MAX_VALUE / 2.0) {
            throw new TooLongException("'" + text + "' is too long a duration (" + LONGEST + ")");
        }
        return Math.round(total);
    }

    /**
     * A well-formed duration too long for virtual time: a message that says "must be a duration
     * such as 10s" would send its writer looking for a typo.
     */
    public static final class TooLongException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        TooLongException(String message) {
            super(message);
        }
    }

    private static long unit(String unit) {
        return switch (unit) {
            case "ns" -> 1L;
            case "us" -> 1_000L;
            case "ms" -> NANOS_PER_MILLI;
            case "s" -> NANOS_PER_SECOND;
            case "m" -> NANOS_PER_MINUTE;
            case "h" -> NANOS_PER_HOUR;
            case "d" -> NANOS_PER_DAY;
            default -> throw new IllegalStateException(unit);
        };
    }

    /** Formats nanoseconds for people: {@code 850 ms}, {@code 2.4 s}, {@code 3 h 05 m}. */
    public static String format(long nanos) {
        if (nanos == Long.MIN_VALUE) {
            return "-inf";
        }
        if (nanos == Long.MAX_VALUE) {
            return "inf";
        }
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos < 1_000L) {
            return nanos + " ns";
        }
        if (nanos < NANOS_PER_MILLI) {
            return trim(nanos / 1_000.0) + " us";
        }
        if (nanos < NANOS_PER_SECOND) {
            return trim(nanos / (double) NANOS_PER_MILLI) + " ms";
        }
        if (nanos < NANOS_PER_MINUTE) {
            return trim(nanos / (double) NANOS_PER_SECOND) + " s";
        }
        if (nanos < NANOS_PER_HOUR) {
            long minutes = nanos / NANOS_PER_MINUTE;
            long seconds = Math.round((nanos % NANOS_PER_MINUTE) / (double) NANOS_PER_SECOND);
            if (seconds == 60) {
                minutes++;
                seconds = 0;
            }
            return String.format(Locale.ROOT, "%d m %02d s", minutes, seconds);
        }
        if (nanos < NANOS_PER_DAY) {
            long hours = nanos / NANOS_PER_HOUR;
            long minutes = Math.round((nanos % NANOS_PER_HOUR) / (double) NANOS_PER_MINUTE);
            if (minutes == 60) {
                hours++;
                minutes = 0;
            }
            return String.format(Locale.ROOT, "%d h %02d m", hours, minutes);
        }
        long days = nanos / NANOS_PER_DAY;
        long hours = Math.round((nanos % NANOS_PER_DAY) / (double) NANOS_PER_HOUR);
        if (hours == 24) {
            days++;
            hours = 0;
        }
        return String.format(Locale.ROOT, "%d d %02d h", days, hours);
    }

    private static String trim(double x) {
        if (x >= 100) {
            return String.format(Locale.ROOT, "%.0f", x);
        }
        String s = String.format(Locale.ROOT, "%.1f", x);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    /**
     * A duration exactly and briefly, as flags and fault plans write it: a sum of whole units from
     * days down, {@code 1h30m}, {@code 1s500ms}, {@code 0s}; a negative one starts with {@code -}.
     */
    public static String exact(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder s = new StringBuilder(nanos < 0 ? "-" : "");
        long rest = Math.abs(nanos);
        for (int i = 0; i < UNITS.length; i++) {
            long n = rest / UNITS[i];
            if (n > 0) {
                s.append(n).append(UNIT_NAMES[i]);
                rest -= n * UNITS[i];
            }
        }
        return s.toString();
    }

    /**
     * A duration exactly, in the largest single unit that divides it, as schedules and cost
     * profiles write it: {@code 90m}, {@code 1500ms}, {@code 364ns}, {@code 0s}.
     */
    public static String inOneUnit(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        for (int i = 0; ; i++) {
            if (nanos % UNITS[i] == 0) {
                return nanos / UNITS[i] + UNIT_NAMES[i];
            }
        }
    }

    /** A duration exactly, in whole milliseconds if it has no smaller part, else in nanoseconds: a workload spec's duration. */
    public static String inMillisOrNanos(long nanos) {
        return nanos % NANOS_PER_MILLI == 0 ? (nanos / NANOS_PER_MILLI) + "ms" : nanos + "ns";
    }
}
