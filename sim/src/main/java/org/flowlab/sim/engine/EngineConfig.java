package org.flowlab.sim.engine;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.text.DurationText;

/**
 * The settings every engine's configuration takes alike, the ones a comparison gives each engine
 * the same: the cluster, the cost model, the event-time contract, the output mode, the faults and
 * the seed. Each configuration keeps its own knobs (a schedule, a trigger interval, checkpoints) on
 * its own type; {@code withX} copies return that type, so
 * {@code BatchConfig.defaults().withWatermarkDelay("5m").withSchedule("daily 02:00")} reads as one chain.
 *
 * @param <C> the configuration type itself
 */
public interface EngineConfig<C extends EngineConfig<C>> {

    /** The watermark delay and allowed lateness, the same contract every engine of a comparison is given. */
    EventTimeContract eventTime();

    C withEventTime(EventTimeContract contract);

    C withOutput(OutputMode mode);

    C withCluster(ClusterSpec cluster);

    C withCosts(CostModel costs);

    C withFaults(FaultPlan faults);

    C withSeed(long seed);

    /**
     * With everything a comparison gives every engine alike: {@code common}'s cluster, cost model, event-time
     * contract and output mode, the faults and the seed. Each engine's registration ({@link EngineType}) builds
     * its configuration through this one call, so no engine can be handed less.
     */
    default C withCommon(CommonSettings common, FaultPlan faults, long seed) {
        return withEventTime(common.eventTime()).withOutput(common.output()).withCluster(common.cluster())
                .withCosts(common.costs()).withFaults(faults).withSeed(seed);
    }

    /** With the event-time contract's watermark delay {@code nanos}, its allowed lateness kept. */
    default C withWatermarkDelay(long nanos) {
        return withEventTime(eventTime().withWatermarkDelay(nanos));
    }

    /** With the event-time contract's allowed lateness {@code nanos}, its watermark delay kept. */
    default C withAllowedLateness(long nanos) {
        return withEventTime(eventTime().withAllowedLateness(nanos));
    }

    /** With the watermark delay written in {@code duration}, for example {@code 5s}. */
    default C withWatermarkDelay(String duration) {
        return withWatermarkDelay(DurationText.parse(duration));
    }

    /** With the allowed lateness written in {@code duration}, for example {@code 1m}. */
    default C withAllowedLateness(String duration) {
        return withAllowedLateness(DurationText.parse(duration));
    }

    /** With the faults written in {@code plan}, for example {@code crash:worker=1@30s} ({@link FaultPlan#parse}). */
    default C withFaults(String plan) {
        return withFaults(FaultPlan.parse(plan));
    }
}
