package org.flowlab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowlab workload}: describe or generate a workload trace. */
@Command(name = "workload", mixinStandardHelpOptions = true,
        description = "Describe or generate the workload of a scenario.",
        subcommands = {WorkloadDescribeCommand.class, WorkloadGenerateCommand.class},
        footer = {"", "Examples:", "  ./flowlab workload describe --scenario card-fraud",
                "  ./flowlab workload generate --scenario nexmark --seed 7 --out nexmark.jsonl"})
final class WorkloadCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
