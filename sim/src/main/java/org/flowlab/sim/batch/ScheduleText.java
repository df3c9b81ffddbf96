package org.flowlab.sim.batch;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowlab.workloads.InvalidInputException;

/** The text forms of {@link Schedule}: patterns, times of day, exact durations and error messages. */
final class ScheduleText {
    static final Pattern EVERY = Pattern.compile("every (\\S+)");
    static final Pattern DAILY = Pattern.compile("daily (\\S+)");
    static final Pattern OFF_PEAK = Pattern.compile("off-peak (\\S+)\\.\\.(\\S+) below (\\S+)");
    static final Pattern BATCH_SIZE = Pattern.compile("when (\\S+) records? staged");
    private static final Pattern HH_MM = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private ScheduleText() {
    }

    static InvalidInputException bad(String text, String problem) {
        return new InvalidInputException("schedule '" + text.trim() + "': " + problem + "; allowed: " + Schedule.ALLOWED);
    }

    static LocalTime timeOfDay(String text, String hhmm) {
        Matcher m = HH_MM.matcher(hhmm);
        if (!m.matches()) {
            throw bad(text, "'" + hhmm + "' is not a time of day HH:MM");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        if (hour > 23) {
            throw bad(text, "the hour in " + hhmm + " must be 00 to 23");
        }
        if (minute > 59) {
            throw bad(text, "the minute in " + hhmm + " must be 00 to 59");
        }
        return LocalTime.of(hour, minute);
    }

    static String hhmm(LocalTime t) {
        return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    static void requireWholeMinutes(String form, LocalTime t) {
        Objects.requireNonNull(t, "time");
        if (t.getSecond() != 0 || t.getNano() != 0) {
            throw new InvalidInputException("schedule '" + form + "': times of day are whole minutes HH:MM (got " + t + ")");
        }
    }
}
