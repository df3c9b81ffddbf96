package org.flowlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowlab workload}: describe, generate or import a workload trace. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Describe or generate the workload of a scenario, or import an event log as a trace.",
        subcommands = {WorkloadDescribeCommand.class, WorkloadGenerateCommand.class, WorkloadImportCommand.class},
        footer = {"", "Examples:", "  ./flowlab workload describe --scenario card-fraud",
                "  ./flowlab workload generate --scenario nexmark --seed 7 --out nexmark.jsonl",
                "  ./flowlab workload import --from purchases.csv --event-time ts --key card --out purchases.jsonl"})
final class WorkloadCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
