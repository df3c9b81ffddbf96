package org.flowlab.cli;

import java.nio.file.Path;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.trace.TraceFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlab workload generate}: writes a scenario's trace as JSON Lines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a scenario's trace and write it as JSON Lines: a header line with the spec "
                + "and the seed, then one event per line in arrival order.",
        footer = {"", "Examples:", "  ./flowlab workload generate --scenario card-fraud --out card-fraud.jsonl",
                "  ./flowlab workload generate --spec my-shop.json --seed 7 --duration 1h --out my-shop.jsonl"})
final class WorkloadGenerateCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--out", paramLabel = "FILE.jsonl", required = true,
            description = "Where to write the trace; written to a temporary name and renamed, so it is never half-written.")
    Path out;

    @Override
    public void run() {
        InputNotOverwritten.check(out, workload.source.specFile, "--spec");
        Trace trace = WorkloadGenerator.generate(workload.spec(), workload.seed());
        TraceFiles.write(trace, out);
        spec.commandLine().getOut().printf("wrote %,d events (%s of event time, seed %d) to %s%n",
                trace.size(), DurationText.format(trace.spec().duration()), trace.seed(), out);
        spec.commandLine().getOut().flush();
    }
}
