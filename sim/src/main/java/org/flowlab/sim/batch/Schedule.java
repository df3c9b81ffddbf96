package org.flowlab.sim.batch;

import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * When a batch engine starts a run, as a scheduler would (cron, Airflow): one of five forms, each
 * with a text form that {@link #parse} reads and {@code toString()} writes back:
 * <pre>
 *   every 1h                              {@link FixedInterval}: at 1 h, 2 h, 3 h … of virtual time
 *   daily 02:00                           {@link DailyAt}: every day at 02:00 (virtual time 0 is midnight)
 *   off-peak 00:00..06:00 below 0.3       {@link OffPeak}: each day, the first moment in the window at
 *                                         which the cluster's background load is under 0.3
 *   when 1000000 records staged           {@link BatchSize}: as soon as that many unread records are staged
 *   end of trace                          {@link EndOfTrace}: once, when the last record is staged
 * </pre>
 * Whatever the schedule, a run that starts after the last record is staged reads everything that
 * is left, so the final table is complete; {@link BatchSize} and {@link EndOfTrace}, which would
 * otherwise never fire again, fire once when the last record is staged.
 */
public sealed interface Schedule permits Schedule.FixedInterval, Schedule.DailyAt, Schedule.OffPeak,
        Schedule.BatchSize, Schedule.EndOfTrace {

    /** The forms {@link #parse} accepts, for error messages. */
    String ALLOWED = "every DURATION (every 1h), daily HH:MM (daily 02:00), off-peak HH:MM..HH:MM below LOAD"
            + " (off-peak 00:00..06:00 below 0.3), when N records staged (when 1000000 records staged), end of trace";

    /**
     * The time of this schedule's first firing strictly after {@code after}, for the schedules that
     * depend on time only; {@link BatchSize} and {@link EndOfTrace} depend on the staging area and
     * return {@link Long#MAX_VALUE}.
     */
    long nextAfter(long after, BackgroundLoad load);

    /**
     * The schedule written in {@code text}.
     *
     * @throws InvalidInputException naming the text, what is wrong and the allowed forms
     */
    static Schedule parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        Matcher m;
        if ((m = ScheduleText.EVERY.matcher(s)).matches()) {
            long every;
            try {
                every = DurationText.parse(m.group(1));
            } catch (IllegalArgumentException e) {
                throw ScheduleText.bad(text, m.group(1).startsWith("-") ? "the interval must be positive" : e.getMessage());
            }
            if (every <= 0) {
                throw ScheduleText.bad(text, "the interval must be positive");
            }
            return new FixedInterval(every);
        }
        if ((m = ScheduleText.DAILY.matcher(s)).matches()) {
            return new DailyAt(ScheduleText.timeOfDay(text, m.group(1)));
        }
        if ((m = ScheduleText.OFF_PEAK.matcher(s)).matches()) {
            LocalTime from = ScheduleText.timeOfDay(text, m.group(1));
            LocalTime to = ScheduleText.timeOfDay(text, m.group(2));
            double threshold;
            try {
                threshold = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                throw ScheduleText.bad(text, "the load threshold must be a number above 0 and at most 1");
            }
            if (from.equals(to)) {
                throw ScheduleText.bad(text, "the window is empty; give two different times");
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw ScheduleText.bad(text, "the load threshold must be above 0 and at most 1");
            }
            return new OffPeak(from, to, threshold);
        }
        if ((m = ScheduleText.BATCH_SIZE.matcher(s)).matches()) {
            long records;
            try {
                records = Long.parseLong(m.group(1).replace("_", ""));
            } catch (NumberFormatException e) {
                throw ScheduleText.bad(text, "the record count must be a whole number from 1 to " + Long.MAX_VALUE);
            }
            if (records < 1) {
                throw ScheduleText.bad(text, "the record count must be at least 1");
            }
            return new BatchSize(records);
        }
        if (s.equals("end of trace")) {
            return new EndOfTrace();
        }
        throw ScheduleText.bad(text, "unknown schedule");
    }

    /**
     * Every {@code every} of virtual time, at its whole multiples ({@code every 1h}: 1 h, 2 h …).
     *
     * @param every the interval, positive
     */
    record FixedInterval(long every) implements Schedule {
        public FixedInterval {
            if (every <= 0) {
                throw new InvalidInputException("schedule 'every': the interval must be positive (got " + every + " ns)");
            }
        }

        @Override
        public long nextAfter(long after, BackgroundLoad load) {
            long k = Math.floorDiv(after, every) + 1;
            return k > Long.MAX_VALUE / every ? Long.MAX_VALUE : k * every;
        }

        @Override
        public String toString() {
            return "every " + DurationText.inOneUnit(every);
        }
    }

    /**
     * Every day at {@code time}; virtual time 0 is midnight of day 0.
     *
     * @param time the time of day
     */
    record DailyAt(LocalTime time) implements Schedule {
        public DailyAt {
            ScheduleText.requireWholeMinutes("daily", time);
        }

        @Override
        public long nextAfter(long after, BackgroundLoad load) {
            long offset = time.toNanoOfDay();
            long day = Math.floorDiv(after - offset, DurationText.NANOS_PER_DAY) + 1;
            return day * DurationText.NANOS_PER_DAY + offset;
        }

        @Override
        public String toString() {
            return "daily " + ScheduleText.hhmm(time);
        }
    }

    /**
     * Each day, inside the window from {@code from} to {@code to} (wrapping past midnight when
     * {@code to} is not after {@code from}), the first moment at which the background load is under
     * {@code threshold}; if it never is, at the window's end, as a scheduler's deadline would.
     *
     * @param from      the window's start, time of day
     * @param to        the window's end, time of day, different from {@code from}
     * @param threshold the load the cluster must drop under, in (0, 1]
     */
    record OffPeak(LocalTime from, LocalTime to, double threshold) implements Schedule {
        public OffPeak {
            ScheduleText.requireWholeMinutes("off-peak", from);
            ScheduleText.requireWholeMinutes("off-peak", to);
            if (from.equals(to)) {
                throw new InvalidInputException("schedule 'off-peak': the window " + ScheduleText.hhmm(from) + ".." + ScheduleText.hhmm(to)
                        + " is empty; give two different times");
            }
            if (!(threshold > 0 && threshold <= 1)) {
                throw new InvalidInputException("schedule 'off-peak': the load threshold must be above 0 and at most 1 (got "
                        + threshold + ")");
            }
        }

        @Override
        public long nextAfter(long after, BackgroundLoad load) {
            long day = DurationText.NANOS_PER_DAY;
            long start = from.toNanoOfDay();
            long length = Math.floorMod(to.toNanoOfDay() - start, day);
            // One firing a day; the window of the day before may end after `after`, so start there.
            for (long d = Math.floorDiv(after, day) - 1; ; d++) {
                long windowStart = d * day + start;
                long windowEnd = windowStart + length;
                long quiet = load.firstBelow(windowStart, windowEnd, threshold);
                long fire = quiet >= 0 ? quiet : windowEnd;
                if (fire > after) {
                    return fire;
                }
            }
        }

        @Override
        public String toString() {
            return "off-peak " + ScheduleText.hhmm(from) + ".." + ScheduleText.hhmm(to) + " below " + threshold;
        }
    }

    /**
     * As soon as {@code records} records are staged and not yet read by a run.
     *
     * @param records the batch size, at least 1
     */
    record BatchSize(long records) implements Schedule {
        public BatchSize {
            if (records < 1) {
                throw new InvalidInputException("schedule 'when N records staged': N must be at least 1 (got " + records + ")");
            }
        }

        @Override
        public long nextAfter(long after, BackgroundLoad load) {
            return Long.MAX_VALUE;
        }

        @Override
        public String toString() {
            return "when " + records + " records staged";
        }
    }

    /** Once, when the last record of the trace is staged. */
    record EndOfTrace() implements Schedule {
        @Override
        public long nextAfter(long after, BackgroundLoad load) {
            return Long.MAX_VALUE;
        }

        @Override
        public String toString() {
            return "end of trace";
        }
    }
}
