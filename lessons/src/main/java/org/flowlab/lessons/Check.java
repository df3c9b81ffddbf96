package org.flowlab.lessons;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Checks of what a lesson claims (the batch table equals the oracle's, say): a claim that does not
 * hold means the lesson is broken, not that a student is still working. A check that passes prints
 * {@code ✓ correct}; one that does not prints {@code ✗ not yet: <hint> (got …)}, never the expected
 * value, and throws {@link CheckFailure}, which stops the lesson. A student's answers are scored by
 * {@link Exercise}, which never stops the lesson. For example:
 *
 * <pre>{@code
 * Check.that(batchLatency > streamLatency, "the batch run should be the slower one");
 * Check.close(mean, 2.5, 0.01, "the mean of the amounts, in euros");
 * Check.equal(alerts.size(), 3, "count the alerts of the fraud detector");
 * }</pre>
 */
public final class Check {
    private Check() {
    }

    /** Passes when {@code ok} is true; otherwise shows {@code hint}. */
    public static void that(boolean ok, String hint) {
        verdict(ok, hint, "");
    }

    /** Passes when {@code actual} equals {@code expected} (by {@code equals}); numbers of different boxes compare by value. */
    public static void equal(Object actual, Object expected, String hint) {
        verdict(same(actual, expected), hint, " (got " + text(actual) + ")");
    }

    /** Passes when {@code actual} is within {@code tolerance} of {@code expected}. */
    public static void close(double actual, double expected, double tolerance, String hint) {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be a finite number of 0 or more, not " + tolerance);
        }
        verdict(Math.abs(actual - expected) <= tolerance, hint, " (got " + Exercise.number(actual) + ")");
    }

    /** Passes when {@code actual} is at least {@code least}. */
    public static void atLeast(double actual, double least, String hint) {
        verdict(actual >= least, hint, " (got " + Exercise.number(actual) + ")");
    }

    /** Passes when {@code actual} is at most {@code most}. */
    public static void atMost(double actual, double most, String hint) {
        verdict(actual <= most, hint, " (got " + Exercise.number(actual) + ")");
    }

    private static void verdict(boolean ok, String hint, String detail) {
        Objects.requireNonNull(hint, "hint");
        // The lesson runner captures standard output per cell, so this line lands under the check cell.
        PrintStream out = System.out;
        if (ok) {
            out.println("✓ correct");
            return;
        }
        String message = hint + detail;
        out.println("✗ not yet: " + message);
        throw new CheckFailure(message);
    }

    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e && !(a instanceof Double || a instanceof Float)
                && !(e instanceof Double || e instanceof Float)) {
            return a.longValue() == e.longValue();
        }
        if (actual instanceof Number a && expected instanceof Number e) {
            return Double.compare(a.doubleValue(), e.doubleValue()) == 0;
        }
        return Objects.equals(actual, expected);
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof Double || value instanceof Float) {
            return Exercise.number(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }
}
