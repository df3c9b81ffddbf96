package org.flowlab.sim.batch;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/** Small traces in Nexmark's three kinds and a set of jobs covering every kind of step, for the batch tests. */
final class TestJobs {
    static final long S = 1_000_000_000L;
    static final long MS = 1_000_000L;
    static final TraceSchema SCHEMA = new TraceSchema(List.of("person", "auction", "bid"),
            "id", "price", "seller-or-auction", "category", "bidder", List.of("none"));
    static final int PERSON = 0;
    static final int AUCTION = 1;
    static final int BID = 2;

    private TestJobs() {
    }

    static TraceBuilder builder() {
        return new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, SCHEMA);
    }

    /** One generated event: the gap to the previous event time, its arrival delay, and its fields. */
    record Happening(long gap, long delay, int kind, long key, double value, long attr1) {
    }

    /** 3 to 60 events up to 1.5 s apart, most arriving within a second, some up to 15 s late. */
    static Arbitrary<List<Happening>> happenings() {
        Arbitrary<Long> delays = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 1_000).map(ms -> ms * MS)),
                Tuple.of(4, Arbitraries.longs().between(1_000, 15_000).map(ms -> ms * MS)));
        Arbitrary<Happening> one = Combinators.combine(
                Arbitraries.longs().between(1, 1_500).map(ms -> ms * MS),
                delays,
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 4),
                Arbitraries.integers().between(-20, 200).map(c -> c / 4.0),
                Arbitraries.longs().between(0, 5)
        ).as(Happening::new);
        return one.list().ofMinSize(3).ofMaxSize(60);
    }

    /** The trace of the happenings: event times are the running sums of the gaps, so all distinct. */
    static Trace trace(List<Happening> events) {
        TraceBuilder b = builder();
        long t = 0;
        for (Happening h : events) {
            t += h.gap();
            b.add(t, t + h.delay(), h.kind(), h.key(), h.value(), h.attr1(), 0, 0, 0);
        }
        return b.build();
    }

    /** The largest arrival delay in the trace. */
    static long maxDelay(Trace trace) {
        long max = 0;
        for (int i = 0; i < trace.size(); i++) {
            max = Math.max(max, trace.arrivalTime(i) - trace.eventTime(i));
        }
        return max;
    }

    /** Raises an alert for a value above twice the key's running mean, and reports the count 5 s after each row. */
    static final class SpikeDetector implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double sum = ctx.state("sum");
            Long count = ctx.state("count");
            double s = sum == null ? 0 : sum;
            long n = count == null ? 0 : count;
            if (n > 0 && row.value() > 2 * (s / n)) {
                ctx.emit("spike " + row.value() + " over mean " + (s / n));
            }
            ctx.setState("sum", s + row.value());
            ctx.setState("count", n + 1);
            ctx.registerTimer(row.eventTime() + 5 * S);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            ctx.emit(ctx.<Long>state("count"));
        }
    }

    /** Passes on rows of kind bid only, with the value halved. */
    static final class HalfBids implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            if (row.kind() == BID) {
                ctx.forward(row.withValue(row.value() / 2));
            }
        }
    }

    /** Emits the running count of rows whose value rose against the key's previous row. */
    static final class Rises implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double last = ctx.state("last");
            Long rises = ctx.state("rises");
            long n = rises == null ? 0 : rises;
            if (last != null && row.value() > last) {
                n++;
                ctx.emit(n);
            }
            ctx.setState("last", row.value());
            ctx.setState("rises", n);
        }
    }

    /** Every job shape the engines must handle. */
    static List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        jobs.add(Job.named("tumbling-count", "d").keyBy(Row::key).window(Windows.tumbling("10s")).aggregate(Aggregates.count()).build());
        jobs.add(Job.named("sliding-sum", "d").keyBy(Row::attr1).window(Windows.sliding("10s", "3s")).aggregate(Aggregates.sum()).build());
        jobs.add(Job.named("session-mean", "d").keyBy(Row::key).window(Windows.session("4s")).aggregate(Aggregates.mean()).build());
        jobs.add(Job.named("global-distinct", "d").keyBy(r -> r.kind()).window(Windows.global())
                .aggregate(Aggregates.distinctCount(Row::attr1)).build());
        jobs.add(Job.named("join", "d").keyBy(Row::key).window(Windows.tumbling("10s")).aggregate(Aggregates.join(PERSON, AUCTION)).build());
        jobs.add(Job.named("max-by", "d").keyBy(Row::key).window(Windows.session("3s")).aggregate(Aggregates.maxBy(Row::value)).build());
        jobs.add(Job.named("q5", "d").keyBy(Row::attr1).window(Windows.sliding("10s", "2s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()))
                .keyBy(Row::key).window(Windows.tumbling("2s")).aggregate(Aggregates.topN(2, Row::attr1, Row::value)).build());
        jobs.add(Job.named("busy", "d").keyBy(Row::key).window(Windows.tumbling("5s")).aggregate(Aggregates.count())
                .filter(r -> r.value() >= 2).build());
        jobs.add(Job.named("spikes", "d").keyBy(Row::key).process("spikes", SpikeDetector::new).build());
        jobs.add(Job.named("half-bids-max", "d").keyBy(Row::attr1).process("half", HalfBids::new)
                .keyBy(Row::key).window(Windows.tumbling("7s")).aggregate(Aggregates.max()).build());
        jobs.add(Job.named("count-rises", "d").keyBy(Row::key).window(Windows.tumbling("3s")).aggregate(Aggregates.count())
                .keyBy(Row::key).process("rises", Rises::new).build());
        jobs.add(Job.named("session-of-sessions", "d").keyBy(Row::key).window(Windows.session("2s")).aggregate(Aggregates.count())
                .keyBy(r -> 0).window(Windows.session("5s")).aggregate(Aggregates.sum()).build());
        jobs.add(Job.named("stateless", "d").filter(r -> r.value() > 10).map(r -> r.withValue(r.value() * 2)).build());
        return jobs;
    }

    static Arbitrary<Job> anyJob() {
        return Arbitraries.of(jobs());
    }
}
