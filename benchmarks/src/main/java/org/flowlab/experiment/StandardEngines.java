package org.flowlab.experiment;

import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.workloads.InvalidInputException;

/**
 * The engines of this build, configured from a comparison's settings: what {@code flowlab compare}
 * runs. The settings map onto each engine's own configuration, whose other knobs keep their
 * documented defaults:
 * <ul>
 *   <li>stream — the cluster, the checkpoint interval, the delivery guarantee, the faults and the
 *       seed; source partitions and keyed parallelism equal the cluster's slots (Flink's slot
 *       sharing: one subtask of each stage per slot), so more workers mean more parallel tasks; the
 *       allowed lateness as {@link TunedStreamEngine} explains.</li>
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
            case STREAM -> stream(settings, faults, seed);
            case BATCH, MICROBATCH -> throw new InvalidInputException("the " + paradigm.label()
                    + " engine is not part of this build yet; run --engines stream");
        };
    }

    static Engine stream(EngineSettings s, FaultPlan faults, long seed) {
        int slots = s.cluster().totalSlots();
        StreamConfig config = StreamConfig.defaults().withCluster(s.cluster()).withSourcePartitions(slots)
                .withParallelism(slots).withCheckpointInterval(s.checkpointInterval())
                .withDelivery(s.delivery() == Delivery.EXACTLY_ONCE ? org.flowlab.sim.stream.Delivery.EXACTLY_ONCE
                        : org.flowlab.sim.stream.Delivery.AT_LEAST_ONCE)
                .withFaults(faults).withSeed(seed).validated();
        return new TunedStreamEngine(config, s.latenessIsAuto() ? 0 : s.allowedLateness());
    }
}
