package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the engine benchmarks share: each catalog job ({@code job=scenario/name}), built over the
 * first {@value #RECORDS} events of its scenario. A subclass's benchmark runs one engine over them
 * whole and declares {@value #RECORDS} operations, so the score is wall-clock nanoseconds per
 * simulated record.
 */
@State(Scope.Thread)
@Warmup(iterations = JmhSettings.DEFAULT_WARMUP_ITERATIONS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class CatalogJobBenchmark {

    static final int RECORDS = 50_000;

    @Param({"nexmark/q0", "nexmark/q1", "nexmark/q2", "nexmark/q3", "nexmark/q4", "nexmark/q5", "nexmark/q7",
            "nexmark/q8", "nexmark/q11", "card-fraud/fraud-alerts", "stock-ticks/vwap-1s",
            "infra-monitoring/cpu-alerts", "retail-etl/revenue-per-store-product-day", "bank-eod/eod-balance",
            "crm-warehouse/interactions-per-segment-week"})
    public String job;

    Trace trace;
    Job built;

    @Setup
    public void setUpJob() {
        CatalogJob catalogJob = catalogJob(job);
        trace = BenchTraces.firstEvents(catalogJob.scenario(), RECORDS);
        built = catalogJob.build(trace);
    }

    /** The catalog job named {@code scenario/job}. */
    static CatalogJob catalogJob(String qualifiedName) {
        int slash = qualifiedName.indexOf('/');
        return JobCatalog.get(qualifiedName.substring(0, slash), qualifiedName.substring(slash + 1));
    }
}
