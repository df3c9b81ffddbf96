package org.flowlab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import org.flowlab.charts.ChartFiles;
import org.flowlab.charts.WorkloadCharts;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import org.flowlab.workloads.summary.RateSeries;
import org.flowlab.workloads.summary.TraceSeries;
import org.flowlab.workloads.summary.TraceSummary;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;
import org.flowlab.workloads.trace.TraceFiles;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flowlab workload describe}: the figures of a workload, and its charts. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Generate a scenario's trace (or read a trace file) and describe it: events, time span, mean "
                + "and peak rate, distinct keys and the top key's share, disorder p50 / p99 / max, late fraction, "
                + "ground truth. Writes PNG charts of the arrival rate and of the disorder histogram.",
        footer = {"", "Examples:", "  ./flowlab workload describe --scenario card-fraud",
                "  ./flowlab workload describe --scenario nexmark --seed 7 --duration 10s --rate 50000/s",
                "  ./flowlab workload describe --trace card-fraud.jsonl"})
final class WorkloadDescribeCommand implements Runnable {

    /** Roughly how many buckets the arrival-rate chart shows. */
    private static final int RATE_BUCKETS = 300;
    private static final int DELAY_BINS = 40;

    /** A generated workload's source, or a recorded trace. */
    static final class Source extends WorkloadOptions.Source {
        @Option(names = "--trace", paramLabel = "FILE.jsonl", required = true,
                description = "A trace file written by 'flowlab workload generate' or 'flowlab workload import'.")
        Path traceFile;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    WorkloadOverrides overrides;

    @Option(names = "--charts", paramLabel = "DIR", converter = FolderConverter.class,
            description = "Where to write the charts (default: results/workloads/<scenario>-seed<N>/).")
    Path chartsDir;

    @Override
    public void run() {
        Trace trace = trace();
        TraceSummary summary = TraceSummary.of(trace);
        TraceSeries series = TraceSeries.of(trace);
        Path dir = chartsDir != null ? chartsDir : ResultsLocation.root().resolve("workloads").resolve(folderName(trace));
        String name = trace.spec().scenario() + ", seed " + trace.seed();
        Path rateChart = ChartFiles.savePng(
                WorkloadCharts.arrivalRate("Arrival rate — " + name, series.arrivalRate(rateBucket(summary))),
                dir.resolve("arrival-rate.png"));
        Path delayChart = ChartFiles.savePng(
                WorkloadCharts.disorderHistogram("Disorder — " + name, series.delayHistogram(DELAY_BINS)),
                dir.resolve("disorder.png"));
        print(trace, summary, rateChart, delayChart);
    }

    private Trace trace() {
        if (source.traceFile != null) {
            if (overrides.changesSpec()) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--duration and --rate change a generated workload; they cannot be used with --trace");
            }
            return TraceFiles.read(source.traceFile);
        }
        return WorkloadGenerator.generate(WorkloadOptions.spec(source, overrides), overrides.seed);
    }

    /** One folder per distinct (spec, seed): a spec that differs from the defaults gets a checksum suffix. */
    private String folderName(Trace trace) {
        String base = trace.spec().scenario() + "-seed" + trace.seed();
        boolean known = ScenarioCatalog.names().contains(trace.spec().scenario());
        if (known && WorkloadSpec.defaults(trace.spec().scenario()).toJson().equals(trace.spec().toJson())) {
            return base;
        }
        CRC32 crc = new CRC32();
        crc.update(trace.spec().toJson().getBytes(StandardCharsets.UTF_8));
        return base + String.format(Locale.ROOT, "-%08x", crc.getValue());
    }

    /** A bucket of 1 s, 10 s, 1 min, 10 min or 1 h, whichever gives about {@link #RATE_BUCKETS} buckets. */
    private static long rateBucket(TraceSummary summary) {
        long span = Math.max(1, summary.arrivalSpan());
        long[] choices = {DurationText.NANOS_PER_MILLI * 10, DurationText.NANOS_PER_MILLI * 100, DurationText.NANOS_PER_SECOND,
                10 * DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_MINUTE, 10 * DurationText.NANOS_PER_MINUTE,
                DurationText.NANOS_PER_HOUR, 6 * DurationText.NANOS_PER_HOUR};
        for (long c : choices) {
            if (span / c <= RATE_BUCKETS) {
                return c;
            }
        }
        return DurationText.NANOS_PER_DAY;
    }

    private void print(Trace trace, TraceSummary s, Path rateChart, Path delayChart) {
        PrintWriter out = spec.commandLine().getOut();
        String title = trace.spec().scenario() + " (seed " + trace.seed() + ")";
        out.println(title);
        line(out, "events", String.format(Locale.ROOT, "%,d", s.events()));
        line(out, "event time", DurationText.format(s.eventTimeSpan()) + String.format(Locale.ROOT,
                " (%s .. %s)", DurationText.format(s.minEventTime()), DurationText.format(s.maxEventTime())));
        line(out, "rate", "mean " + RateText.format(s.meanRate()) + ", peak " + RateText.format(s.peakRate())
                + " (busiest " + DurationText.format(TraceSummary.PEAK_BUCKET) + " of arrivals)");
        line(out, "keys", String.format(Locale.ROOT, "%,d distinct (%s); top key %d has %s of events",
                s.distinctKeys(), trace.schema().key(), s.topKey(), percent(s.topKeyShare())));
        line(out, "disorder", "delay p50 " + DurationText.format(s.delayP50()) + ", p99 " + DurationText.format(s.delayP99())
                + ", max " + DurationText.format(s.delayMax()) + "; out of order " + percent(s.outOfOrderFraction())
                + "; late (> " + DurationText.format(s.lateThreshold()) + " behind) " + percent(s.lateFraction()));
        line(out, "kinds", counts(s.kindCounts(), s.events()));
        if (s.labelCounts().size() > 1) {
            line(out, "labels", counts(s.labelCounts(), s.events()));
        }
        line(out, "ground truth", s.groundTruthCounts().isEmpty() ? "none" : counts(s.groundTruthCounts(), -1));
        line(out, "charts", rateChart.toString());
        line(out, "", delayChart.toString());
        out.flush();
    }

    private static void line(PrintWriter out, String label, String text) {
        out.printf("  %-13s %s%n", label, text);
    }

    private static String counts(Map<String, Long> counts, long total) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%,d", e.getValue()));
            if (total > 0) {
                b.append(" (").append(percent(e.getValue() / (double) total)).append(')');
            }
        }
        return b.toString();
    }

    private static String percent(double fraction) {
        return fraction >= 0.1 || fraction == 0 ? String.format(Locale.ROOT, "%.1f %%", 100 * fraction)
                : String.format(Locale.ROOT, "%.2g %%", 100 * fraction);
    }
}
