package org.flowlab.cli;

import org.flowlab.sim.fault.FaultPlan;

/** Reads a fault plan: {@code crash:worker=2@1h+30s;task-fail:mtbf=2h}, or {@code none}. */
public final class FaultPlanConverter extends TextConverter<FaultPlan> {
    public FaultPlanConverter() {
        super(FaultPlan::parse);
    }
}
