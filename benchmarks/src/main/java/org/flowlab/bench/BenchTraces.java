package org.flowlab.bench;

import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Traces of an exact size for benchmarks: a scenario's defaults, generated over just enough event
 * time, then cut to the first {@code n} events in arrival order. An exact size lets a benchmark
 * declare its records per invocation, so JMH's time per operation is time per record.
 */
public final class BenchTraces {
    /** The seed of every benchmark trace, so two runs measure the same input. */
    public static final long SEED = 42;

    private BenchTraces() {
    }

    /** The first {@code n} events of the scenario's default workload, seed {@link #SEED}. */
    public static Trace firstEvents(String scenario, int n) {
        WorkloadSpec defaults = WorkloadSpec.defaults(scenario);
        // Ask for half as many again as needed, then more while short: bursty scenarios fall below their mean rate.
        double seconds = 1.5 * n / defaults.rate();
        for (int attempt = 0; attempt < 8; attempt++) {
            long duration = Math.max(1_000_000_000L, (long) Math.ceil(seconds * 1e9));
            Trace full = WorkloadGenerator.generate(defaults.withDuration(duration), SEED);
            if (full.size() >= n) {
                return prefix(full, n);
            }
            seconds *= 2;
        }
        throw new IllegalStateException("scenario " + scenario + " did not give " + n + " events");
    }

    /** The first {@code n} events of {@code trace}, with its spec, seed and schema. */
    public static Trace prefix(Trace trace, int n) {
        TraceBuilder b = new TraceBuilder(trace.spec(), trace.seed(), trace.schema(), n);
        for (int i = 0; i < n; i++) {
            b.add(trace.eventTime(i), trace.arrivalTime(i), trace.kind(i), trace.key(i), trace.value(i),
                    trace.attr1(i), trace.attr2(i), trace.attr3(i), trace.label(i));
        }
        return b.groundTruth(trace.groundTruth()).build();
    }
}
