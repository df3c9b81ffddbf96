package org.flowlab.sim.stream;

import java.util.Objects;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.EngineConfig;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * How the stream engine runs a job. Build from {@link #defaults()} with {@code withX} copies:
 * <pre>{@code
 * StreamConfig c = StreamConfig.defaults().withParallelism(8).withDelivery(Delivery.EXACTLY_ONCE)
 *         .withCheckpointInterval("1s").withFaults(FaultPlan.parse("crash:worker=1@30s"));
 * }</pre>
 * Every value is checked when the config is made, and what depends on several values when a run
 * starts ({@link #validated()}); a bad one is an {@link InvalidInputException} naming the field and
 * what is allowed. Durations are virtual nanoseconds. What every engine's configuration takes alike,
 * and its shorthands ({@code withWatermarkDelay("5s")}, {@code withFaults("crash:worker=1@30s")}),
 * is {@link EngineConfig}'s.
 *
 * @param cluster              the workers and slots tasks are placed on
 * @param costs                what each step of work costs in virtual time
 * @param sourcePartitions     how many partitions (and source tasks) the trace is split into, by key hash
 * @param parallelism          how many tasks each keyed stage runs
 * @param channelCapacity      records a channel between two tasks holds before its producer blocks
 * @param watermarkInterval    how often sources emit watermarks (Flink: 200 ms)
 * @param eventTime            the watermark delay (bounded out-of-orderness) and allowed lateness,
 *                             the same contract every engine of a comparison is given
 * @param output               final results only, or partial results too ({@link OutputMode})
 * @param earlyFireInterval    with {@link OutputMode#UPDATES}: how often, in processing time, a window
 *                             that is the job's last step emits its partial result if it changed
 *                             (Flink's early-firing trigger)
 * @param idleTimeout          a partition that reads nothing for this long is idle and does not hold
 *                             the watermark back; 0 = never idle
 * @param checkpointing        whether checkpoints are taken
 * @param checkpointInterval   time between checkpoint triggers
 * @param delivery             at-least-once or exactly-once sinks
 * @param heartbeatTimeout     how long until a crashed worker is noticed (by default
 *                             {@link WorkerCrash#DEFAULT_DETECTION_DELAY}, the batch engines' too)
 * @param restartStrategy      when the job restarts after a failure, and when it gives up
 *                             ({@link RestartStrategy#DEFAULT}: Flink's exponential delay); after a
 *                             worker crash the restart also waits for the worker to be back
 * @param faults               the faults to inject
 * @param seed                 the run seed (random task failures)
 */
public record StreamConfig(
        ClusterSpec cluster,
        CostModel costs,
        int sourcePartitions,
        int parallelism,
        int channelCapacity,
        long watermarkInterval,
        EventTimeContract eventTime,
        OutputMode output,
        long earlyFireInterval,
        long idleTimeout,
        boolean checkpointing,
        long checkpointInterval,
        Delivery delivery,
        long heartbeatTimeout,
        RestartStrategy restartStrategy,
        FaultPlan faults,
        long seed) implements EngineConfig<StreamConfig> {

    private static final long MS = DurationText.NANOS_PER_MILLI;
    private static final long S = DurationText.NANOS_PER_SECOND;
    /** Larger values are surely a unit mistake, and would overflow event-time arithmetic. */
    private static final long MAX_DURATION = 36_500L * DurationText.NANOS_PER_DAY;

    private static final StreamConfig DEFAULTS = new StreamConfig(ClusterSpec.defaults(), CostModel.defaults(),
            4, 4, 1024, 200 * MS, EventTimeContract.DEFAULT, OutputMode.FINAL, S, 10 * S, true, 10 * S,
            Delivery.AT_LEAST_ONCE,
            WorkerCrash.DEFAULT_DETECTION_DELAY, RestartStrategy.DEFAULT, FaultPlan.NONE, 1);

    public StreamConfig {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(restartStrategy, "restartStrategy");
        atLeastOne("sourcePartitions", sourcePartitions);
        atLeastOne("parallelism", parallelism);
        atLeastOne("channelCapacity", channelCapacity);
        positive("watermarkInterval", watermarkInterval);
        positive("earlyFireInterval", earlyFireInterval);
        nonNegative("idleTimeout", idleTimeout);
        if (checkpointInterval <= 0) {
            throw new InvalidInputException("stream config: checkpointInterval must be a positive duration (got "
                    + checkpointInterval + " ns); to take no checkpoints use withCheckpointing(false)");
        }
        positive("checkpointInterval", checkpointInterval);
        nonNegative("heartbeatTimeout", heartbeatTimeout);
    }

    /**
     * Checks what depends on several fields at once — the engine does so when a run starts, so that
     * {@code withX} copies can be made in any order.
     *
     * @throws InvalidInputException if exactly-once is asked for without checkpoints, the cluster has
     *                               too few slots, or a fault names a worker the cluster lacks
     * @return this config
     */
    public StreamConfig validated() {
        if (delivery == Delivery.EXACTLY_ONCE && !checkpointing) {
            throw new InvalidInputException("stream config: delivery EXACTLY_ONCE needs checkpointing (outputs are "
                    + "committed by checkpoints); turn checkpointing on or use AT_LEAST_ONCE");
        }
        int needed = Math.max(sourcePartitions, parallelism);
        if (needed > cluster.totalSlots()) {
            throw new InvalidInputException("stream config: " + (parallelism >= sourcePartitions
                    ? "parallelism " + parallelism : "sourcePartitions " + sourcePartitions) + " needs " + needed
                    + " slots, but the cluster has " + cluster.totalSlots() + " (" + cluster.workers() + " workers × "
                    + cluster.slotsPerWorker() + " slots); add workers or slots, or lower it");
        }
        faults.validateFor(cluster);
        return this;
    }

    private static void atLeastOne(String field, int value) {
        if (value < 1) {
            throw new InvalidInputException("stream config: " + field + " must be at least 1 (got " + value + ")");
        }
    }

    private static void positive(String field, long nanos) {
        if (nanos <= 0 || nanos > MAX_DURATION) {
            throw new InvalidInputException("stream config: " + field + " must be a positive duration of at most 36500 days (got "
                    + nanos + " ns)");
        }
    }

    private static void nonNegative(String field, long nanos) {
        if (nanos < 0 || nanos > MAX_DURATION) {
            throw new InvalidInputException("stream config: " + field + " must be a duration between 0 and 36500 days (got "
                    + nanos + " ns)");
        }
    }

    /**
     * The defaults: the default cluster (4 workers × 2 slots) and cost model, 4 partitions, parallelism
     * 4, channels of 1024 records, watermarks every 200 ms, the default event-time contract
     * ({@link EventTimeContract#DEFAULT}), final outputs (with updates, early firing every second),
     * partitions idle after 10 s, a checkpoint every 10 s,
     * at-least-once sinks, the heartbeat timeout of every engine ({@link WorkerCrash#DEFAULT_DETECTION_DELAY}),
     * Flink's default restart strategy (exponential delay from 1 s), no faults, seed 1.
     */
    public static StreamConfig defaults() {
        return DEFAULTS;
    }

    public StreamConfig withCluster(ClusterSpec v) {
        return new StreamConfig(v, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withCosts(CostModel v) {
        return new StreamConfig(cluster, v, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withSourcePartitions(int v) {
        return new StreamConfig(cluster, costs, v, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withParallelism(int v) {
        return new StreamConfig(cluster, costs, sourcePartitions, v, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withChannelCapacity(int v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, v, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withWatermarkInterval(long v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, v, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withEventTime(EventTimeContract v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, v, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withOutput(OutputMode v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, v, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withEarlyFireInterval(long v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, v,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withIdleTimeout(long v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                v, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withCheckpointing(boolean v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, v, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withCheckpointInterval(long v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, v, delivery, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withDelivery(Delivery v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, v, heartbeatTimeout, restartStrategy, faults, seed);
    }

    public StreamConfig withHeartbeatTimeout(long v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, v, restartStrategy, faults, seed);
    }

    public StreamConfig withRestartStrategy(RestartStrategy v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, v, faults, seed);
    }

    public StreamConfig withFaults(FaultPlan v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, v, seed);
    }

    public StreamConfig withSeed(long v) {
        return new StreamConfig(cluster, costs, sourcePartitions, parallelism, channelCapacity, watermarkInterval, eventTime, output, earlyFireInterval,
                idleTimeout, checkpointing, checkpointInterval, delivery, heartbeatTimeout, restartStrategy, faults, v);
    }

    /**
     * Which of the {@link #sourcePartitions} source partitions a key's records are read from: by the
     * key's hash, as Kafka's default partitioner places a keyed record. A notebook uses it to silence
     * one partition, or to see which keys share one.
     */
    public int sourcePartitionOf(long key) {
        return StreamRecord.partition(key, sourcePartitions);
    }

    /** Source partitions and keyed parallelism both {@code n}. */
    public StreamConfig withTasks(int n) {
        return withParallelism(n).withSourcePartitions(n);
    }

    public StreamConfig withCheckpointInterval(String duration) {
        return withCheckpointInterval(DurationText.parse(duration));
    }
}
