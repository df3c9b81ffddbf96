package org.flowlab.cli;

import java.io.PrintWriter;
import org.flowlab.workloads.scenario.Scenario;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flowlab scenarios}: the catalog, one line each. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the scenario catalog, one line each.",
        footer = {"", "Example:", "  ./flowlab scenarios"})
final class ScenariosCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        int width = ScenarioCatalog.names().stream().mapToInt(String::length).max().orElse(0);
        for (Scenario s : ScenarioCatalog.all()) {
            out.printf("%-" + width + "s  %s%n", s.name(), s.summary());
        }
        out.flush();
    }
}
