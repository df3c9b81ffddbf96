package org.flowlab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.flowlab.bench.CostProfile;
import org.flowlab.bench.JmhSettings;
import org.flowlab.bench.JmhSuite;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowlab calibrate}: measures the operators' real per-record cost and writes a cost profile. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measure the real per-record cost of Flowlab's operators on this machine with short JMH runs "
                + "(OperatorBenchmark: map/filter, keyed aggregate, window-pane update, state snapshot; 1 fork, "
                + "3 warm-up and 3 measured iterations of 1 s each by default) and write a cost profile in "
                + "cost-model.json's shape: stream.record and batch.record from map/filter, stream.stateAccess from "
                + "the keyed aggregate, stream.checkpointPerEntry from the snapshot; every other field keeps its "
                + "default. The JMH JSON goes beside it."},
        footer = {"", "Examples:", "  ./flowlab calibrate",
                "  ./flowlab calibrate --out my-laptop.json --iterations 5 --time 1s"})
final class CalibrateCommand implements Runnable {
    static final String BENCHMARKS = "org\\.flowlab\\.bench\\.OperatorBenchmark\\.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Where to write the profile (default: results/cost-profiles/<host>-<date>.json).")
    Path out;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1", description = "JVM forks; 0 runs in this JVM (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup-iterations", paramLabel = "N", defaultValue = "3", description = "Warm-up iterations (default: ${DEFAULT-VALUE}).")
    int warmupIterations;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "3", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Length of each warm-up and measured iteration (default: ${DEFAULT-VALUE}).")
    long iterationNanos;

    @Override
    public void run() {
        if (warmupIterations < 0) {
            // JmhSettings takes -1 for "each benchmark's own", which calibrate does not offer.
            throw new InvalidInputException("--warmup-iterations must be >= 0, got " + warmupIterations);
        }
        JmhSettings settings = new JmhSettings(BENCHMARKS, forks, warmupIterations, iterationNanos, iterations,
                iterationNanos, Map.of(), false);
        String host = BenchTableCommand.host().replaceAll("[^A-Za-z0-9._-]", "_");
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path profile = out != null ? out : ResultsLocation.root().resolve("cost-profiles").resolve(host + "-" + date + ".json");
        BenchCommand.requireFileName(profile);
        Path parent = profile.toAbsolutePath().getParent();
        String base = profile.toAbsolutePath().getFileName().toString().replaceFirst("\\.json$", "");
        Path jmhJson = parent.resolve(base + ".jmh.json");
        PrintWriter o = spec.commandLine().getOut();
        var results = JmhSuite.run(settings, WriterStream.printStream(o), jmhJson);
        AtomicFiles.writeString(profile, CostProfile.json(JmhSuite.nanosPerOperation(results),
                JmhSuite.scoreErrors(results), CostModel.defaults(), host, date));
        o.printf("wrote the cost profile %s (JMH result: %s)%n", profile, jmhJson);
        o.flush();
    }
}
