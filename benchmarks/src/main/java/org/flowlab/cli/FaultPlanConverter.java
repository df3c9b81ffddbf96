package org.flowlab.cli;

import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;

/** Reads a fault plan: {@code crash:worker=2@1h+30s;task-fail:p=0.01}, or {@code none}. */
public final class FaultPlanConverter implements CommandLine.ITypeConverter<FaultPlan> {
    @Override
    public FaultPlan convert(String value) {
        try {
            return FaultPlan.parse(value);
        } catch (InvalidInputException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
