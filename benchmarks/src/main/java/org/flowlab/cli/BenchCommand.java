package org.flowlab.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.flowlab.bench.JmhSettings;
import org.flowlab.bench.JmhSuite;
import org.flowlab.bench.StateFootprint;
import org.flowlab.bench.StreamEngineBenchmark;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;
import org.flowlab.workloads.text.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code flowlab bench}: runs the JMH suite and keeps JMH's JSON result under {@code results/benchmarks/}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Run the JMH benchmarks whose name matches REGEX (all of org.flowlab.bench by default) and write "
                + "JMH's JSON result to results/benchmarks/<timestamp>.json. Short defaults: 1 fork, 3 warm-up "
                + "iterations of 1 s (" + StreamEngineBenchmark.WARMUP_ITERATIONS + " for StreamEngineBenchmark, whose code "
                + "the JIT settles only after some ten seconds of runs), 5 measured iterations of 1 s per benchmark "
                + "and parameter set; --forks 0 runs in this JVM (starts faster, less isolated). Benchmarks: "
                + "EventQueueBenchmark, TraceGenerationBenchmark, OperatorBenchmark, HandWrittenLoopBenchmark, StreamEngineBenchmark, "
                + "BatchEngineBenchmark (--param engine=batch or micro-batch), BatchGroupByBenchmark; and "
                + "StateFootprint.bytesPerPane, heap bytes per (key, window pane) of stream state, measured from used "
                + "heap after System.gc (not JMH) and added to the same JSON. The whole suite with the defaults takes "
                + "15 to 25 minutes on 2 cores (an iteration runs at least one operation, and a stream run of the "
                + "slowest catalog jobs takes seconds); pick with REGEX and --param for less."},
        footer = {"", "Examples:", "  ./flowlab bench --list",
                "  ./flowlab bench 'EventQueueBenchmark' --param pending=100000",
                "  ./flowlab bench 'OperatorBenchmark|HandWrittenLoopBenchmark' --iterations 3 --update-readme",
                "  ./flowlab bench StreamEngineBenchmark --param job=nexmark/q0,nexmark/q5 --forks 0"})
