package org.flowlab.workloads.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import org.flowlab.workloads.InvalidInputException;

/**
 * How the time columns of an imported file are written, read into nanoseconds since the epoch (UTC):
 * <ul>
 *   <li>{@code iso}: an ISO-8601 instant or offset date-time ({@code 2024-03-01T12:00:00.250Z},
 *       {@code 2024-03-01T13:00+01:00}) or a local date-time read as UTC ({@code 2024-03-01T12:00:00}; a space
 *       may stand for the {@code T});</li>
 *   <li>{@code epoch-ms}, {@code epoch-s}: milliseconds or seconds since 1970-01-01T00:00Z, fractions allowed;</li>
 *   <li>anything else: a {@link DateTimeFormatter} pattern ({@code yyyy-MM-dd HH:mm:ss}), read as UTC unless it
 *       has an offset or zone; a pattern without a time of day means midnight.</li>
 * </ul>
 *
 * @param text    the format as the user wrote it
 * @param pattern the pattern's formatter, or null for iso, epoch-ms and epoch-s
 */
public record TimeFormat(String text, DateTimeFormatter pattern) {

    /** ISO-8601 instants and local date-times. */
    public static final TimeFormat ISO = new TimeFormat("iso", null);
    /** What {@link #parse} accepts, for messages. */
    public static final String ALLOWED = "iso, epoch-ms, epoch-s or a java.time DateTimeFormatter pattern such as 'yyyy-MM-dd HH:mm:ss'";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final BigDecimal MILLI = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal SECOND = BigDecimal.valueOf(NANOS_PER_SECOND);
    private static final BigDecimal MAX_NANOS = BigDecimal.valueOf(Long.MAX_VALUE / 2);

    /** The format {@code text} names; a pattern that {@link DateTimeFormatter} rejects is an {@link InvalidInputException}. */
    public static TimeFormat parse(String text) {
        String t = text.trim();
        if (t.equals("iso") || t.equals("epoch-ms") || t.equals("epoch-s")) {
            return new TimeFormat(t, null);
        }
        if (t.isEmpty()) {
            throw new InvalidInputException("--time-format: empty; expected " + ALLOWED);
        }
        try {
            // Strict: 2023-02-30 or 24:00 is no time (the default resolver would read 2023-02-28 and the next day);
            // strict needs the proleptic year, u, where patterns write the year of the era, y.
            return new TimeFormat(t, DateTimeFormatter.ofPattern(prolepticYear(t), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--time-format: '" + t + "' is not " + ALLOWED + " (" + e.getMessage() + ")");
        }
    }

    /** The pattern with each {@code y} outside quotes made {@code u}: without an era, the same years. */
    private static String prolepticYear(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    /** Whether times are text (iso or a pattern) rather than numbers. */
    public boolean isText() {
        return !text.startsWith("epoch-");
    }

    /** Nanoseconds since the epoch of {@code value}, or null if it is not a time in this format. */
    public Long nanos(String value) {
        try {
            return switch (text) {
                case "epoch-ms" -> scaled(value, MILLI);
                case "epoch-s" -> scaled(value, SECOND);
                case "iso" -> iso(value);
                default -> patterned(value);
            };
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static Long scaled(String value, BigDecimal unit) {
        BigDecimal nanos = new BigDecimal(value.trim()).multiply(unit);
        if (nanos.abs().compareTo(MAX_NANOS) > 0) {
            return null;
        }
        return nanos.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
    }

    private static Long iso(String value) {
        long fast = IsoFastPath.nanos(value);
        if (fast != IsoFastPath.NOT_PLAIN) {
            return fast;
        }
        String v = value.trim();
        if (v.length() > 10 && v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11);
        }
        TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, ZonedDateTime::from, LocalDateTime::from);
        return nanos(t instanceof ZonedDateTime z ? z.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC));
    }

    private Long patterned(String value) {
        TemporalAccessor t = pattern.parseBest(value.trim(), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        Instant instant = t instanceof ZonedDateTime z ? z.toInstant()
                : t instanceof LocalDateTime l ? l.toInstant(ZoneOffset.UTC)
                : ((LocalDate) t).atStartOfDay().toInstant(ZoneOffset.UTC);
        return nanos(instant);
    }

    private static long nanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    }

    @Override
    public String toString() {
        return text;
    }
}
