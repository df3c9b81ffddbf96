package org.flowlab.experiment;

import org.flowlab.sim.registry.EngineRegistry;
import java.util.List;
import org.flowlab.sim.fault.FaultPlan;

/**
 * The experiments whose results are committed under {@code results/reference/}, so a visitor sees
 * the trade-off before running anything; {@code ./flowlab reference} regenerates them.
 */
public final class ReferencePlans {

    /** The continuum the reference sweep covers: batch and micro-batch intervals from a second to an hour. */
    public static final String INTERVALS = "interval=1s..1h:7:log";

    private ReferencePlans() {
    }

    /** The reference comparison: the showcase of {@code ./flowlab compare}. */
    public static ComparisonPlan comparison() {
        return ComparisonPlan.showcase();
    }

    /**
     * The reference sweep: the showcase's workload and SLA without its crash, with the batch and
     * micro-batch intervals swept from a second to an hour on a log scale; the stream, which no
     * interval concerns, is the line they tend to.
     */
    public static SweepPlan sweep(EngineRegistry engines) {
        return new SweepPlan(ComparisonPlan.showcase().withFaults(FaultPlan.NONE).withEngines(engines.all()),
                List.of(Variation.parse(INTERVALS, engines)), false);
    }
}
