package org.flowlab.sim.stream;

import com.google.gson.JsonObject;
import java.util.Locale;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Measures by hand (not a test): one million Nexmark events through a Q5-like job with 4 workers,
 * wall-clock seconds and simulated records per wall-clock second. Run its main with the test class
 * path; it prints the figures. Wall-clock time is measured here only, never inside {@code sim}.
 */
public final class StreamQ5Measurement {

    private StreamQ5Measurement() {
    }

    static Job q5() {
        return Job.named("q5", "hot items: the auction with the most bids per 10 s window, every 2 s")
                .from(RowFilter.kind("bid"))
                .keyBy(Row::key)
                .window(Windows.sliding("10s", "2s"))
                .aggregate(Aggregates.count(), r -> r.row().withKey(r.window().end()).withAttr1(r.key()).withValue((Long) r.value()))
                .keyBy(Row::key)
                .window(Windows.tumbling("2s"))
                .aggregate(Aggregates.topN(1, Row::attr1, Row::value))
                .build();
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double rate = 10_000;
        // A little more event time than needed, capped at exactly `events` events.
        long duration = (long) Math.ceil(events * 1.2 / rate * 1e9);
        JsonObject cap = new JsonObject();
        cap.addProperty("maxEvents", events);
        WorkloadSpec spec = WorkloadSpec.defaults("nexmark").withDuration(duration).withRate(rate).merge("measurement", cap);
        long g0 = System.nanoTime();
        Trace trace = WorkloadGenerator.generate(spec, 42);
        long g1 = System.nanoTime();
        System.out.printf(Locale.ROOT, "trace: %,d events in %.2f s of wall clock to generate%n", trace.size(), (g1 - g0) / 1e9);
        StreamConfig config = StreamConfig.defaults().withCluster(StreamConfig.defaults().cluster().withWorkers(4)).withTasks(4);
        Job job = q5();
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            RunOutcome out = StreamEngine.run(job, trace, config);
            long t1 = System.nanoTime();
            double wall = (t1 - t0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %.2f s wall clock, %,.0f simulated records per wall-clock second;"
                            + " %.1f s simulated, %d outputs, latency %s, lost %d, late %d%n",
                    r + 1, wall, trace.size() / wall, out.metrics().endTime() / 1e9, out.results().size(),
                    out.metrics().latency(), out.lostRecords(), out.lateRecords());
        }
        if (args.length > 2) {
            long o0 = System.nanoTime();
            boolean agree = ReferenceOracle.run(job, trace).equals(StreamEngine.run(job, trace, config).results());
            System.out.printf(Locale.ROOT, "agrees with the oracle: %s (%.2f s)%n", agree, (System.nanoTime() - o0) / 1e9);
        }
    }
}
