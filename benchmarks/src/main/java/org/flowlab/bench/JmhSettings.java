package org.flowlab.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.flowlab.workloads.InvalidInputException;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * How to run the suite: which benchmarks (a regular expression JMH matches against
 * {@code org.flowlab.bench.Class.method}), forks (0 runs in this JVM), warm-up and measurement
 * iterations and their lengths, parameter overrides ({@code pending} → {@code 1000,100000}), and
 * whether JMH's gc profiler also measures the bytes each operation allocates ({@code allocations}).
 * Warm-up iterations may be {@link #OWN_WARMUP}: each benchmark's own, {@value #DEFAULT_WARMUP_ITERATIONS}
 * unless its class says more ({@code @Warmup}), as {@link StreamEngineBenchmark} does.
 */
public record JmhSettings(String include, int forks, int warmupIterations, long warmupNanos,
                          int iterations, long iterationNanos, Map<String, List<String>> params, boolean allocations) {

    /** Warm-up iterations of a benchmark whose class names none. */
    public static final int DEFAULT_WARMUP_ITERATIONS = 3;
    /** As {@link #warmupIterations}: each benchmark's own number, from its class's {@code @Warmup}. */
    public static final int OWN_WARMUP = -1;
    /**
     * The most forks: four times JMH's default of 5, and as many as {@code flink --repeat} allows. Each fork is a
     * fresh JVM that warms up and measures every benchmark again, so more only multiplies the wait (calibrate's
     * defaults take about half a minute per fork); a number beyond this is a slip, not a plan.
     */
    public static final int MAX_FORKS = 20;

    public JmhSettings {
        Objects.requireNonNull(include, "include");
        try {
            Pattern.compile(include);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("'" + include + "' is not a regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + ")");
        }
        if (forks < 0 || forks > MAX_FORKS) {
            throw new InvalidInputException("--forks must be 0 to " + MAX_FORKS + " (0 runs in this JVM), got " + forks);
        }
        if (warmupIterations < 0 && warmupIterations != OWN_WARMUP) {
            throw new InvalidInputException("--warmup-iterations must be >= 0, got " + warmupIterations);
        }
        if (iterations < 1) {
            throw new InvalidInputException("--iterations must be >= 1, got " + iterations);
        }
        params = Map.copyOf(params);
    }

    /** The names of the compiled benchmarks that {@code include} matches, sorted. */
    public SortedSet<String> matching() {
        return names(include);
    }

    /** Every compiled benchmark of the suite, sorted. */
    public static SortedSet<String> all() {
        return names("org\\.flowlab\\.bench\\.");
    }

    private static SortedSet<String> names(String regex) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT);
        SortedSet<String> out = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(silent, List.of(regex), List.of())) {
            out.add(e.getUsername());
        }
        return out;
    }
}
