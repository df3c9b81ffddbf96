package org.flowlab.sim.batch;

import java.util.Locale;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;

/**
 * A hand measurement, not a test: wall-clock time of a batch run (every 1 h) and a micro-batch
 * run (every 1 s) over the default {@code stock-ticks} trace with VWAP per minute, and the
 * simulated records per wall-clock second. Run with
 * {@code java -cp <test class path> org.flowlab.sim.batch.StockTicksMeasurement} after
 * {@code ./mvnw -pl sim -am test-compile}. It prints each engine's first run in the fresh JVM, then
 * the median of 5 runs after 2 warm-ups.
 */
public final class StockTicksMeasurement {
    private StockTicksMeasurement() {
    }

    public static void main(String[] args) {
        Trace trace = WorkloadGenerator.generate("stock-ticks", 1);
        Job job = Vwap.perMinute();
        BatchEngine batch = new BatchEngine(BatchConfig.defaults().withSchedule("every 1h"));
        MicroBatchEngine micro = new MicroBatchEngine(MicroBatchConfig.defaults().withInterval("1s"));
        long t0 = System.nanoTime();
        check(job, trace, batch.runWithFigures(job, trace));
        long t1 = System.nanoTime();
        check(job, trace, micro.runWithFigures(job, trace));
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "first runs in a fresh JVM: batch %.0f ms, micro-batch %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        for (String name : new String[]{"batch(every 1h)", "micro-batch(1s)"}) {
            long[] wall = new long[7];
            BatchRun last = null;
            for (int i = 0; i < wall.length; i++) {
                long start = System.nanoTime();
                last = name.startsWith("batch") ? batch.runWithFigures(job, trace) : micro.runWithFigures(job, trace);
                wall[i] = System.nanoTime() - start;
            }
            long[] measured = java.util.Arrays.copyOfRange(wall, 2, wall.length);
            java.util.Arrays.sort(measured);
            long median = measured[measured.length / 2];
            System.out.printf(Locale.ROOT, "%s: %d records, %d runs, wall %.0f ms (median of 5 after 2 warm-ups; min %.0f, max %.0f),"
                            + " %.2f M simulated records per wall-clock second; latency p50 %.1f s%n",
                    name, trace.size(), last.figures().runs(), median / 1e6, measured[0] / 1e6, measured[measured.length - 1] / 1e6,
                    trace.size() / (median / 1e9) / 1e6, last.outcome().metrics().latency().p50Ms() / 1e3);
        }
    }

    private static void check(Job job, Trace trace, BatchRun run) {
        String diff = ExpectedResults.disagreement(job, trace, run.outcome(), 5);
        if (!diff.isEmpty()) {
            throw new AssertionError(run.outcome().engine() + " disagrees with the oracle: " + diff);
        }
    }
}
