package org.flowlab.sim.stream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Measures by hand (not a test), for profiling: one catalog job ({@code scenario/job}) run by the
 * stream engine with its default config over the first N events of the scenario's default
 * workload, in a loop, printing wall-clock nanoseconds per simulated record. Wall-clock time is
 * measured here only, never inside {@code sim}. The bytes the last run allocated per record are
 * printed too: a figure a busy machine does not move. With N given as {@code SECONDSsRATE} (as
 * {@code 100s10000}) the trace is instead the scenario's whole workload of that span at that rate,
 * seed 1, flowlab's default: the trace of {@code flowlab flink --duration 100s --rate 10000/s} (599,085
 * events for stock-ticks). That command's stream engine has its own settings (a partition and a keyed
 * task per slot, 8, a checkpoint a minute, a watermark delay covering the trace's disorder, so that
 * no record is late): a fourth argument {@code flink} runs with them instead of the defaults, and
 * {@code no-checkpoints} runs the defaults without checkpoints, which measures what they cost. Last,
 * it prints what one run spends its kernel events on, per record.
 */
public final class StreamCatalogJobMeasurement {

    private StreamCatalogJobMeasurement() {
    }

    public static void main(String[] args) {
        String name = args.length > 0 ? args[0] : "card-fraud/fraud-alerts";
        String size = args.length > 1 ? args[1] : "50000";
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int slash = name.indexOf('/');
        CatalogJob catalogJob = JobCatalog.get(name.substring(0, slash), name.substring(slash + 1));
        Trace trace = size.contains("s") ? spanAtRate(catalogJob.scenario(), size)
                : firstEvents(catalogJob.scenario(), Integer.parseInt(size));
        Job job = catalogJob.build(trace);
        String setUp = args.length > 3 ? args[3] : "defaults";
        StreamConfig config = switch (setUp) {
            case "defaults" -> StreamConfig.defaults();
            case "flink" -> asFlowlabFlink(trace);
            case "no-checkpoints" -> StreamConfig.defaults().withCheckpointing(false);
            default -> throw new IllegalArgumentException("set-up " + setUp + ": use defaults, flink or no-checkpoints");
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) threads;
        double[] cpu = new double[repeats];
        double allocated = 0;
        for (int r = 0; r < repeats; r++) {
            long a0 = allocation.getCurrentThreadAllocatedBytes();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            RunOutcome out = StreamEngine.run(job, trace, config);
            long t1 = System.nanoTime();
            cpu[r] = (double) (threads.getCurrentThreadCpuTime() - c0) / trace.size();
            allocated = (double) (allocation.getCurrentThreadAllocatedBytes() - a0) / trace.size();
            if (r < 12 || r % 20 == 0 || r == repeats - 1) {
                System.out.printf(Locale.ROOT, "run %d: %.0f ns/record wall, %.0f cpu, %d outputs%n", r + 1,
                        (double) (t1 - t0) / trace.size(), cpu[r], out.results().size());
            }
        }
        // The second half, past warm-up: CPU time resists other processes on the machine better than wall time.
        double[] tail = Arrays.copyOfRange(cpu, repeats / 2, repeats);
        Arrays.sort(tail);
        System.out.printf(Locale.ROOT, "cpu ns/record over the second half: min %.0f, median %.0f; allocated %.0f B/record%n",
                tail[0], tail[tail.length / 2], allocated);
        printEvents(job, trace, config);
    }

    /**
     * What one more run of the same job spends its kernel events on, per record: a run's wall time
     * follows its events (a few hundred nanoseconds each), so this says whether records, watermark
     * ticks or checkpoints take a job's time.
     */
    private static void printEvents(Job job, Trace trace, StreamConfig config) {
        StreamRun run = StreamRun.startUnattended(job, trace, config);
        run.finish();
        double n = trace.size();
        System.out.printf(Locale.ROOT, "kernel events/record %.2f; ticks/record %.2f (%.2f taken in one step); "
                        + "checkpoints/record %.3f (%.3f passed a quiet graph in line); records taken in line %.0f %%%n",
                run.sim.executedEvents() / n, run.ticks / n, run.ticksInOneStep / n, run.completedCheckpoints() / n,
                run.coordinator.completedInLine / n, 100 * run.handOffs / n);
    }

    /**
     * The stream settings of {@code flowlab flink} (as {@code StreamEngineType} makes them from the
     * default engine settings): a partition and a keyed task per slot, a checkpoint a minute, a
     * watermark delay covering the trace's disorder.
     */
    private static StreamConfig asFlowlabFlink(Trace trace) {
        StreamConfig defaults = StreamConfig.defaults();
        return defaults.withTasks(defaults.cluster().totalSlots()).withEventTime(EventTimeContract.coveringDisorder(trace))
                .withCheckpointInterval(60 * 1_000_000_000L);
    }

    private static Trace spanAtRate(String scenario, String size) {
        int s = size.indexOf('s');
        long seconds = Long.parseLong(size.substring(0, s));
        double rate = Double.parseDouble(size.substring(s + 1));
        WorkloadSpec spec = WorkloadSpec.defaults(scenario).withDuration(seconds * 1_000_000_000L).withRate(rate);
        return WorkloadGenerator.generate(spec, 1);
    }

    // As the benchmarks' BenchTraces: the scenario's defaults over enough event time, cut to n events.
    static Trace firstEvents(String scenario, int n) {
        WorkloadSpec defaults = WorkloadSpec.defaults(scenario);
        double seconds = 1.5 * n / defaults.rate();
        for (int attempt = 0; attempt < 8; attempt++) {
            long duration = Math.max(1_000_000_000L, (long) Math.ceil(seconds * 1e9));
            Trace full = WorkloadGenerator.generate(defaults.withDuration(duration), 42);
            if (full.size() >= n) {
                TraceBuilder b = new TraceBuilder(full.spec(), full.seed(), full.schema(), n);
                for (int i = 0; i < n; i++) {
                    b.add(full.eventTime(i), full.arrivalTime(i), full.kind(i), full.key(i), full.value(i),
                            full.attr1(i), full.attr2(i), full.attr3(i), full.label(i));
                }
                return b.groundTruth(full.groundTruth()).build();
            }
            seconds *= 2;
        }
        throw new IllegalStateException("scenario " + scenario + " did not give " + n + " events");
    }
}
