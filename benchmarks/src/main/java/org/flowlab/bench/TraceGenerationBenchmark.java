package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trace generation per scenario: a scenario's defaults over the event time that gives about
 * {@value #EVENTS} events, generated whole. The primary score is traces per second; the secondary
 * {@code records} counter is generated events per second of wall clock, the figure to read.
 */
@State(Scope.Thread)
@Warmup(iterations = JmhSettings.DEFAULT_WARMUP_ITERATIONS)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TraceGenerationBenchmark {

    static final int EVENTS = 50_000;

    @Param({"retail-etl", "bank-eod", "crm-warehouse", "card-fraud", "stock-ticks", "infra-monitoring", "nexmark"})
    public String scenario;

    private WorkloadSpec spec;

    /** Events generated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Generated {
        public long records;
    }

    @Setup
    public void setUp() {
        WorkloadSpec defaults = WorkloadSpec.defaults(scenario);
        spec = defaults.withDuration((long) Math.ceil(EVENTS / defaults.rate() * 1e9));
    }

    @Benchmark
    public Trace generate(Generated generated) {
        Trace trace = WorkloadGenerator.generate(spec, BenchTraces.SEED);
        generated.records += trace.size();
        return trace;
    }
}
