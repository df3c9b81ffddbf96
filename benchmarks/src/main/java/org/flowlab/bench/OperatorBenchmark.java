package org.flowlab.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFunction;
import org.flowlab.sim.job.RowPredicate;
import org.flowlab.sim.job.WindowAssigner;
import org.flowlab.sim.job.WindowConsumer;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.job.aggregate.ExactSum;
import org.flowlab.workloads.Trace;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The real per-record cost of each operator, the way the engines do the work: on {@link Row}
 * objects, through the job model's interfaces ({@link RowPredicate}, {@link RowFunction},
 * {@link AggregateFunction}, {@link WindowAssigner}) and accumulators in hash maps. Every benchmark
 * passes over the same {@value #RECORDS} Nexmark events (rows built in setup), so the score is
 * nanoseconds per record; {@link HandWrittenLoopBenchmark} does the same work over primitive columns.
 * {@code ./flowlab calibrate} turns these figures into a cost profile.
 */
@State(Scope.Thread)
@Warmup(iterations = JmhSettings.DEFAULT_WARMUP_ITERATIONS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OperatorBenchmark {

    static final int RECORDS = 100_000;
    /** Entries copied by one state snapshot. */
    static final int SNAPSHOT_ENTRIES = 100_000;

    private Row[] rows;
    private RowPredicate isBid;
    private RowFunction toEuros;
    private AggregateFunction<ExactSum, Double> sum;
    private AggregateFunction<Long, Long> count;
    private WindowAssigner tumbling;
    private final Map<Long, ExactSum> accumulators = new HashMap<>();
    private final Map<Long, Map<Long, Long>> panesByEnd = new HashMap<>();
    private final Map<Long, ExactSum> snapshotSource = new HashMap<>();

    /** A pane or accumulator as a checkpoint keeps it: key and accumulator, by value. */
    public record StateEntry(long key, Object acc) {
    }

    @Setup
    public void setUp() {
        Trace trace = BenchTraces.firstEvents("nexmark", RECORDS);
        rows = new Row[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            rows[i] = Row.of(trace, i);
        }
        int bid = trace.schema().kindIndex("bid");
        isBid = row -> row.kind() == bid;
        toEuros = row -> row.withValue((long) row.value() * 908 / 1000.0);
        sum = Aggregates.sum();
        count = Aggregates.count();
        tumbling = Windows.tumbling("10s");
        for (long k = 0; k < SNAPSHOT_ENTRIES; k++) {
            snapshotSource.put(k, ExactSum.of(k * 0.25));
        }
    }

    /** Filter then map, as Nexmark Q1: keep bids, convert their price; each output is a new row. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void mapFilter(Blackhole bh) {
        for (Row row : rows) {
            if (isBid.test(row)) {
                bh.consume(toEuros.apply(row));
            }
        }
    }

    /** A keyed running sum: read the key's accumulator, add the row, write the new accumulator back. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int keyedAggregate() {
        accumulators.clear();
        for (Row row : rows) {
            ExactSum acc = accumulators.get(row.key());
            accumulators.put(row.key(), sum.add(acc == null ? sum.create() : acc, row));
        }
        return accumulators.size();
    }

    /** A window-pane update: assign the row to its 10 s tumbling window, then count it in its (key, window) pane. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int windowPaneUpdate() {
        panesByEnd.clear();
        PaneAdder adder = new PaneAdder();
        for (Row row : rows) {
            adder.row = row;
            tumbling.assign(row.eventTime(), adder);
        }
        return panesByEnd.size();
    }

    private final class PaneAdder implements WindowConsumer {
        Row row;

        @Override
        public void accept(long start, long end) {
            Map<Long, Long> panes = panesByEnd.computeIfAbsent(end, e -> new HashMap<>());
            Long acc = panes.get(row.key());
            panes.put(row.key(), count.add(acc == null ? count.create() : acc, row));
        }
    }

    /** A state snapshot: copy every (key, accumulator) entry of keyed state into a checkpoint list. */
    @Benchmark
    @OperationsPerInvocation(SNAPSHOT_ENTRIES)
    public List<StateEntry> stateSnapshot() {
        List<StateEntry> copy = new ArrayList<>(snapshotSource.size());
        for (Map.Entry<Long, ExactSum> e : snapshotSource.entrySet()) {
            copy.add(new StateEntry(e.getKey(), e.getValue()));
        }
        return copy;
    }
}
