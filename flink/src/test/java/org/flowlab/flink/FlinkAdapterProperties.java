package org.flowlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/**
 * The adapters against the oracle on small random traces made to be hard: event times on a coarse
 * grid (many ties, broken by id), arrival delays of up to 5 s (much disorder), and jobs that
 * depend on the order a process function sees rows and timers in, chain stateful steps, and cut
 * sessions at exactly the gap — in both runtime modes, with parallelism 2.
 */
class FlinkAdapterProperties {
    private static final long MS = 1_000_000L;
    private static final TraceSchema SCHEMA = new TraceSchema(List.of("a", "b"), "key", "value", "attr1", null, null, List.of("none"));

    private static LocalFlinkCluster cluster;
    private static FlinkRunner runner;

    @BeforeContainer
    static void startCluster() {
        cluster = LocalFlinkCluster.start(2);
        runner = new FlinkRunner(cluster, 2);
    }

    @AfterContainer
    static void stopCluster() {
        cluster.close();
    }

    /** The jobs, each a serializable method reference, as a user's own job would be shipped. */
    enum Shape {
        ORDER_PROBE(FlinkAdapterProperties::orderProbe),
        PROCESS_THEN_WINDOW(FlinkAdapterProperties::processThenWindow),
        SESSIONS_THEN_PROCESS(FlinkAdapterProperties::sessionsThenProcess);

        final JobRecipe recipe;

        Shape(JobRecipe recipe) {
            this.recipe = recipe;
        }
    }

    record Happening(long eventTime, long delay, int kind, long key, double value, long attr1) {
    }

    @Provide
    Arbitrary<List<Happening>> happenings() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 120).map(slot -> slot * 250 * MS),
                Arbitraries.longs().between(0, 5_000).map(ms -> ms * MS),
                Arbitraries.integers().between(0, 1),
                Arbitraries.longs().between(0, 4),
                Arbitraries.integers().between(-20, 200).map(c -> c / 4.0),
                Arbitraries.longs().between(0, 3)
        ).as(Happening::new).list().ofMinSize(20).ofMaxSize(300);
    }

    @Property(tries = 12)
    void flinkAgreesWithTheOracleInBothModes(@ForAll("happenings") List<Happening> happenings, @ForAll Shape shape) {
        Trace trace = trace(happenings);
        Statistics.label("shape").collect(shape);
        Statistics.label("disordered").collect(trace.disorder() > 0);
        ResultTable expected = ReferenceOracle.run(shape.recipe.build(), trace);
        for (FlinkMode mode : FlinkMode.values()) {
            FlinkRun run = runner.run(shape.recipe, trace, mode);
            assertThat(run.lateRows()).as("late rows in %s", mode).isZero();
            assertThat(expected.diffReport(run.results(), 10)).as("%s in %s", shape, mode).isEmpty();
        }
    }

    static Trace trace(List<Happening> happenings) {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, SCHEMA);
        for (Happening h : happenings) {
            b.add(h.eventTime(), h.eventTime() + h.delay(), h.kind(), h.key(), h.value(), h.attr1(), 0, 0, 0);
        }
        return b.build();
    }

    /** Per key, every row and timer in the order the function saw them, with a count kept in state. */
    static Job orderProbe() {
        return Job.named("order-probe", "what a process function sees, in order")
                .from(RowFilter.ALL)
                .keyBy(Row::key)
                .process("probe", OrderProbe::new)
                .build();
    }

    /** A process function forwarding running sums, then a tumbling-window sum per attr1. */
    static Job processThenWindow() {
        return Job.named("process-then-window", "running sums per key, summed per attr1 and second")
                .from(RowFilter.kind("a"))
                .keyBy(Row::key)
                .process("running-sum", RunningSum::new)
                .keyBy("by-attr1", Row::attr1)
                .window(Windows.tumbling(1_000 * MS))
                .aggregate(Aggregates.sum())
                .build();
    }

    /** Sessions of 1 s (rows exactly 1 s apart start a new one), then per key the longest session so far. */
    static Job sessionsThenProcess() {
        return Job.named("sessions-then-process", "session sizes per key, and the largest so far")
                .from(RowFilter.ALL)
                .keyBy(Row::key)
                .window(Windows.session(1_000 * MS))
                .aggregate("rows", Aggregates.count(), r -> r.row().withValue((Long) r.value()))
                .keyBy("again", Row::key)
                .process("largest", LargestSoFar::new)
                .map("double", row -> row.withValue(row.value() * 2))
                .build();
    }

    record Seen(long id, long count) {
    }

    record Fired(long at, long count) {
    }

    /** Emits each row and timer with the key's running count; timers at, after and relative to rows. */
    static final class OrderProbe implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Long count = ctx.state("count");
            long n = count == null ? 1 : count + 1;
            ctx.setState("count", n);
            ctx.emit(new Seen(row.id(), n));
            ctx.registerTimer(ctx.currentTime());
            ctx.registerTimer(ctx.currentTime() + 500 * MS);
            if (row.id() % 3 == 0) {
                ctx.deleteTimer(ctx.currentTime() + 500 * MS);
            }
        }

        @Override
        public void onTimer(long timestamp, ProcessContext ctx) {
            Long count = ctx.state("count");
            ctx.emit(new Fired(timestamp, count));
            if (count % 2 == 1) {
                ctx.registerTimer(timestamp + 250 * MS);
            }
            ctx.setState("count", count + 1);
        }
    }

    /** Forwards each row with the key's running sum of values as its value. */
    static final class RunningSum implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double sum = ctx.state("sum");
            double s = (sum == null ? 0 : sum) + row.value();
            ctx.setState("sum", s);
            ctx.forward(row.withValue(s));
        }
    }

    /** Forwards each session row with the largest session size of the key so far as attr2. */
    static final class LargestSoFar implements KeyedProcessFunction {
        @Override
        public void processElement(Row row, ProcessContext ctx) {
            Double max = ctx.state("max");
            double m = max == null ? row.value() : Math.max(max, row.value());
            ctx.setState("max", m);
            ctx.forward(row.withAttr2((long) m));
        }
    }

}
