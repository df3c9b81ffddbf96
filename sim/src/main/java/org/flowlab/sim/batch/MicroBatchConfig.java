package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * How the micro-batch engine runs a job, Spark Structured Streaming's model: a trigger every
 * {@code interval}, state carried between triggers, and windows emitted once the watermark — the
 * largest event time read minus {@code watermarkDelay} — passes their end (append mode).
 * {@code MicroBatchConfig.defaults().withInterval("100ms")}.
 *
 * @param interval       the trigger interval, 100 ms to 1 h
 * @param watermarkDelay how far the watermark trails the largest event time read, >= 0
 * @param latePolicy     reprocess records behind the watermark (the default, so results stay exact;
 *                       a window already emitted is emitted again) or drop them as Spark does
 * @param execution      the cluster, costs, task size, retries, speculation, load, faults and seed
 */
public record MicroBatchConfig(long interval, long watermarkDelay, LatePolicy latePolicy, ExecutionSettings execution) {

    /** The shortest trigger interval: below it, per-trigger overhead leaves no time for work. */
    public static final long MIN_INTERVAL = 100 * DurationText.NANOS_PER_MILLI;
    /** The longest trigger interval: the top of the sweep from micro-batch to batch. */
    public static final long MAX_INTERVAL = DurationText.NANOS_PER_HOUR;
    /** The default watermark delay: ten seconds of disorder tolerated. */
    public static final long DEFAULT_WATERMARK_DELAY = 10 * DurationText.NANOS_PER_SECOND;

    public MicroBatchConfig {
        Objects.requireNonNull(latePolicy, "latePolicy");
        Objects.requireNonNull(execution, "execution");
        if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
            throw new InvalidInputException("micro-batch: the trigger interval must be between 100 ms and 1 h (got "
                    + (interval <= 0 ? interval + " ns" : DurationText.format(interval)) + ")");
        }
        if (watermarkDelay < 0) {
            throw new InvalidInputException("micro-batch: watermarkDelay must be >= 0 (got " + watermarkDelay + " ns)");
        }
    }

    /** A trigger every second on the default always-on cluster, watermark 10 s behind, late records reprocessed. */
    public static MicroBatchConfig defaults() {
        return new MicroBatchConfig(DurationText.NANOS_PER_SECOND, DEFAULT_WATERMARK_DELAY, LatePolicy.REPROCESS,
                ExecutionSettings.defaults().withRetries(Retries.DEFAULT.withRerunDelay(10 * DurationText.NANOS_PER_SECOND)));
    }

    /**
     * The settings of a JSON object, every field optional: {@code {"interval": "1s", "watermarkDelay":
     * "10s", "latePolicy": "drop"}} plus the execution fields of {@link BatchConfig#fromJson}.
     *
     * @throws InvalidInputException naming the file, the field and what is allowed
     */
    public static MicroBatchConfig fromJson(SpecReader r) {
        r.rejectUnknown(ConfigJson.withCommon("interval", "watermarkDelay", "latePolicy"));
        MicroBatchConfig c = defaults();
        if (r.has("interval")) {
            long interval = r.durationOrZero("interval");
            if (interval < MIN_INTERVAL || interval > MAX_INTERVAL) {
                throw r.error("interval", "must be between 100ms and 1h (got \"" + r.string("interval") + "\")");
            }
            c = c.withInterval(interval);
        }
        if (r.has("watermarkDelay")) {
            c = c.withWatermarkDelay(r.durationOrZero("watermarkDelay"));
        }
        if (r.has("latePolicy")) {
            c = c.withLatePolicy(ConfigJson.latePolicy(r));
        }
        return c.withExecution(ConfigJson.execution(r, c.execution()));
    }

    /** A short name for tables, for example {@code micro-batch(1s)}. */
    public String engineName() {
        return "micro-batch(" + ScheduleText.compact(interval) + ")";
    }

    public MicroBatchConfig withInterval(long i) {
        return new MicroBatchConfig(i, watermarkDelay, latePolicy, execution);
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

    public MicroBatchConfig withWatermarkDelay(long d) {
        return new MicroBatchConfig(interval, d, latePolicy, execution);
    }

    public MicroBatchConfig withLatePolicy(LatePolicy p) {
        return new MicroBatchConfig(interval, watermarkDelay, p, execution);
    }

    public MicroBatchConfig withExecution(ExecutionSettings e) {
        return new MicroBatchConfig(interval, watermarkDelay, latePolicy, e);
    }

    public MicroBatchConfig withCluster(ClusterSpec cluster) {
        return withExecution(execution.withCluster(cluster));
    }

    public MicroBatchConfig withClusterMode(ClusterMode m) {
        return withExecution(execution.withClusterMode(m));
    }

    public MicroBatchConfig withCosts(CostModel costs) {
        return withExecution(execution.withCosts(costs));
    }

    public MicroBatchConfig withFaults(FaultPlan faults) {
        return withExecution(execution.withFaults(faults));
    }

    public MicroBatchConfig withSeed(long seed) {
        return withExecution(execution.withSeed(seed));
    }
}
