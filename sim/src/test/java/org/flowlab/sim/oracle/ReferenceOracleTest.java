package org.flowlab.sim.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.flowlab.sim.job.RowFilter.kind;
import static org.flowlab.sim.oracle.TinyTraces.AUCTION;
import static org.flowlab.sim.oracle.TinyTraces.BID;
import static org.flowlab.sim.oracle.TinyTraces.PERSON;
import static org.flowlab.sim.oracle.TinyTraces.S;
import static org.flowlab.sim.oracle.TinyTraces.builder;
import static org.flowlab.sim.oracle.TinyTraces.rowAt;

import java.util.List;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.job.aggregate.JoinedPair;
import org.flowlab.sim.job.aggregate.Ranked;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;

/** The oracle against answers worked out by hand on traces small enough to check on paper. */
class ReferenceOracleTest {

    private static ResultTable table(Object... keysAndValues) {
        ResultTable.Builder b = ResultTable.builder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            b.put((ResultKey) keysAndValues[i], keysAndValues[i + 1]);
        }
        return b.build();
    }

    private static void assertTable(ResultTable actual, ResultTable expected) {
        if (!actual.equals(expected)) {
            fail(expected.diffReport(actual, 20));
        }
    }

    private static ResultKey window(long key, long start, long end) {
        return ResultKey.window(key, start, end);
    }

    @Test
    void tumblingWindowsCountAndSumPerKeyInEventTimeWhateverTheArrival() {
        Trace trace = builder()
                .add(1 * S, 15 * S, BID, 1, 10)      // arrives after the window has ended: still counted
                .add(10 * S - 1, 10 * S, BID, 1, 20) // the window's last instant
                .add(10 * S, 10 * S, BID, 1, 5)      // the next window's first
                .add(3 * S, 3 * S, BID, 2, 7)
                .add(4 * S, 4 * S, PERSON, 1, 100)   // not a bid: filtered at the source
                .build();
        Job.Builder perKey = Job.named("bids", "bids per key per 10 s").from(kind("bid")).keyBy(Row::key)
                .window(Windows.tumbling("10s"));
        assertTable(ReferenceOracle.run(perKey.aggregate(Aggregates.count()).build(), trace), table(
                window(1, 0, 10 * S), 2L, window(2, 0, 10 * S), 1L, window(1, 10 * S, 20 * S), 1L));
        Job sum = Job.named("sum", "d").from(kind("bid")).keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.sum()).build();
        assertTable(ReferenceOracle.run(sum, trace), table(
                window(1, 0, 10 * S), 30.0, window(2, 0, 10 * S), 7.0, window(1, 10 * S, 20 * S), 5.0));
    }

    @Test
    void slidingWindowsCountARowInEveryWindowThatOverlapsIt() {
        Trace trace = builder()
                .add(2 * S, 2 * S, BID, 1, 1)
                .add(7 * S, 7 * S, BID, 1, 2)
                .add(12 * S, 12 * S, BID, 1, 4)
                .build();
        Job job = Job.named("sliding", "d").keyBy(Row::key).window(Windows.sliding("10s", "5s"))
                .aggregate(Aggregates.sum()).build();
        assertTable(ReferenceOracle.run(job, trace), table(
                window(1, -5 * S, 5 * S), 1.0,
                window(1, 0, 10 * S), 3.0,
                window(1, 5 * S, 15 * S), 6.0,
                window(1, 10 * S, 20 * S), 4.0));
    }

    @Test
    void sessionsMergeRowsCloserThanTheGapIncludingALateBridge() {
        Job job = Job.named("sessions", "d").keyBy(Row::key).window(Windows.session("10s"))
                .aggregate(Aggregates.count()).build();
        Trace withBridge = builder()
                .add(0, 0, BID, 1, 1).add(5 * S, 5 * S, BID, 1, 1)
                .add(30 * S, 30 * S, BID, 1, 1)
                .add(40 * S, 40 * S, BID, 1, 1).add(45 * S, 45 * S, BID, 1, 1) // exactly the gap after 30 s: a new session
                .add(60 * S, 60 * S, BID, 1, 1).add(78 * S, 78 * S, BID, 1, 1)
                .add(69 * S, 100 * S, BID, 1, 1)                                 // arrives last, joins 60 s and 78 s
                .add(3 * S, 3 * S, BID, 2, 1)
                .build();
        assertTable(ReferenceOracle.run(job, withBridge), table(
                window(1, 0, 15 * S), 2L,
                window(1, 30 * S, 40 * S), 1L,
                window(1, 40 * S, 55 * S), 2L,
                window(1, 60 * S, 88 * S), 3L,
                window(2, 3 * S, 13 * S), 1L));
        Trace withoutBridge = builder()
                .add(60 * S, 60 * S, BID, 1, 1).add(78 * S, 78 * S, BID, 1, 1)
                .build();
        assertTable(ReferenceOracle.run(job, withoutBridge), table(
                window(1, 60 * S, 70 * S), 1L,
                window(1, 78 * S, 88 * S), 1L));
    }

    @Test
    void theGlobalWindowAggregatesAllOfAKeysRows() {
        Trace trace = builder()
                .add(1 * S, 1 * S, BID, 1, 3).add(50 * S, 50 * S, BID, 1, 9).add(1000 * S, 1000 * S, BID, 1, 1)
                .add(7 * S, 7 * S, BID, 2, -2)
                .build();
        Job max = Job.named("max", "d").keyBy(Row::key).window(Windows.global()).aggregate(Aggregates.max()).build();
        assertTable(ReferenceOracle.run(max, trace), table(
                window(1, Long.MIN_VALUE, Long.MAX_VALUE), 9.0,
                window(2, Long.MIN_VALUE, Long.MAX_VALUE), -2.0));
        Job mean = Job.named("mean", "d").keyBy(Row::key).window(Windows.global()).aggregate(Aggregates.mean()).build();
        assertThat(ReferenceOracle.run(mean, trace).get(window(1, Long.MIN_VALUE, Long.MAX_VALUE))).isEqualTo(13.0 / 3);
    }

    @Test
    void everyAggregateRunsInAWindow() {
        Trace trace = builder()
                .add(1 * S, 1 * S, BID, 1, 4, 100, 0, 0, 0)
                .add(2 * S, 2 * S, BID, 1, 8, 200, 0, 0, 0)
                .add(3 * S, 3 * S, BID, 1, 8, 100, 0, 0, 0)
                .add(4 * S, 4 * S, BID, 1, 0.5, 300, 0, 0, 0)
                .build();
        ResultKey w = window(1, 0, 10 * S);
        assertThat(run(trace, Aggregates.min()).get(w)).isEqualTo(0.5);
        assertThat(run(trace, Aggregates.distinctCount(Row::attr1)).get(w)).isEqualTo(3L);
        assertThat(run(trace, Aggregates.topN(2, Row::attr1, Row::value)).get(w))
                .isEqualTo(List.of(new Ranked(100, 8), new Ranked(200, 8)));
        assertThat(run(trace, Aggregates.maxBy(Row::value)).get(w)).isEqualTo(rowAt(trace, 2 * S));
        assertThat(run(trace, Aggregates.of("product", () -> 1.0, (Double p, Row r) -> p * r.value(), (a, b) -> a * b, p -> p))
                .get(w)).isEqualTo(128.0);
    }

    private static ResultTable run(Trace trace, AggregateFunction<?, ?> aggregate) {
        return ReferenceOracle.run(Job.named("agg", "d").keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(aggregate).build(), trace);
    }

    @Test
    void statelessJobsOutputEveryRowAtItsIdAndEventTime() {
        Trace trace = builder()
                .add(2 * S, 2 * S, BID, 9, 50, 123, 0, 0, 0)
                .add(1 * S, 3 * S, BID, 9, 100, 5, 0, 0, 0)
                .add(3 * S, 3 * S, PERSON, 9, 0)
                .build();
        Row early = rowAt(trace, 1 * S);
        Row late = rowAt(trace, 2 * S);
        assertThat(late.id()).isLessThan(early.id());
        Job q0 = Job.named("q0", "pass-through").from(kind("bid")).build();
        assertTable(ReferenceOracle.run(q0, trace), table(ResultKey.row(early), early, ResultKey.row(late), late));
        Job q1 = Job.named("q1", "currency conversion").from(kind("bid")).map(r -> r.withValue(r.value() * 0.908)).build();
        assertTable(ReferenceOracle.run(q1, trace), table(
                ResultKey.row(early), early.withValue(100 * 0.908), ResultKey.row(late), late.withValue(50 * 0.908)));
        Job q2 = Job.named("q2", "selection").from(kind("bid")).filter(r -> r.attr1() % 123 == 0).build();
        assertTable(ReferenceOracle.run(q2, trace), table(ResultKey.row(late), late));
    }

    /** Logs every call, so the order of rows and timers shows in the outputs. */
    private static final class TimerProbe implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double before = ctx.state("sum");
            double sum = (before == null ? 0 : before) + row.value();
            ctx.setState("sum", sum);
            long t = row.eventTime() / S;
            if (t == 1) {
                ctx.registerTimer(5 * S);
            } else if (t == 3) {
                ctx.registerTimer(5 * S); // the same timer again: it fires once
                ctx.registerTimer(4 * S);
            } else if (t == 8) {
                ctx.registerTimer(8 * S); // now is allowed: fires after the rows at 8 s
                ctx.registerTimer(9 * S);
                ctx.deleteTimer(9 * S);
            } else if (t == 2) {
                ctx.registerTimer(2 * S);
            }
            ctx.emit("row " + t + " sum " + (long) sum);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            double sum = ctx.state("sum");
            if (timestamp == 4 * S) {
                ctx.registerTimer(100 * S);
            }
            ctx.emit("timer " + timestamp / S + " sum " + (long) sum);
        }
    }

    @Test
    void timersFireAfterTheRowsAtOrBeforeThemAndBeforeLaterRows() {
        Trace trace = builder()
                .add(3 * S, 3 * S, BID, 1, 3)
                .add(5 * S, 5 * S, BID, 1, 50)  // same time as the next, smaller id: first
                .add(5 * S, 6 * S, BID, 1, 5)
                .add(8 * S, 8 * S, BID, 1, 8)
                .add(1 * S, 20 * S, BID, 1, 1)  // arrives last, happened first
                .add(2 * S, 2 * S, BID, 2, 2)
                .build();
        Job job = Job.named("probe", "d").keyBy(Row::key).process("probe", TimerProbe::new).build();
        assertTable(ReferenceOracle.run(job, trace), table(
                ResultKey.at(1, 1 * S, 0), "row 1 sum 1",
                ResultKey.at(1, 3 * S, 0), "row 3 sum 4",
                ResultKey.at(1, 4 * S, 0), "timer 4 sum 4",
                ResultKey.at(1, 5 * S, 0), "row 5 sum 54",
                ResultKey.at(1, 5 * S, 1), "row 5 sum 59",
                ResultKey.at(1, 5 * S, 2), "timer 5 sum 59",
                ResultKey.at(1, 8 * S, 0), "row 8 sum 67",
                ResultKey.at(1, 8 * S, 1), "timer 8 sum 67",
                ResultKey.at(1, 100 * S, 0), "timer 100 sum 67",
                ResultKey.at(2, 2 * S, 0), "row 2 sum 2",
                ResultKey.at(2, 2 * S, 1), "timer 2 sum 2"));
    }

    @Test
    void aWindowedJoinPairsPersonsWithTheirAuctionsPerWindow() {
        Trace trace = builder()
                .add(1 * S, 1 * S, PERSON, 7, 0)
                .add(2 * S, 2 * S, AUCTION, 100, 10, 7, 0, 0, 0)
                .add(12 * S, 12 * S, AUCTION, 101, 10, 7, 0, 0, 0)
                .add(3 * S, 3 * S, PERSON, 8, 0)
                .add(4 * S, 4 * S, AUCTION, 102, 10, 8, 0, 0, 0)
                .add(9 * S, 9 * S, AUCTION, 103, 10, 7, 0, 0, 0)
                .add(5 * S, 5 * S, BID, 7, 10, 100, 0, 0, 0)
                .build();
        Job q8 = Job.named("q8", "new users: persons joined with their auctions per 10 s")
                .from(kind("person", "auction"))
                .keyBy(r -> r.kind() == PERSON ? r.key() : r.attr1())
                .window(Windows.tumbling("10s"))
                .aggregate(Aggregates.join(PERSON, AUCTION))
                .build();
        Row p7 = rowAt(trace, 1 * S);
        Row p8 = rowAt(trace, 3 * S);
        Row a100 = rowAt(trace, 2 * S).withKey(7);
        Row a102 = rowAt(trace, 4 * S).withKey(8);
        Row a103 = rowAt(trace, 9 * S).withKey(7);
        assertTable(ReferenceOracle.run(q8, trace), table(
                window(7, 0, 10 * S), List.of(new JoinedPair(p7, a100), new JoinedPair(p7, a103)),
                window(8, 0, 10 * S), List.of(new JoinedPair(p8, a102)),
                window(7, 10 * S, 20 * S), List.of()));
    }

    @Test
    void twoStagesLikeNexmarkQ5FindTheHottestAuctionPerSlidingWindow() {
        Trace trace = builder()
                .add(1 * S, 1 * S, BID, 0, 1, 1, 0, 0, 0)
                .add(2 * S, 2 * S, BID, 0, 1, 1, 0, 0, 0)
                .add(6 * S, 6 * S, BID, 0, 1, 1, 0, 0, 0)
                .add(3 * S, 3 * S, BID, 0, 1, 2, 0, 0, 0)
                .add(7 * S, 7 * S, BID, 0, 1, 2, 0, 0, 0)
                .add(8 * S, 8 * S, BID, 0, 1, 2, 0, 0, 0)
                .add(11 * S, 11 * S, BID, 0, 1, 2, 0, 0, 0)
                .build();
        Job.Builder counts = Job.named("q5", "hot items: the auction with most bids per 10 s, every 5 s")
                .from(kind("bid"))
                .keyBy(Row::attr1)
                .window(Windows.sliding("10s", "5s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()));
        Job q5 = counts.keyBy(Row::key)
                .window(Windows.tumbling("5s"))
                .aggregate(Aggregates.topN(1, Row::attr1, Row::value))
                .build();
        assertTable(ReferenceOracle.run(q5, trace), table(
                window(5 * S, 0, 5 * S), List.of(new Ranked(1, 2)),
                window(10 * S, 5 * S, 10 * S), List.of(new Ranked(1, 3)), // a tie of 3 and 3: the smaller auction
                window(15 * S, 10 * S, 15 * S), List.of(new Ranked(2, 3)),
                window(20 * S, 15 * S, 20 * S), List.of(new Ranked(2, 1))));
    }

    @Test
    void statelessStepsAfterAWindowKeepTheWindowsOutputKey() {
        Trace trace = builder()
                .add(1 * S, 1 * S, BID, 1, 0).add(2 * S, 9 * S, BID, 1, 0).add(11 * S, 11 * S, BID, 1, 0)
                .add(3 * S, 3 * S, BID, 2, 0).add(4 * S, 4 * S, BID, 2, 0).add(5 * S, 5 * S, BID, 2, 0)
                .build();
        Job busy = Job.named("busy", "keys with at least two bids per 10 s").keyBy(Row::key)
                .window(Windows.tumbling("10s")).aggregate(Aggregates.count())
                .filter(r -> r.value() >= 2)
                .build();
        long lastOfKey1 = rowAt(trace, 2 * S).id(); // arrived last of key 1's rows in [0, 10 s)
        long lastOfKey2 = rowAt(trace, 5 * S).id();
        assertThat(lastOfKey1).isGreaterThan(rowAt(trace, 1 * S).id());
        assertTable(ReferenceOracle.run(busy, trace), table(
                window(1, 0, 10 * S), new Row(lastOfKey1, 10 * S - 1, 0, 1, 2.0, 0, 0, 0),
                window(2, 0, 10 * S), new Row(lastOfKey2, 10 * S - 1, 0, 2, 3.0, 0, 0, 0)));
    }

    /** Doubles the value of rows above 1 and passes them on. */
    private static final class Doubler implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            if (row.value() > 1) {
                ctx.forward(row.withValue(row.value() * 2));
            }
        }
    }

    @Test
    void aProcessFunctionForwardsRowsToTheNextStageOrOutputsThem() {
        Trace trace = builder()
                .add(1 * S, 1 * S, BID, 1, 1).add(2 * S, 2 * S, BID, 1, 2).add(3 * S, 3 * S, BID, 1, 3)
                .add(4 * S, 4 * S, BID, 2, 0.5)
                .build();
        Job total = Job.named("total", "d").keyBy(Row::key).process("double", Doubler::new)
                .keyBy(Row::key).window(Windows.global()).aggregate(Aggregates.sum()).build();
        assertTable(ReferenceOracle.run(total, trace), table(window(1, Long.MIN_VALUE, Long.MAX_VALUE), 10.0));
        Job rows = Job.named("rows", "d").keyBy(Row::key).process("double", Doubler::new).build();
        assertTable(ReferenceOracle.run(rows, trace), table(
                ResultKey.at(1, 2 * S, 0), rowAt(trace, 2 * S).withValue(4),
                ResultKey.at(1, 3 * S, 0), rowAt(trace, 3 * S).withValue(6)));
    }

    @Test
    void brokenJobFunctionsFailNamingTheStep() {
        Trace trace = builder().add(5 * S, 5 * S, BID, 1, 1).add(6 * S, 6 * S, BID, 1, 2).build();
        Job emitsTooEarly = Job.named("j", "d").keyBy(Row::key).process("p", () -> (row, ctx) -> ctx.emit(1L))
                .keyBy(Row::key).window(Windows.global()).aggregate(Aggregates.count()).build();
        assertThatThrownBy(() -> ReferenceOracle.run(emitsTooEarly, trace)).isInstanceOf(IllegalStateException.class)
                .hasMessage("job j: process 'p' called emit() but is not the job's last step; use forward(row) to pass rows on");
        Job rekeys = Job.named("j", "d").keyBy(Row::key).map("shift", r -> r.withKey(r.key() + 1))
                .window(Windows.global()).aggregate(Aggregates.count()).build();
        assertThatThrownBy(() -> ReferenceOracle.run(rekeys, trace))
                .hasMessage("job j: map 'shift' changed the key of a keyed row (1 to 2); put a keyBy after it instead");
        Job pastTimer = Job.named("j", "d").keyBy(Row::key)
                .process("p", () -> (row, ctx) -> ctx.registerTimer(row.eventTime() - 1)).build();
        assertThatThrownBy(() -> ReferenceOracle.run(pastTimer, trace)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job j: process 'p' registered a timer at 4999999999 for key 1, before the current time 5000000000");
        Job sameTimeAgain = Job.named("j", "d").keyBy(Row::key).process("p", () -> new KeyedProcessFunction() {
            @Override
            public void processElement(Row row, ProcessContext ctx) {
                ctx.registerTimer(row.eventTime());
            }

            @Override
            public void onTimer(long timestamp, ProcessContext ctx) {
                ctx.registerTimer(timestamp);
            }
        }).build();
        assertThatThrownBy(() -> ReferenceOracle.run(sameTimeAgain, trace))
                .hasMessage("job j: process 'p' registered a timer at 5000000000 for key 1, not later than the firing timer at 5000000000");
        Job backwards = Job.named("j", "d").keyBy(Row::key)
                .process("p", () -> (row, ctx) -> ctx.forward(row.withEventTime(0))).build();
        assertThatThrownBy(() -> ReferenceOracle.run(backwards, trace))
                .hasMessageContaining("forwarded a row at 0, before the current time 5000000000");
        Job earlyResult = Job.named("j", "d").keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.count(), r -> r.row().withEventTime(r.window().start()))
                .filter(r -> true).build();
        assertThatThrownBy(() -> ReferenceOracle.run(earlyResult, trace))
                .hasMessageContaining("its event time must be at least the window's last instant 9999999999");
        Job notANumber = Job.named("j", "d").keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.topN(1, Row::key, Row::value)).filter(r -> true).build();
        assertThatThrownBy(() -> ReferenceOracle.run(notANumber, trace))
                .hasMessageStartingWith("the window result [Ranked[item=1, score=2.0]] is not a number");
        Job sameIds = Job.named("j", "d").map(r -> new Row(0, 0, 0, 0, 0, 0, 0, 0)).build();
        assertThatThrownBy(() -> ReferenceOracle.run(sameIds, trace))
                .hasMessageStartingWith("job j: two outputs at key 0 at 0s");
        Job unknownKind = Job.named("j", "d").from(kind("bids")).build();
        assertThatThrownBy(() -> ReferenceOracle.run(unknownKind, trace)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source: kind 'bids' is not in the trace's kinds [person, auction, bid]");
    }

    @Test
    void anEmptyTraceGivesAnEmptyTable() {
        Job job = Job.named("j", "d").keyBy(Row::key).window(Windows.tumbling("1s")).aggregate(Aggregates.count()).build();
        assertThat(ReferenceOracle.run(job, builder().build())).isEqualTo(ResultTable.empty());
    }
}
