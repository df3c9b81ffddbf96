package org.flowlab.experiment;

import java.util.Objects;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.stream.RestartStrategy;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * The knobs a comparison sets on its engines, one value for all of them; each engine reads the
 * ones that concern it. Times are virtual nanoseconds.
 *
 * @param batchInterval      batch: the schedule, one run every this long
 * @param microbatchInterval micro-batch: the trigger interval
 * @param checkpointInterval stream: time between checkpoints
 * @param delivery           stream: the sink's guarantee
 * @param cluster            workers, slots and price, the same for every engine
 * @param eventTime          the event-time contract — watermark delay and allowed lateness — the
 *                           same for every engine (see {@link EventTimeContract})
 * @param output             final results only, or partial ones too, the same for every engine
 *                           (see {@link OutputMode})
 * @param earlyFireInterval  stream, with {@link OutputMode#UPDATES}: how often a window emits its
 *                           partial result (the batch engines do at every run)
 * @param costs              what each step of work costs in virtual time, the same for every engine:
 *                           {@link CostModel#defaults()}, or a profile that {@code flowlab calibrate}
 *                           measured ({@code --cost-profile FILE})
 * @param restartStrategy    stream: when the job restarts after a failure, and when it gives up
 *                           ({@code --restart-strategy}; {@link RestartStrategy#DEFAULT}, Flink's
 *                           exponential delay)
 * @param batchRetries       batch and micro-batch: attempts per task and runs of the same input
 *                           before the job fails ({@link BatchRetries#DEFAULT}, Spark's 4 attempts)
 */
public record EngineSettings(long batchInterval, long microbatchInterval, long checkpointInterval, Delivery delivery,
                             ClusterSpec cluster, EventTimeContract eventTime, OutputMode output,
                             long earlyFireInterval, CostModel costs, RestartStrategy restartStrategy,
                             BatchRetries batchRetries) {

    /**
     * Defaults: a batch every hour (a typical ETL schedule); a micro-batch every 10 s; a checkpoint
     * every minute (a common production setting for keyed state of some size: each checkpoint
     * snapshots all of it, and shorter intervals buy faster recovery and lower exactly-once latency
     * with more snapshot work); at-least-once, Flink's default: outputs are visible at once, and a
     * replay after a failure repeats some of them, which the duplicates figure counts (exactly-once
     * waits for the checkpoint instead: pass {@code --delivery exactly-once} to see the price);
     * {@link ClusterSpec#DEFAULT}; {@link EventTimeContract#DEFAULT} (a watermark 5 s behind, no
     * allowed lateness); final outputs (with {@code updates}, the stream fires early every second);
     * the default cost model; Flink's default restart strategy for the stream and Spark's 4 task
     * attempts for the batch engines.
     */
    public static final EngineSettings DEFAULTS = new EngineSettings(DurationText.NANOS_PER_HOUR,
            10 * DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_MINUTE, Delivery.AT_LEAST_ONCE,
            ClusterSpec.DEFAULT, EventTimeContract.DEFAULT, OutputMode.FINAL, DurationText.NANOS_PER_SECOND,
            CostModel.defaults(), RestartStrategy.DEFAULT, BatchRetries.DEFAULT);

    public EngineSettings {
        positive(batchInterval, "batch interval");
        positive(microbatchInterval, "micro-batch interval");
        positive(checkpointInterval, "checkpoint interval");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(output, "output");
        positive(earlyFireInterval, "early-fire interval");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(restartStrategy, "restartStrategy");
        Objects.requireNonNull(batchRetries, "batchRetries");
    }

    private static void positive(long nanos, String what) {
        if (nanos <= 0) {
            throw new InvalidInputException(what + ": must be a positive duration (got " + DurationText.format(nanos) + ")");
        }
    }

    public static EngineSettings defaults() {
        return DEFAULTS;
    }

    public EngineSettings withBatchInterval(long nanos) {
        return new EngineSettings(nanos, microbatchInterval, checkpointInterval, delivery, cluster, eventTime,
                output, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withMicrobatchInterval(long nanos) {
        return new EngineSettings(batchInterval, nanos, checkpointInterval, delivery, cluster, eventTime,
                output, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withCheckpointInterval(long nanos) {
        return new EngineSettings(batchInterval, microbatchInterval, nanos, delivery, cluster, eventTime,
                output, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withDelivery(Delivery d) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, d, cluster, eventTime,
                output, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withCluster(ClusterSpec c) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, c, eventTime,
                output, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withWorkers(int workers) {
        return withCluster(cluster.withWorkers(workers));
    }

    public EngineSettings withEventTime(EventTimeContract contract) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, cluster, contract,
                output, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withOutput(OutputMode mode) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, cluster, eventTime,
                mode, earlyFireInterval, costs, restartStrategy, batchRetries);
    }

    public EngineSettings withEarlyFireInterval(long nanos) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, cluster, eventTime,
                output, nanos, costs, restartStrategy, batchRetries);
    }

    /** With the event-time contract's watermark delay {@code nanos}, its allowed lateness kept. */
    public EngineSettings withWatermarkDelay(long nanos) {
        return withEventTime(eventTime.withWatermarkDelay(nanos));
    }

    /** With the event-time contract's allowed lateness {@code nanos}, its watermark delay kept. */
    public EngineSettings withAllowedLateness(long nanos) {
        return withEventTime(eventTime.withAllowedLateness(nanos));
    }

    public EngineSettings withCosts(CostModel c) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, cluster, eventTime,
                output, earlyFireInterval, c, restartStrategy, batchRetries);
    }

    public EngineSettings withRestartStrategy(RestartStrategy strategy) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, cluster, eventTime,
                output, earlyFireInterval, costs, strategy, batchRetries);
    }

    public EngineSettings withBatchRetries(BatchRetries retries) {
        return new EngineSettings(batchInterval, microbatchInterval, checkpointInterval, delivery, cluster, eventTime,
                output, earlyFireInterval, costs, restartStrategy, retries);
    }

    /**
     * The settings that concern {@code paradigm}, for tables and legends: {@code every 1h}; a
     * restart strategy or retries other than the defaults are named too.
     */
    public String describe(Paradigm paradigm) {
        return switch (paradigm) {
            case BATCH -> "every " + compact(batchInterval) + (output == OutputMode.UPDATES ? ", updates" : "") + retries();
            case MICROBATCH -> "every " + compact(microbatchInterval) + (output == OutputMode.UPDATES ? ", updates" : "") + retries();
            case STREAM -> delivery.text() + ", checkpoint every " + compact(checkpointInterval)
                    + (output == OutputMode.UPDATES ? ", updates (windows fire early every " + compact(earlyFireInterval) + ")" : "")
                    + (restartStrategy.equals(RestartStrategy.DEFAULT) ? "" : ", restart strategy " + restartStrategy);
        };
    }

    private String retries() {
        return batchRetries.equals(BatchRetries.DEFAULT) ? ""
                : ", " + batchRetries.maxAttempts() + " attempts per task, " + batchRetries.maxRunAttempts() + " per run";
    }

    private static final long[] UNITS = {DurationText.NANOS_PER_DAY, DurationText.NANOS_PER_HOUR,
            DurationText.NANOS_PER_MINUTE, DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_MILLI, 1_000L, 1L};
    private static final String[] UNIT_NAMES = {"d", "h", "m", "s", "ms", "us", "ns"};

    /**
     * A duration the way flags write it, exactly and briefly: {@code 1h30m}, {@code 10s},
     * {@code 250ms}; {@link DurationText#parse} reads it back to the same nanoseconds.
     */
    public static String compact(long nanos) {
        return DurationText.exact(nanos);
    }
}
