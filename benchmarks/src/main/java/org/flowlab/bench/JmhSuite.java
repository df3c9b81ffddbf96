package org.flowlab.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.io.AtomicFiles;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the suite through JMH's {@link Runner} and leaves JMH's JSON result at a given path, written
 * under a temporary name and renamed. Forked runs (the default elsewhere: one fork) start a JVM with
 * this JVM's class path; zero forks run in this JVM, which starts faster but shares its JIT profile.
 */
public final class JmhSuite {
    private JmhSuite() {
    }

    /**
     * Runs the benchmarks {@code settings} select, printing JMH's progress to {@code progress}, and
     * writes the JSON result to {@code json}; returns JMH's results.
     *
     * @throws InvalidInputException if nothing matches, or the result file cannot be written
     */
    public static Collection<RunResult> run(JmhSettings settings, PrintStream progress, Path json) {
        if (settings.matching().isEmpty()) {
            throw new InvalidInputException("no benchmark matches '" + settings.include() + "'; known: "
                    + String.join(", ", shortNames(JmhSettings.all())));
        }
        try {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) { // the root has none, and writeThrough refuses it
                Files.createDirectories(parent);
            }
            return AtomicFiles.writeThrough(json, temp -> {
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include(settings.include())
                        .forks(settings.forks())
                        .warmupTime(timeValue(settings.warmupNanos()))
                        .measurementIterations(settings.iterations())
                        .measurementTime(timeValue(settings.iterationNanos()))
                        .shouldFailOnError(true)
                        .result(temp.toString())
                        .resultFormat(ResultFormatType.JSON);
                if (settings.warmupIterations() != JmhSettings.OWN_WARMUP) {
                    options.warmupIterations(settings.warmupIterations()); // else each class's @Warmup
                }
                settings.params().forEach((name, values) -> options.param(name, values.toArray(String[]::new)));
                if (settings.allocations()) {
                    options.addProfiler(GCProfiler.class);
                }
                return new Runner(options.build(), OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL)).run();
            });
        } catch (IOException e) {
            throw new InvalidInputException(json + ": cannot write the JMH result (" + e.getMessage() + ")");
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH failed: " + e.getMessage(), e);
        }
    }

    /** Nanoseconds per operation by short name ({@code OperatorBenchmark.mapFilter}), for average-time results. */
    public static Map<String, Double> nanosPerOperation(Collection<RunResult> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            out.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), r.getPrimaryResult().getScore());
        }
        return out;
    }

    /** The half-width of the 99.9 % confidence interval of each score, by short name, in the score's unit. */
    public static Map<String, Double> scoreErrors(Collection<RunResult> results) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            out.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), r.getPrimaryResult().getScoreError());
        }
        return out;
    }

    /** A JMH time value in the largest whole unit, so JMH's progress reads "1 s", not "1000000000 ns". */
    static TimeValue timeValue(long nanos) {
        if (nanos % 1_000_000_000L == 0) {
            return TimeValue.seconds(nanos / 1_000_000_000L);
        }
        if (nanos % 1_000_000L == 0) {
            return TimeValue.milliseconds(nanos / 1_000_000L);
        }
        return TimeValue.nanoseconds(nanos);
    }

    static List<String> shortNames(Collection<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add(n.startsWith("org.flowlab.bench.") ? n.substring("org.flowlab.bench.".length()) : n));
        return out;
    }
}
