package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
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
        FaultPlan faults = FaultPlan.parse("task-fail:p=0.05;crash:worker=1@4s+2s;slow:worker=2,x5@1s..6s");
        ExecutionSettings small = ExecutionSettings.defaults().withTargetTaskRecords(5_000).withFaults(faults).withSeed(9);
        assertAgree(hotItems, trace, List.of(
                new BatchEngine(BatchConfig.defaults().withSchedule("every 3s").withExecution(small)
                        .withEventTime(covering(trace))),
                new MicroBatchEngine(MicroBatchConfig.defaults().withInterval("500ms").withExecution(small)
                        .withEventTime(covering(trace))),
                stream(trace, faults)));
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
