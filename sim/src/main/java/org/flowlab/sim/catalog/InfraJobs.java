package org.flowlab.sim.catalog;

import java.util.List;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcessFunction;
import org.flowlab.sim.job.ProcessContext;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.WindowResult;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.AggregateFunction;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.text.DurationText;

/**
 * The detector of {@code infra-monitoring} (kind cpu: key = host, value = CPU percent busy, attr1 =
 * datacenter), in two stages:
 * <ol>
 *   <li>per host and sliding window ({@code window} long, every {@code slide}), the exact
 *       nearest-rank CPU percentile, with the sample count and the latest sample's time;</li>
 *   <li>per host, a process function that raises a {@link CpuAlert} when a window's percentile is
 *       above {@code threshold} and the host's previous window was not — one alert per episode of
 *       high CPU rather than one per overlapping window.</li>
 * </ol>
 */
final class InfraJobs {

    static final List<JobParameter> PARAMETERS = List.of(
            new JobParameter("threshold", "90", "alert when the window's CPU percentile is above this many percent; 0 to 100"),
            new JobParameter("percentile", "95", "which nearest-rank percentile of the window's CPU samples; 1 to 100"),
            new JobParameter("window", "1m", "the sliding window's length; 1s to 1d"),
            new JobParameter("slide", "10s", "how often a window starts; 1s to the window's length"));

    private InfraJobs() {
    }

    static Job cpuAlerts(TraceSchema schema, JobParameters p) {
        double threshold = p.number("threshold", 0, 100);
        int percentile = p.integer("percentile", 1, 100);
        long window = p.duration("window", DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_DAY);
        long slide = p.duration("slide", DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_DAY);
        String reason = "cpu-p" + percentile;
        AggregateFunction<CpuWindow, CpuStats> stats = Aggregates.of(reason, () -> CpuWindow.EMPTY, CpuWindow::plus,
                CpuWindow::merge, w -> w.stats(percentile));
        return Job.named("cpu-alerts", "alerts when a host's p" + percentile + " CPU over a sliding "
                        + p.text("window").trim() + " window passes " + p.text("threshold").trim() + " %")
                .from(RowFilter.kind("cpu"))
                .keyBy("host", Row::key)
                .window(Windows.sliding(window, slide))
                .aggregate(reason, stats, InfraJobs::toRow)
                .keyBy("host-again", Row::key)
                .process("cpu-alert", () -> new CpuAlerter(threshold, slide, window, reason))
                .build();
    }

    /** value = percentile, attr1 = datacenter, attr2 = latest sample time, attr3 = samples; event time = window end − 1. */
    private static Row toRow(WindowResult r) {
        CpuStats s = (CpuStats) r.value();
        return r.row().withValue(s.percentile()).withAttr1(s.datacenter()).withAttr2(s.latestSample()).withAttr3(s.samples());
    }

    /** A window's CPU samples, the latest sample's time and the host's datacenter; immutable. */
    record CpuWindow(SortedDoubles cpu, long latestSample, long datacenter) {
        static final CpuWindow EMPTY = new CpuWindow(SortedDoubles.empty(), Long.MIN_VALUE, Long.MIN_VALUE);

        CpuWindow plus(Row row) {
            return new CpuWindow(cpu.with(row.value()), Math.max(latestSample, row.eventTime()), Math.max(datacenter, row.attr1()));
        }

        CpuWindow merge(CpuWindow o) {
            return new CpuWindow(cpu.merge(o.cpu), Math.max(latestSample, o.latestSample), Math.max(datacenter, o.datacenter));
        }

        CpuStats stats(int percentile) {
            return new CpuStats(cpu.nearestRank(percentile), cpu.size(), latestSample, datacenter);
        }
    }

    /** What the first stage finds per host and window. */
    record CpuStats(double percentile, int samples, long latestSample, long datacenter) {
    }

    /** Raises an alert on a window above the threshold whose predecessor was not. */
    static final class CpuAlerter implements KeyedProcessFunction {
        private static final String LAST = "last-window";

        private final double threshold;
        private final long slide;
        private final long window;
        private final String reason;

        CpuAlerter(double threshold, long slide, long window, String reason) {
            this.threshold = threshold;
            this.slide = slide;
            this.window = window;
            this.reason = reason;
        }

        /** The end of the host's latest window and whether it was above the threshold. */
        record LastWindow(long end, boolean above) {
        }

        @Override
        public void processElement(Row row, ProcessContext ctx) {
            long end = row.eventTime() + 1;
            boolean above = row.value() > threshold;
            LastWindow last = ctx.state(LAST);
            // A window is the continuation of the previous one only if it starts one slide later.
            boolean wasAbove = last != null && last.above() && last.end() == end - slide;
            if (above && !wasAbove) {
                ctx.emit(new CpuAlert(reason, row.attr2(), row.value(), row.attr3(), end - window, end, row.attr1()));
            }
            ctx.setState(LAST, new LastWindow(end, above));
        }
    }
}
