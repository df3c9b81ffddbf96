package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.summary.TraceSummary;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamEngine;
import org.junit.jupiter.api.Test;

/**
 * For one scenario and seed, the engines produce identical final results, equal to the oracle's,
 * under the same fault plan; only their metrics differ. Every engine is given the same event-time
 * contract, whose watermark delay covers the trace's largest delay, so none drops a record as late.
 */
class EnginesAgreeTest {
    private static final long MINUTE = 60_000_000_000L;

    /** A contract whose watermark waits for the trace's largest delay: no record is late. */
    private static EventTimeContract covering(Trace trace) {
        return EventTimeContract.DEFAULT.withWatermarkDelay(TraceSummary.of(trace).delayMax() + 1_000_000_000L);
    }

    /** A stream under the contract covering the trace and the given faults. */
    private static StreamEngine stream(Trace trace, FaultPlan faults) {
        return new StreamEngine(StreamConfig.defaults().withEventTime(covering(trace))
                .withHeartbeatTimeout(1_000_000_000L)
                .withFaults(faults));
    }

    private static void assertAgree(Job job, Trace trace, List<Engine> engines) {
        List<RunOutcome> outs = new ArrayList<>();
        for (Engine e : engines) {
            RunOutcome out = e.run(job, trace);
            assertThat(out.lateRecords()).as(e.name()).isZero();
            assertThat(out.lostRecords()).as(e.name()).isZero();
            outs.add(out);
        }
        String diff = ExpectedResults.disagreement(job, trace, outs.get(0), 10);
        if (!diff.isEmpty()) {
            fail(outs.get(0).engine() + ": " + diff);
        }
        for (RunOutcome out : outs.subList(1, outs.size())) {
            assertThat(out.results()).as(out.engine() + " against " + outs.get(0).engine()).isEqualTo(outs.get(0).results());
            // Same results, different figures: when they became visible, at what cost.
            assertThat(out.metrics().latency()).isNotEqualTo(outs.get(0).metrics().latency());
        }
    }

    @Test
    void stockTicksVwapPerMinute() {
        Trace trace = WorkloadGenerator.generate("stock-ticks", 1);
        assertAgree(Vwap.perMinute(), trace, List.of(
                new BatchEngine(BatchConfig.defaults().withSchedule("every 1h").withEventTime(covering(trace))),
                new MicroBatchEngine(MicroBatchConfig.defaults().withInterval("1s").withEventTime(covering(trace))),
                stream(trace, FaultPlan.NONE)));
    }

    @Test
    void nexmarkHotItemsUnderTheSameFaults() {
        Trace trace = WorkloadGenerator.generate(WorkloadSpec.defaults("nexmark").withDuration(10_000_000_000L), 3);
        Job hotItems = Job.named("q5", "the auction with most bids per 10 s window, every 2 s").from(RowFilter.kind("bid"))
                .keyBy(Row::key).window(Windows.sliding("10s", "2s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()))
                .keyBy(Row::key).window(Windows.tumbling("2s")).aggregate(Aggregates.topN(1, Row::attr1, Row::value)).build();
        FaultPlan faults = FaultPlan.parse("task-fail:mtbf=4s;crash:worker=1@4s+2s;slow:worker=2,x5@1s..6s");
        ExecutionSettings small = ExecutionSettings.defaults().withTargetTaskRecords(5_000).withFaults(faults).withSeed(9);
        assertAgree(hotItems, trace, List.of(
                new BatchEngine(BatchConfig.defaults().withSchedule("every 3s").withExecution(small)
                        .withEventTime(covering(trace))),
                new MicroBatchEngine(MicroBatchConfig.defaults().withInterval("500ms").withExecution(small)
                        .withEventTime(covering(trace))),
                stream(trace, faults)));
    }

    /**
     * card-fraud's detector in the updates mode, in every engine, under the default contract: the
     * same alerts as in the final mode (the same records late, so the oracle's without them), each
     * record final no earlier than first visible, and the median record first visible earlier than
     * final — its provisional evaluation shows it before the watermark passes it.
     */
    @Test
    void cardFraudAlertsInTheUpdatesModeAreTheFinalModesAndAreFirstVisibleEarlier() {
        Trace trace = WorkloadGenerator.generate(WorkloadSpec.defaults("card-fraud").withDuration(20 * MINUTE).withRate(10), 7);
        Job alerts = JobCatalog.get("card-fraud", "fraud-alerts").build(trace);
        Map<OutputMode, List<Engine>> engines = new EnumMap<>(OutputMode.class);
        for (OutputMode mode : OutputMode.values()) {
            engines.put(mode, List.of(
                    new BatchEngine(BatchConfig.defaults().withSchedule("every 1m").withOutput(mode)),
                    new MicroBatchEngine(MicroBatchConfig.defaults().withInterval("2s").withOutput(mode)),
                    new StreamEngine(StreamConfig.defaults().withOutput(mode))));
        }
        for (int e = 0; e < 3; e++) {
            RunOutcome fin = engines.get(OutputMode.FINAL).get(e).run(alerts, trace);
            RunOutcome upd = engines.get(OutputMode.UPDATES).get(e).run(alerts, trace);
            String name = upd.engine();
            assertThat(fin.results().size()).as(name).isGreaterThan(10);
            assertThat(upd.results()).as(name).isEqualTo(fin.results());
            assertThat(upd.lateRecordIds()).as(name).isEqualTo(fin.lateRecordIds());
            String diff = ExpectedResults.disagreement(alerts, trace, upd, 10);
            if (!diff.isEmpty()) {
                fail(name + ": " + diff);
            }
            assertThat(upd.lostRecords()).as(name).isZero();
            assertThat(upd.duplicateOutputs()).as(name).isZero();
            for (int i = 0; i < trace.size(); i++) {
                assertThat(upd.visibility().finalAt(i)).as(name).isGreaterThanOrEqualTo(upd.visibility().visibleAt(i));
            }
            assertThat(upd.metrics().firstVisibleLatency().p50Ms()).as(name)
                    .isLessThan(upd.metrics().latency().p50Ms());
            // In the final mode first visible is final.
            assertThat(fin.visibility().finalTimes()).as(name).isEqualTo(fin.visibility().toArray());
        }
    }

    /** Alerts when a card is used in another country than its previous purchase, within 30 minutes. */
    static final class CountryHop implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Long country = ctx.state("country");
            Long at = ctx.state("at");
            if (country != null && country != row.attr1() && row.eventTime() - at < 30 * MINUTE) {
                ctx.emit("hop " + country + " -> " + row.attr1());
            }
            ctx.setState("country", row.attr1());
            ctx.setState("at", row.eventTime());
        }
    }

    @Test
    void cardFraudDetectorRaisesTheSameAlerts() {
        Trace trace = WorkloadGenerator.generate(WorkloadSpec.defaults("card-fraud").withDuration(30 * MINUTE), 5);
        Job hops = Job.named("country-hops", "purchases abroad soon after one at home").keyBy(Row::key)
                .process("hops", CountryHop::new).build();
        assertAgree(hops, trace, List.of(
                new BatchEngine(BatchConfig.defaults().withSchedule("every 10m").withEventTime(covering(trace))),
                new MicroBatchEngine(MicroBatchConfig.defaults().withInterval("1s").withEventTime(covering(trace))),
                stream(trace, FaultPlan.NONE)));
    }
}
