package org.flowlab.workloads.importer;

/**
 * Reads the plainest ISO-8601 date-times without {@link java.time.format.DateTimeFormatter}, which costs
 * microseconds a value: {@code yyyy-MM-ddTHH:mm:ss}, then optionally a fraction of up to 9 digits, then optionally
 * {@code Z} (a space may stand for the {@code T}), years 1700 to 2200. Anything else, and any field out of range, is left to the
 * formatter, which gives the same nanoseconds for what this reads.
 */
final class IsoFastPath {
    /** Not of the plain form: ask the formatter. */
    static final long NOT_PLAIN = Long.MIN_VALUE;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private IsoFastPath() {
    }

    /** Nanoseconds since the epoch (UTC) of {@code text}, or {@link #NOT_PLAIN}. */
    static long nanos(String text) {
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) == 'Z') {
            n--;
        }
        if (n < 19 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) != 'T' && text.charAt(10) != ' ')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return NOT_PLAIN;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 1700 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 28 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            // Days 29 to 31 depend on the month, and far years may not fit in 64 bits of nanoseconds: the formatter checks.
            return NOT_PLAIN;
        }
        long fraction = 0;
        if (n > 19) {
            int digits = n - 20;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return NOT_PLAIN;
            }
            int f = digits(text, 20, n);
            if (f < 0) {
                return NOT_PLAIN;
            }
            fraction = f;
            for (int i = digits; i < 9; i++) {
                fraction *= 10;
            }
        }
        long days = epochDay(year, month, day);
        return (((days * 24 + hour) * 60 + minute) * 60 + second) * NANOS_PER_SECOND + fraction;
    }

    /** The number the decimal digits {@code from} (inclusive) to {@code to} (exclusive) write, or -1. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the algorithm of {@link java.time.LocalDate#toEpochDay}). */
    private static long epochDay(long year, int month, int day) {
        long total = 365 * year;
        if (year >= 0) {
            total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        } else {
            total -= year / -4 - year / -100 + year / -400;
        }
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528; // days from year 0 to 1970
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }
}
