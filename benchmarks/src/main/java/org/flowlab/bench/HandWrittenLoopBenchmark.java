package org.flowlab.bench;

import java.util.concurrent.TimeUnit;
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

/**
 * The physical limit: the work of each {@link OperatorBenchmark} done by a plain loop over the
 * trace's primitive columns (the same {@value OperatorBenchmark#RECORDS} Nexmark events), with
 * {@link PrimitiveSums} for keyed state and plain double sums. No objects per record, no
 * interfaces, no exact arithmetic: what a C programmer would write. Every engine and operator
 * figure is reported as a ratio to one of these.
 */
@State(Scope.Thread)
@Warmup(iterations = JmhSettings.DEFAULT_WARMUP_ITERATIONS)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HandWrittenLoopBenchmark {

    static final int RECORDS = OperatorBenchmark.RECORDS;
    static final int SNAPSHOT_ENTRIES = OperatorBenchmark.SNAPSHOT_ENTRIES;
    static final long WINDOW = 10_000_000_000L;
    static final int GROUPS = 10_000;

    private long[] eventTime;
    private int[] kind;
    private long[] key;
    private double[] value;
    private int bid;
    private double[] mapped;
    private PrimitiveSums sums;
    private PrimitiveSums groups;
    private PrimitiveSums[] panesByWindow;
    private long firstWindow;
    private long[] stateKeys;
    private double[] stateSums;
    private long[] copiedKeys;
    private double[] copiedSums;

    @Setup
    public void setUp() {
        Trace trace = BenchTraces.firstEvents("nexmark", RECORDS);
        eventTime = new long[RECORDS];
        kind = new int[RECORDS];
        key = new long[RECORDS];
        value = new double[RECORDS];
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        for (int i = 0; i < RECORDS; i++) {
            eventTime[i] = trace.eventTime(i);
            kind[i] = trace.kind(i);
            key[i] = trace.key(i);
            value[i] = trace.value(i);
            minTime = Math.min(minTime, eventTime[i]);
            maxTime = Math.max(maxTime, eventTime[i]);
        }
        bid = trace.schema().kindIndex("bid");
        mapped = new double[RECORDS];
        sums = new PrimitiveSums(1024);
        groups = new PrimitiveSums(GROUPS);
        firstWindow = Math.floorDiv(minTime, WINDOW);
        panesByWindow = new PrimitiveSums[(int) (Math.floorDiv(maxTime, WINDOW) - firstWindow + 1)];
        for (int w = 0; w < panesByWindow.length; w++) {
            panesByWindow[w] = new PrimitiveSums(1024);
        }
        stateKeys = new long[SNAPSHOT_ENTRIES];
        stateSums = new double[SNAPSHOT_ENTRIES];
        for (int k = 0; k < SNAPSHOT_ENTRIES; k++) {
            stateKeys[k] = k;
            stateSums[k] = k * 0.25;
        }
        copiedKeys = new long[SNAPSHOT_ENTRIES];
        copiedSums = new double[SNAPSHOT_ENTRIES];
    }

    /** Filter bids and convert their price into an output column. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public double[] mapFilter() {
        for (int i = 0; i < RECORDS; i++) {
            mapped[i] = kind[i] == bid ? (long) value[i] * 908 / 1000.0 : 0;
        }
        return mapped;
    }

    /** Sum of value per key. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int keyedAggregate() {
        sums.clear();
        for (int i = 0; i < RECORDS; i++) {
            sums.add(key[i], value[i]);
        }
        return sums.size();
    }

    /** Count per (key, 10 s tumbling window): one table per window, as the engine keeps a bucket per window end. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int windowPaneUpdate() {
        for (PrimitiveSums panes : panesByWindow) {
            panes.clear();
        }
        for (int i = 0; i < RECORDS; i++) {
            panesByWindow[(int) (Math.floorDiv(eventTime[i], WINDOW) - firstWindow)].add(key[i], 1);
        }
        return panesByWindow[0].size();
    }

    /** Copy N (key, sum) entries. */
    @Benchmark
    @OperationsPerInvocation(SNAPSHOT_ENTRIES)
    public long[] stateSnapshot() {
        System.arraycopy(stateKeys, 0, copiedKeys, 0, SNAPSHOT_ENTRIES);
        System.arraycopy(stateSums, 0, copiedSums, 0, SNAPSHOT_ENTRIES);
        return copiedKeys;
    }

    /** Group-by over {@value #GROUPS} keys: sum of value per {@code key mod 10 000}. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public int groupBy10kKeys() {
        groups.clear();
        for (int i = 0; i < RECORDS; i++) {
            groups.add(Math.floorMod(key[i], GROUPS), value[i]);
        }
        return groups.size();
    }
}
