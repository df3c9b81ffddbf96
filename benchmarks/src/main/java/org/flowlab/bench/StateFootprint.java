package org.flowlab.bench;

import java.util.Locale;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.stream.StreamConfig;
import org.flowlab.sim.stream.StreamRun;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Bytes of heap per (key, window pane) of the stream engine's state, measured without JMH (which
 * times, it does not weigh) and without an agent: a stream run of a count per key per one-hour
 * window over {@code n} events with distinct keys, advanced until every event was processed but no
 * window has fired, so its state is {@code n} open panes. Used heap is read after {@link System#gc}
 * with the run alive, for {@code n} and {@code 2n} events; the difference divided by {@code n} cancels
 * what does not grow with the state. It is an upper bound: whatever else the run keeps per record
 * (its per-record metrics) is counted too.
 */
public final class StateFootprint {
    /** The name this measurement takes in the results, beside the JMH benchmarks. */
    public static final String NAME = "org.flowlab.bench.StateFootprint.bytesPerPane";

    private StateFootprint() {
    }

    /** Heap bytes per open (key, pane), from runs of {@code n} and {@code 2n} panes. */
    public static double bytesPerPane(int n) {
        long small = retainedHeap(n);
        long large = retainedHeap(2 * n);
        return (large - small) / (double) n;
    }

    /** The JMH-shaped JSON object of one measurement, to sit in the same result array. */
    public static String resultJson(int n, double bytesPerPane) {
        return String.format(Locale.ROOT, "{\"benchmark\": \"%s\", \"mode\": \"heap delta after System.gc, not JMH\", "
                + "\"params\": {\"panes\": \"%d\"}, \"primaryMetric\": {\"score\": %.1f, \"scoreUnit\": \"B/pane\"}}",
                NAME, n, bytesPerPane);
    }

    static long retainedHeap(int n) {
        Trace trace = distinctKeys(n);
        Job job = Job.named("footprint", "a count per key per hour")
                .from(RowFilter.ALL)
                .keyBy(Row::key)
                .window(Windows.tumbling("1h"))
                .aggregate(Aggregates.count())
                .build();
        StreamConfig config = StreamConfig.defaults().withCheckpointing(false);
        StreamRun run = StreamRun.start(job, trace, config);
        long before = usedAfterGc();
        // Up to a minute before the trailing event: every pane is built, the source is not finished (that
        // would send the final watermark and fire the hour window).
        run.advanceTo(trace.lastArrival() - 60_000_000_000L);
        long after = usedAfterGc();
        if (run.isFinished()) {
            throw new IllegalStateException("the footprint run finished early: its windows fired");
        }
        return after - before;
    }

    /**
     * {@code n} events a microsecond apart, each with its own key, then one more on the first key
     * half an hour later, which keeps the source open while the first {@code n} are processed.
     */
    static Trace distinctKeys(int n) {
        Trace shape = BenchTraces.firstEvents("nexmark", 16);
        WorkloadSpec spec = shape.spec();
        TraceBuilder b = new TraceBuilder(spec, BenchTraces.SEED, shape.schema(), n);
        int bid = shape.schema().kindIndex("bid");
        for (int i = 0; i < n; i++) {
            long t = i * 1_000L;
            b.add(t, t, bid, i + 1, 1.0);
        }
        long trailing = 30 * 60_000_000_000L;
        b.add(trailing, trailing, bid, 1, 1.0);
        return b.build();
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several rounds: one System.gc may leave floating garbage; the smallest reading is the live heap.
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
