package org.flowlab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.flowlab.bench.BenchTable;
import org.flowlab.report.FlinkRunsTable;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowlab bench-table}: rewrites the README's benchmark table from a JMH JSON result. */
@Command(name = "bench-table", mixinStandardHelpOptions = true,
        description = {"Rewrite the benchmark table of README.md (between <!-- bench:start --> and <!-- bench:end -->) "
                + "from the latest results/benchmarks/*.json, or --from FILE: each benchmark's figure, its target "
                + "and its ratio to the hand-written loop, with the machine and the date.",
                "Also rewrites the table of Flowlab against Flink (between <!-- flink:start --> and <!-- flink:end -->) from "
                        + "the newest run of each job in results/flink/, which './flowlab flink ... --out results/flink' writes."},
        footer = {"", "Examples:", "  ./flowlab bench-table",
                "  ./flowlab bench-table --from results/benchmarks/20261125-214500.json --note 'quiet machine'"})
final class BenchTableCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE.json", description = "The JMH JSON result (default: the newest in results/benchmarks/).")
    Path from;

    @Option(names = "--readme", paramLabel = "FILE.md", description = "The README to rewrite (default: README.md of the checkout).")
    Path readme;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "the machine was shared with other builds while measuring, so figures may be low",
            description = "What the caption says about the load (default: ${DEFAULT-VALUE}).")
    String note;

    @Override
    public void run() {
        Path json = from != null ? from : latest(ResultsLocation.root().resolve("benchmarks"));
        Path target = readme != null ? readme : readme();
        rewrite(json, target, note);
        spec.commandLine().getOut().printf("updated the benchmark table in %s from %s%n", target, json);
        spec.commandLine().getOut().flush();
    }

    static Path readme() {
        return ResultsLocation.root().getParent() == null ? Path.of("README.md")
                : ResultsLocation.root().getParent().resolve("README.md");
    }

    /** The newest {@code *.json} in {@code dir} by name (names are timestamps); none is a one-line error. */
    static Path latest(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": no benchmark results yet; run ./flowlab bench first");
        }
        try (Stream<Path> files = Files.list(dir)) {
            Optional<Path> newest = files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
            return newest.orElseThrow(() -> new InvalidInputException(dir + ": no benchmark results yet; run ./flowlab bench first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void rewrite(Path json, Path readme, String note) {
        String jsonText = read(json, "the JMH result");
        String readmeText = read(readme, "the README");
        String name = json.getFileName().toString();
        String caption = String.format(Locale.ROOT, "Measured on %s (%d cores, %s, Java %s) from `%s` (UTC timestamp %s); %s. "
                        + "Regenerate with `./flowlab bench --update-readme` or `./flowlab bench-table`.",
                host(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                System.getProperty("java.version"), name, name.replaceFirst("\\.json$", ""), note);
        String withJmh = BenchTable.rewrite(readme.toString(), readmeText, BenchTable.markdown(json.toString(), jsonText, caption));
        Path flinkRuns = ResultsLocation.root().resolve("flink");
        AtomicFiles.writeString(readme, FlinkRunsTable.rewrite(withJmh, FlinkRunsTable.markdown(
                ResultsLocation.root().getParent() == null ? flinkRuns : ResultsLocation.root().getParent().relativize(flinkRuns), host())));
    }

    static String host() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this machine";
    }

    private static String read(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read " + what);
        }
    }
}
