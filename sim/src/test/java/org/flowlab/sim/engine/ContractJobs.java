package org.flowlab.sim.engine;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;

/**
 * The small set of jobs the engine contract runs: every window kind, a detector with timers, a
 * two-stage job like Nexmark Q5, a process function feeding a window, and a stateless job. Kinds
 * are {@link ContractTraces}' (person, auction, bid).
 */
public final class ContractJobs {
    static final long S = 1_000_000_000L;

    private ContractJobs() {
    }

    /** Alerts on a value above twice the key's running mean; reports the key's count 3 s after each row. */
    public static final class SpikeDetector implements KeyedProcessFunction {
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
            ctx.registerTimer(row.eventTime() + 3 * S);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            ctx.emit(ctx.<Long>state("count"));
        }
    }

    /** Alerts on a value above the key's previous one: which alerts there are depends on the order rows are run in. */
    public static final class Rising implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double last = ctx.state("last");
            if (last != null && row.value() > last) {
                ctx.emit("rise to " + row.value());
            }
            ctx.setState("last", row.value());
        }
    }

    /**
     * Alerts on a value above the key's previous one, which it forgets 1 s after each row: which
     * alerts there are depends on the order rows are run in, and on when the timers fire.
     */
    public static final class RisingDetector implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double last = ctx.state("last");
            if (last != null && row.value() > last) {
                ctx.emit("rise to " + row.value());
            }
            ctx.setState("last", row.value());
            ctx.registerTimer(row.eventTime() + S);
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            ctx.clearState("last");
        }
    }

    /** Passes on bids only, with the value halved. */
    public static final class HalfBids implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            if (row.kind() == ContractTraces.BID) {
                ctx.forward(row.withValue(row.value() / 2));
            }
        }
    }

    public static Job tumblingCount() {
        return Job.named("tumbling-count", "rows per key per 5 s").keyBy(Row::key)
                .window(Windows.tumbling("5s")).aggregate(Aggregates.count()).build();
    }

    public static Job slidingSum() {
        return Job.named("sliding-sum", "sum per attr1 over 6 s every 2 s").keyBy(Row::attr1)
                .window(Windows.sliding("6s", "2s")).aggregate(Aggregates.sum()).build();
    }

    public static Job sessionCount() {
        return Job.named("session-count", "rows per key session, 3 s gap").keyBy(Row::key)
                .window(Windows.session("3s")).aggregate(Aggregates.count()).build();
    }

    public static Job detector() {
        return Job.named("spikes", "values above twice the key's mean, and counts").keyBy(Row::key)
                .process("spikes", SpikeDetector::new).build();
    }

    /**
     * A detector keyed apart from the trace's key (so a key's rows come from several partitions, in
     * an order that differs between attempts) whose timers change its state.
     */
    public static Job risingByAttr1() {
        return Job.named("rising", "values above the attr1's previous one within 1 s").keyBy(Row::attr1)
                .process("rising", RisingDetector::new).build();
    }

    public static Job hotItems() {
        return Job.named("hot-items", "the attr1 with most bids per 6 s window every 2 s (Nexmark Q5's shape)")
                .from(RowFilter.kind("bid"))
                .keyBy(Row::attr1).window(Windows.sliding("6s", "2s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()))
                .keyBy(Row::key).window(Windows.tumbling("2s")).aggregate(Aggregates.topN(2, Row::attr1, Row::value))
                .build();
    }

    public static Job stateless() {
        return Job.named("doubled-bids", "bids with values doubled").from(RowFilter.kind("bid"))
                .filter(r -> r.value() >= 0).map(r -> r.withValue(r.value() * 2)).build();
    }

    public static Job halfBidsMax() {
        return Job.named("half-bids-max", "a process function feeding a window").keyBy(Row::attr1)
                .process("half", HalfBids::new)
                .keyBy(Row::key).window(Windows.tumbling("4s")).aggregate(Aggregates.max()).build();
    }

    public static Job globalDistinct() {
        return Job.named("global-distinct", "distinct attr1 per kind over all time").keyBy(r -> r.kind())
                .window(Windows.global()).aggregate(Aggregates.distinctCount(Row::attr1)).build();
    }

    public static Job busyKeys() {
        return Job.named("busy-keys", "keys with at least two rows per 4 s").keyBy(Row::key)
                .window(Windows.tumbling("4s")).aggregate(Aggregates.count()).filter(r -> r.value() >= 2).build();
    }

    /** The jobs in which a record can be late: all but the stateless one and the global window, which never closes. */
    public static List<Job> withLateRecords() {
        return List.of(tumblingCount(), slidingSum(), sessionCount(), detector(), hotItems(), halfBidsMax(), busyKeys());
    }

    /** Any of the contract's jobs, for {@code @ForAll(supplier = ContractJobs.AnyJob.class)}. */
    public static final class AnyJob implements ArbitrarySupplier<Job> {
        @Override
        public Arbitrary<Job> get() {
            return Arbitraries.of(all());
        }
    }

    public static List<Job> all() {
        return List.of(tumblingCount(), slidingSum(), sessionCount(), detector(), hotItems(), stateless(),
                halfBidsMax(), globalDistinct(), busyKeys());
    }
}
