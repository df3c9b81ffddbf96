package org.flowlab.experiment;

import org.flowlab.sim.batch.BatchConfig;
import org.flowlab.sim.batch.BatchEngine;
import org.flowlab.sim.batch.ClusterMode;
import org.flowlab.sim.batch.ExecutionSettings;
import org.flowlab.sim.batch.MicroBatchConfig;
import org.flowlab.sim.batch.MicroBatchEngine;
import org.flowlab.sim.batch.Schedule;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;

/**
 * The engines of this build, configured from a comparison's settings: what {@code flowlab compare}
 * runs. The settings map onto each engine's own configuration, whose other knobs keep their
 * documented defaults. Every engine gets the same cluster, cost model, event-time contract
 * (watermark delay and allowed lateness), output mode, faults and seed, and is billed by the one
 * rule of {@link org.flowlab.sim.cluster.ClusterTenancy}: its workers, for every instant its
 * cluster is held, busy or idle, at the settings' price. A failed task attempt is retried as the
 * settings' {@link BatchRetries} say (Spark's 4 attempts) in both batch engines; the stream restarts
 * under the settings' restart strategy (Flink's exponential delay by default):
 * <ul>
 *   <li>batch — a run every batch interval ({@code every} schedule) on an ephemeral cluster, as an
 *       hourly or nightly job usually runs: held from a run's request, its cold start included, to
 *       its end, then kept warm for the 10-minute warm pool, so runs closer together than the pool
 *       hold it all along; a record arriving for a partition that already ran is corrected by the
 *       next run, so its results stay exact.</li>
 *   <li>micro-batch — a trigger every micro-batch interval (100 ms to 1 h) on an always-on cluster,
 *       held like the stream's from the trace's start to the run's end; records the contract finds
 *       late are dropped and counted, as Spark does.</li>
 *   <li>stream — the checkpoint interval and the delivery guarantee; source partitions and keyed
 *       parallelism equal the cluster's slots (Flink's slot sharing: one subtask of each stage per
 *       slot), so more workers mean more parallel tasks; records the contract finds late are
 *       dropped and counted, as Flink does.</li>
 * </ul>
 */
public final class StandardEngines implements EngineFactory {

    /** The one instance; it holds no state. */
    public static final StandardEngines FACTORY = new StandardEngines();

    private StandardEngines() {
    }

    @Override
    public Engine create(Paradigm paradigm, EngineSettings settings, FaultPlan faults, long seed) {
        return switch (paradigm) {
            case BATCH -> {
                BatchConfig c = BatchConfig.defaults();
                yield new BatchEngine(c.withExecution(retried(c.execution(), settings))
                        .withSchedule(new Schedule.FixedInterval(settings.batchInterval())).withEventTime(settings.eventTime())
                        .withOutput(settings.output())
                        .withCluster(settings.cluster()).withClusterMode(ClusterMode.EPHEMERAL).withCosts(settings.costs())
                        .withFaults(faults).withSeed(seed));
            }
            case MICROBATCH -> {
                MicroBatchConfig c = MicroBatchConfig.defaults();
                yield new MicroBatchEngine(c.withExecution(retried(c.execution(), settings))
                        .withInterval(settings.microbatchInterval())
                        .withEventTime(settings.eventTime()).withOutput(settings.output()).withCluster(settings.cluster())
                        .withCosts(settings.costs())
                        .withFaults(faults).withSeed(seed));
            }
            case STREAM -> stream(settings, faults, seed);
        };
    }

    /** {@code e} with the settings' attempts; applied before the cluster, costs and faults, which withExecution would replace. */
    private static ExecutionSettings retried(ExecutionSettings e, EngineSettings s) {
        return e.withRetries(s.batchRetries().applyTo(e.retries()));
    }

    static Engine stream(EngineSettings s, FaultPlan faults, long seed) {
        int slots = s.cluster().totalSlots();
        StreamConfig config = StreamConfig.defaults().withCluster(s.cluster()).withCosts(s.costs()).withSourcePartitions(slots)
                .withParallelism(slots).withCheckpointInterval(s.checkpointInterval()).withEventTime(s.eventTime())
                .withOutput(s.output()).withEarlyFireInterval(s.earlyFireInterval())
                .withDelivery(s.delivery() == Delivery.EXACTLY_ONCE ? org.flowlab.sim.stream.Delivery.EXACTLY_ONCE
                        : org.flowlab.sim.stream.Delivery.AT_LEAST_ONCE)
                .withRestartStrategy(s.restartStrategy())
                .withFaults(faults).withSeed(seed).validated();
        return new StreamEngine(config);
    }
}
