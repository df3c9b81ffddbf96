package org.flowlab.sim.engine;

import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.text.DurationText;

/**
 * The event-time contract every engine of a comparison is given, defined here once: how far the
 * watermark trails the largest event time read (bounded out-of-orderness: Flink's
 * {@code forBoundedOutOfOrderness}, Spark's {@code withWatermark}) and how long after the
 * watermark passes a window that window still takes records (Flink's allowed lateness). Engines
 * with a watermark — the stream and the micro-batch — judge every record by the rules below against
 * their own watermark and drop what is late to a counted side output; the batch engine, which reads
 * complete partitions, uses the watermark to decide which windows are complete and corrects a
 * partition that a late record reaches by running it again (a correction), so it drops nothing.
 * <pre>{@code
 * EventTimeContract c = EventTimeContract.DEFAULT.withWatermarkDelay("10s").withAllowedLateness("1m");
 * }</pre>
 *
 * <p>The rules. A watermark after reading event times up to {@code max} is
 * {@code max − watermarkDelay − 1} (Flink's bounded out-of-orderness generator: every record at most
 * {@code watermarkDelay} behind the largest is on time). A row bound for a tumbling, sliding or
 * global window is late when the first of its windows ends at or before the watermark less the
 * allowed lateness — it is then dropped from all its windows, so that a run's results differ from
 * the oracle's by exactly whole late rows. Allowed lateness applies only to a window that is the
 * job's last step (no step after it): a window whose results go on to further steps cannot be
 * corrected without retractions downstream. A row bound for a session window or a keyed process function
 * is late when its event time is at or before the watermark (the state it would join may already
 * have been emitted or processed past it).
 *
 * @param watermarkDelay  how far the watermark trails the largest event time read, 0 to 366 days
 * @param allowedLateness how long after the watermark passes a (last-step) window it still takes
 *                        records and emits the window again, 0 to 366 days
 */
public record EventTimeContract(long watermarkDelay, long allowedLateness) {

    /** The largest delay or lateness accepted: a year, beyond which a duration is surely a unit mistake. */
    public static final long MAX = 366 * DurationText.NANOS_PER_DAY;

    /**
     * Five seconds of watermark delay and no allowed lateness: a common production setting
     * (Flink's allowed lateness defaults to 0), enough for network and queueing disorder, not for a
     * terminal that forwards its transactions minutes later — those are the late records.
     */
    public static final EventTimeContract DEFAULT = new EventTimeContract(5 * DurationText.NANOS_PER_SECOND, 0);

    public EventTimeContract {
        check("watermark delay", watermarkDelay);
        check("allowed lateness", allowedLateness);
    }

    private static void check(String what, long nanos) {
        if (nanos < 0 || nanos > MAX) {
            throw new InvalidInputException("event time: the " + what + " must be a duration from 0 to 366d (got "
                    + (nanos < 0 ? nanos + " ns" : DurationText.format(nanos)) + ")");
        }
    }

    public EventTimeContract withWatermarkDelay(long nanos) {
        return new EventTimeContract(nanos, allowedLateness);
    }

    /** With the watermark delay written in {@code text}, for example {@code 10s}. */
    public EventTimeContract withWatermarkDelay(String text) {
        return withWatermarkDelay(DurationText.parse(text));
    }

    /**
     * The contract under which no event of {@code trace} is late: a watermark delay of its
     * {@linkplain Trace#disorder disorder} rounded up to the next whole second, no allowed
     * lateness; the contract of {@code flowlab flink}. The second to spare covers a stream task
     * whose watermark an idle partition let run ahead of a record's own partition.
     */
    public static EventTimeContract coveringDisorder(Trace trace) {
        long second = DurationText.NANOS_PER_SECOND;
        return DEFAULT.withWatermarkDelay((trace.disorder() / second + 1) * second).withAllowedLateness(0);
    }

    public EventTimeContract withAllowedLateness(long nanos) {
        return new EventTimeContract(watermarkDelay, nanos);
    }

    /** With the allowed lateness written in {@code text}, for example {@code 1m}. */
    public EventTimeContract withAllowedLateness(String text) {
        return withAllowedLateness(DurationText.parse(text));
    }

    /**
     * The watermark once event times up to {@code maxEventTime} have been read:
     * {@code maxEventTime − watermarkDelay − 1}, or {@code Long.MIN_VALUE} before any.
     */
    public long watermarkAfter(long maxEventTime) {
        if (maxEventTime == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return saturatedAdd(maxEventTime, -watermarkDelay - 1);
    }

    /** The allowed lateness of a window aggregate: the contract's for the job's last step, else 0. */
    public long latenessOfWindow(boolean lastStep) {
        return lastStep ? allowedLateness : 0;
    }

    /**
     * Whether a row whose first window ends at {@code firstWindowEnd} is late against {@code watermark}:
     * that window's last instant plus the window's allowed lateness is at or before the watermark.
     */
    public boolean windowRowIsLate(long firstWindowEnd, boolean lastStep, long watermark) {
        return windowIsExpired(firstWindowEnd, lastStep, watermark);
    }

    /**
     * Whether a window ending at {@code windowEnd} takes no more rows at {@code watermark}: its last
     * instant plus its allowed lateness is at or before the watermark, so its state can go.
     */
    public boolean windowIsExpired(long windowEnd, boolean lastStep, long watermark) {
        return saturatedAdd(windowEnd - 1, latenessOfWindow(lastStep)) <= watermark;
    }

    /** Whether a row for a session window or a keyed process function is late: at or before the watermark. */
    public boolean rowIsLate(long eventTime, long watermark) {
        return eventTime <= watermark;
    }

    /** For tables and run.json: {@code watermark 5 s behind, allowed lateness 0 s}. */
    public String describe() {
        return "watermark " + DurationText.format(watermarkDelay) + " behind the largest event time, allowed lateness "
                + DurationText.format(allowedLateness);
    }

    /** Adds {@code b} to {@code a}, saturating at the ends of time. */
    static long saturatedAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }
}
