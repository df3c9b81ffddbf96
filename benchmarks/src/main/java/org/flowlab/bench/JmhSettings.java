package org.flowlab.bench;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
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

    /**
     * Refuses, before anything runs, a parameter override JMH would take and the benchmark would then
     * fail on with a page of stack trace: a name that no benchmark {@code include} matches declares,
     * or a value that is not one of the suite's. Every parameter of this suite is either a size (an
     * {@code int} field: a whole number from 1 to 2,147,483,647) or one of a list (a {@code String}
     * field: the values its {@code @Param} declares, such as the catalog jobs).
     */
    public void checkParams() {
        if (params.isEmpty()) {
            return;
        }
        Map<String, Class<?>> types = new TreeMap<>();
        Map<String, SortedSet<String>> declared = new TreeMap<>();
        for (BenchmarkListEntry e : entries(include)) {
            org.openjdk.jmh.util.Optional<Map<String, String[]>> ps = e.getParams();
            if (!ps.hasValue()) {
                continue;
            }
            for (Map.Entry<String, String[]> p : ps.get().entrySet()) {
                declared.computeIfAbsent(p.getKey(), k -> new TreeSet<>()).addAll(Arrays.asList(p.getValue()));
                types.putIfAbsent(p.getKey(), fieldType(e.getUserClassQName(), p.getKey()));
            }
        }
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            String name = p.getKey();
            if (!declared.containsKey(name)) {
                throw new InvalidInputException("--param " + name + ": no benchmark that '" + include + "' matches has it; "
                        + (declared.isEmpty() ? "they have no parameters" : "theirs: " + String.join(", ", declared.keySet())));
            }
            Class<?> type = types.get(name);
            for (String v : p.getValue()) {
                if (type == int.class) {
                    if (!isSize(v)) {
                        throw new InvalidInputException("--param " + name + "=" + v + ": must be a whole number from 1 to "
                                + Integer.MAX_VALUE);
                    }
                } else if (!declared.get(name).contains(v)) {
                    throw new InvalidInputException("--param " + name + "=" + v + ": must be one of "
                            + String.join(", ", declared.get(name)));
                }
            }
        }
    }

    private static boolean isSize(String v) {
        try {
            return Integer.parseInt(v) >= 1; // untrimmed: JMH reads the value as given
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The type of the {@code @Param} field {@code name} of benchmark class {@code className} or a superclass. */
    private static Class<?> fieldType(String className, String name) {
        try {
            for (Class<?> c = Class.forName(className); c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.getName().equals(name)) {
                        return f.getType();
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class " + className + " is listed but not on the class path", e);
        }
        throw new IllegalStateException("benchmark class " + className + " lists parameter " + name + " but has no such field");
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
        SortedSet<String> out = new TreeSet<>();
        for (BenchmarkListEntry e : entries(regex)) {
            out.add(e.getUsername());
        }
        return out;
    }

    /** The compiled benchmarks (one per method and mode) that {@code regex} matches. */
    private static Set<BenchmarkListEntry> entries(String regex) {
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT);
        return BenchmarkList.defaultList().find(silent, List.of(regex), List.of());
    }
}