final class BenchCommand implements Runnable {
    /** Open panes of the smaller footprint run; the larger has twice as many. */
    static final int FOOTPRINT_PANES = 100_000;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "REGEX", defaultValue = "org\\.flowlab\\.bench\\.",
            description = "Which benchmarks, matched against org.flowlab.bench.Class.method (default: all).")
    String include;

    @Option(names = "--forks", paramLabel = "N", defaultValue = "1", description = "JVM forks per benchmark; 0 runs in this JVM (default: ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--warmup-iterations", paramLabel = "N", description = "Warm-up iterations of every benchmark (default: "
            + "each benchmark's own: " + JmhSettings.DEFAULT_WARMUP_ITERATIONS + ", or " + StreamEngineBenchmark.WARMUP_ITERATIONS
            + " for StreamEngineBenchmark).")
    Integer warmupIterations;

    @Option(names = "--warmup-time", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Length of a warm-up iteration (default: ${DEFAULT-VALUE}).")
    long warmupNanos;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5", description = "Measured iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--time", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Length of a measured iteration (default: ${DEFAULT-VALUE}).")
    long iterationNanos;

    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "Override a benchmark parameter, e.g. pending=1000 or job=nexmark/q5; repeatable.")
    List<String> params = List.of();

    @Option(names = "--out", paramLabel = "FILE.json", description = "Where to write JMH's JSON result (default: results/benchmarks/<timestamp>.json).")
    Path out;

    @Option(names = "--list", description = "List the benchmarks REGEX matches and run nothing.")
    boolean list;

    @Option(names = "--gc", description = "Also measure the bytes each operation allocates (JMH's gc profiler, "
            + "gc.alloc.rate.norm): a figure that a busy machine does not move, shown as a column of the table.")
    boolean allocations;

    @Option(names = "--update-readme", description = "After the run, rewrite the README's benchmark table from this result (as ./flowlab bench-table).")
    boolean updateReadme;

    @Override
    public void run() {
        if (warmupIterations != null && warmupIterations < 0) {
            throw new InvalidInputException("--warmup-iterations must be >= 0, got " + warmupIterations);
        }
        JmhSettings settings = new JmhSettings(include, forks, warmupIterations == null ? JmhSettings.OWN_WARMUP : warmupIterations,
                warmupNanos, iterations, iterationNanos, parseParams(params), allocations);
        settings.checkParams();
        PrintWriter o = spec.commandLine().getOut();
        boolean footprint = Pattern.compile(include).matcher(StateFootprint.NAME).find();
        boolean jmh = !settings.matching().isEmpty() || !footprint;
        if (list) {
            settings.matching().forEach(o::println);
            if (footprint) {
                o.println(StateFootprint.NAME);
            }
            o.flush();
            return;
        }
        Path json = out != null ? out : ResultsLocation.root().resolve("benchmarks").resolve(timestamp() + ".json");
        requireFileName(json);
        if (jmh) {
            JmhSuite.run(settings, WriterStream.printStream(o), json);
        }
        if (footprint) {
            o.printf("measuring heap per (key, window pane) of stream state with %,d and %,d panes ...%n",
                    FOOTPRINT_PANES, 2 * FOOTPRINT_PANES);
            o.flush();
            double bytes = StateFootprint.bytesPerPane(FOOTPRINT_PANES);
            o.printf(Locale.ROOT, "%s: %.1f bytes per pane%n", StateFootprint.NAME, bytes);
            appendResult(json, StateFootprint.resultJson(FOOTPRINT_PANES, bytes));
        }
        o.printf("wrote %s%n", json);
        if (updateReadme) {
            Path readme = BenchTableCommand.readme();
            BenchTableCommand.rewrite(json, readme, settingsNote() + "; " + loadNote());
            o.printf("updated the benchmark table in %s%n", readme);
        }
        o.flush();
    }

    /**
     * Refuses an --out that is a folder (or the root), before the benchmarks run, which may take many
     * minutes, rather than when their result is written.
     */
    static void requireFileName(Path out) {
        if (Files.isDirectory(out) || out.toAbsolutePath().getFileName() == null) {
            throw new InvalidInputException(out + ": is a directory; --out needs a file name");
        }
    }

    /** Adds one JMH-shaped result object to the JSON array in {@code json}, which is created if missing. */
    private static void appendResult(Path json, String result) {
        JsonArray array = new JsonArray();
        if (Files.exists(json)) {
            try {
                JsonElement existing = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8));
                if (!existing.isJsonArray()) {
                    throw new InvalidInputException(json + ": is not a JMH result (a JSON array), so the footprint is not "
                            + "added to it; give --out a new file or a JMH result");
                }
                array = existing.getAsJsonArray();
            } catch (IOException e) {
                throw new InvalidInputException(json + ": cannot read the JMH result back (" + e.getMessage() + ")");
            } catch (JsonParseException e) {
                throw new InvalidInputException(json + ": is not a JMH result (malformed JSON), so the footprint is not "
                        + "added to it; give --out a new file or a JMH result");
            }
        }
        array.add(JsonParser.parseString(result));
        AtomicFiles.writeString(json, new GsonBuilder().setPrettyPrinting().create().toJson(array) + "\n");
    }

    /** {@code name=v1,v2} flags as a map; a flag without '=' or values is a one-line error. */
    static Map<String, List<String>> parseParams(List<String> flags) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0 || eq == flag.length() - 1) {
                throw new InvalidInputException("--param '" + flag + "' must be NAME=VALUE[,VALUE...], e.g. pending=100000");
            }
            out.put(flag.substring(0, eq), List.of(flag.substring(eq + 1).split(",")));
        }
        return out;
    }

    static String timestamp() {
        return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    }

    /** How the figures were measured, for the table's caption. */
    private String settingsNote() {
        String warmups = warmupIterations != null ? String.valueOf(warmupIterations)
                : JmhSettings.DEFAULT_WARMUP_ITERATIONS + " (StreamEngineBenchmark " + StreamEngineBenchmark.WARMUP_ITERATIONS + ")";
        return String.format(Locale.ROOT, "%d fork(s), %s warm-up iteration(s) of %s, %d measured of %s",
                forks, warmups, DurationText.format(warmupNanos), iterations, DurationText.format(iterationNanos));
    }

    /** The load average when the run ended, for the table's caption: other builds may share the machine. */
    static String loadNote() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return load < 0 ? "load unknown" : String.format(Locale.ROOT,
                "load average %.1f on %d cores when the run ended: other work shared the machine, so figures may be low",
                load, cores);
    }
}
