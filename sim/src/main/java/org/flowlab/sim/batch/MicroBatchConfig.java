package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * How the micro-batch engine runs a job, Spark Structured Streaming's model: a trigger every
 * {@code interval}, state carried between triggers, and windows emitted once the watermark — the
 * event-time contract's, after the largest event time read by committed triggers — passes their
 * end (in the {@code final} output mode, Spark's append mode; {@code updates} also upserts the
 * partial windows every trigger touches). Records the contract finds late against that watermark are dropped and
 * counted, as Spark drops records behind its watermark; a window within its allowed lateness takes
 * a late record and is emitted again. {@code MicroBatchConfig.defaults().withInterval("100ms")}; the
 * {@code withX} copies it shares with the batch engine's config are {@link RunLoopConfig}'s.
 *
 * @param interval  the trigger interval, 100 ms to 1 h
 * @param eventTime the watermark delay and allowed lateness, the same contract every engine of a
 *                  comparison is given
 * @param output    append ({@code final}) or update ({@code updates}) output mode ({@link OutputMode})
 * @param execution the cluster, costs, task size, retries, speculation, load, faults and seed
 */
public record MicroBatchConfig(long interval, EventTimeContract eventTime, OutputMode output, ExecutionSettings execution)
        implements RunLoopConfig<MicroBatchConfig> {

    /** The shortest trigger interval: below it, per-trigger overhead leaves no time for work. */
    public static final long MIN_INTERVAL = 100 * DurationText.NANOS_PER_MILLI;
    /** The longest trigger interval: the top of the sweep from micro-batch to batch. */
    public static final long MAX_INTERVAL = DurationText.NANOS_PER_HOUR;
    public MicroBatchConfig {
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(execution, "execution");
        if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            throw new InvalidInputException("micro-batch: the trigger interval must be between 100 ms and 1 h (got "
                    + (interval <= 0 ? interval + " ns" : DurationText.format(interval)) + ")");
        }
    }

    /** A trigger every second on the default always-on cluster, the default event-time contract, final outputs. */
    public static MicroBatchConfig defaults() {
        return new MicroBatchConfig(DurationText.NANOS_PER_SECOND, EventTimeContract.DEFAULT, OutputMode.FINAL,
                ExecutionSettings.defaults().withRetries(Retries.DEFAULT.withRerunDelay(10 * DurationText.NANOS_PER_SECOND)));
    }

    /**
     * The settings of a JSON object, every field optional: {@code {"interval": "1s", "watermarkDelay":
     * "10s", "allowedLateness": "1m"}} plus the execution fields of {@link BatchConfig#fromJson}.
     *
     * @throws InvalidInputException naming the file, the field and what is allowed
     */
    public static MicroBatchConfig fromJson(SpecReader r) {
        r.rejectUnknown(ConfigJson.withCommon("interval", "watermarkDelay", "allowedLateness", "output"));
        MicroBatchConfig c = defaults();
        if (r.has("interval")) {
            long interval = r.durationOrZero("interval");
            if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
                throw r.error("interval", "must be between 100ms and 1h (got \"" + r.string("interval") + "\")");
            }
            c = c.withInterval(interval);
        }
        return ConfigJson.shared(r, c);
    }

    /** A short name for tables, for example {@code micro-batch(1s)}. */
    @Override
    public String engineName() {
        return "micro-batch(" + DurationText.inOneUnit(interval) + ")";
    }

    public MicroBatchConfig withInterval(long i) {
        return new MicroBatchConfig(i, eventTime, output, execution);
    }

    /** With the interval written in {@code text}, for example {@code 100ms}. */
    public MicroBatchConfig withInterval(String text) {
        long i;
        try {
            i = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("micro-batch: the trigger interval " + e.getMessage());
        }
        return withInterval(i);
    }

    @Override
    public MicroBatchConfig withRunLoop(EventTimeContract eventTime, OutputMode output, ExecutionSettings execution) {
        return new MicroBatchConfig(interval, eventTime, output, execution);
    }
}
