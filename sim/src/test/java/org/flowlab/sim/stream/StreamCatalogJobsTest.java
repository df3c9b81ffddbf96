package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.summary.TraceSummary;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every job of the catalog, on a small trace of its own scenario, gives exactly the oracle's final
 * results in the stream: without faults and with a worker crash, with at-least-once and with
 * exactly-once sinks. The out-of-orderness bound covers the trace's largest delay, so no record is
 * late and the tables must be equal as they are.
 */
class StreamCatalogJobsTest {

    /** Spans that hold a few windows of each scenario's jobs in about 3 000 events. */
    private static final Map<String, String> SPAN = Map.of(
            "retail-etl", "2d", "bank-eod", "2d", "crm-warehouse", "28d", "card-fraud", "2h",
            "stock-ticks", "10m", "infra-monitoring", "30m", "nexmark", "30s");

    static Stream<CatalogJob> catalogJobs() {
        return JobCatalog.all().stream();
    }

    private static Trace smallTrace(String scenario) {
        long span = DurationText.parse(SPAN.get(scenario));
        WorkloadSpec spec = WorkloadSpec.defaults(scenario).withDuration(span)
                .withRate(3_000 / (span / (double) DurationText.NANOS_PER_SECOND));
        return WorkloadGenerator.generate(spec, 23);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogJobs")
    void theStreamGivesTheOraclesResultsWithAndWithoutACrashInBothSinkModes(CatalogJob catalogJob) {
        Trace trace = smallTrace(catalogJob.scenario());
        Job job = catalogJob.build(trace);
        ResultTable expected = ReferenceOracle.run(job, trace);
        assertThat(expected.size()).as("the oracle's outputs").isPositive();

        long span = trace.lastArrival() - trace.firstArrival();
        long crashAt = trace.firstArrival() + span / 2;
        StreamConfig base = StreamConfig.defaults()
                .withWatermarkDelay(TraceSummary.of(trace).delayMax() + DurationText.NANOS_PER_SECOND)
                .withCheckpointInterval(Math.max(DurationText.NANOS_PER_SECOND, span / 5))
                .withHeartbeatTimeout(DurationText.NANOS_PER_SECOND);
        FaultPlan crash = FaultPlan.parse("crash:worker=1@" + crashAt / DurationText.NANOS_PER_MILLI + "ms+2s");

        List<String> failures = new ArrayList<>();
        for (Delivery delivery : Delivery.values()) {
            for (FaultPlan faults : List.of(FaultPlan.NONE, crash)) {
                RunOutcome out = StreamEngine.run(job, trace, base.withDelivery(delivery).withFaults(faults));
                String run = catalogJob.qualifiedName() + " " + delivery + (faults.faults().isEmpty() ? "" : " with a crash");
                assertThat(out.lateRecords()).as(run + ": late records").isZero();
                assertThat(out.lostRecords()).as(run + ": lost records").isZero();
                if (!faults.faults().isEmpty()) {
                    assertThat(out.metrics().faults().workerCrashes()).as(run + ": the crash happened").isEqualTo(1);
                }
                if (delivery == Delivery.EXACTLY_ONCE || faults.faults().isEmpty()) {
                    assertThat(out.duplicateOutputs()).as(run + ": duplicates").isZero();
                }
                if (!out.results().equals(expected)) {
                    failures.add(run + ": " + expected.diffReport(out.results(), 5));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogJobs")
    void atLeastOnceRepeatsTheOutputsACrashReplays(CatalogJob catalogJob) {
        Trace trace = smallTrace(catalogJob.scenario());
        Job job = catalogJob.build(trace);
        long span = trace.lastArrival() - trace.firstArrival();
        // Checkpoints are far apart and the crash comes just before the second one, so everything made
        // visible since the first checkpoint is emitted again after the restart.
        long interval = span / 3;
        long crashAt = trace.firstArrival() + 2 * interval - interval / 10;
        StreamConfig config = StreamConfig.defaults()
                .withWatermarkDelay(TraceSummary.of(trace).delayMax() + DurationText.NANOS_PER_SECOND)
                .withCheckpointInterval(interval)
                .withHeartbeatTimeout(DurationText.NANOS_PER_SECOND)
                .withFaults(FaultPlan.parse("crash:worker=1@" + crashAt / DurationText.NANOS_PER_MILLI + "ms+2s"));
        RunOutcome alo = StreamEngine.run(job, trace, config);
        assertThat(alo.results()).isEqualTo(ReferenceOracle.run(job, trace));
        assertThat(alo.metrics().recovery().reprocessed()).as("records replayed").isPositive();
        // The outputs a fault-free run makes visible between the restored checkpoint and the crash
        // are the ones the replay emits again: when there are any, duplicates must show.
        StreamRun clean = new StreamEngine(config.withFaults(FaultPlan.NONE)).start(job, trace);
        clean.advanceTo(trace.firstArrival() + interval + DurationText.NANOS_PER_SECOND);
        int atCheckpoint = clean.visibleResults().size();
        clean.advanceTo(crashAt);
        int atCrash = clean.visibleResults().size();
        if (atCrash > atCheckpoint) {
            assertThat(alo.duplicateOutputs()).as("duplicates after the replay of %d outputs", atCrash - atCheckpoint)
                    .isPositive();
        } else {
            assertThat(alo.duplicateOutputs()).as("nothing was emitted after the checkpoint, so nothing repeats").isZero();
        }
    }
}
