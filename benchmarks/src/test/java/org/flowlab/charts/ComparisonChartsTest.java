package org.flowlab.charts;

import org.flowlab.sim.stream.StreamSettings;
import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.flowlab.charts.HandBuiltRuns.MS;
import static org.flowlab.charts.HandBuiltRuns.SECOND;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.awt.Color;
import org.flowlab.experiment.Candidate;
import org.flowlab.experiment.EngineFailure;
import org.flowlab.experiment.EngineRun;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** The comparison's charts from hand-built runs: titled, axes with units, one colour per paradigm. */
class ComparisonChartsTest {

    @TempDir
    Path dir;

    final Trace trace = HandBuiltRuns.steady(6_000, 10 * MS); // one minute, 100 records a second
    final List<EngineRun> runs = List.of(
            HandBuiltRuns.run(BatchEngineTypes.BATCH, trace, HandBuiltRuns.everyInterval(20 * SECOND)),
            HandBuiltRuns.run(BatchEngineTypes.MICROBATCH, trace, HandBuiltRuns.everyInterval(2 * SECOND)),
            HandBuiltRuns.run(StreamEngineType.STREAM, trace, t -> t + 50 * MS));
    /** The runs' batch and trigger intervals, as the comparison's settings give them. */
    static final ToLongFunction<EngineRun> INTERVALS = run -> switch (run.paradigm().id()) {
        case "batch" -> 20 * SECOND;
        case "microbatch" -> 2 * SECOND;
        default -> 0;
    };

    static void assertColoursByParadigm(XYChart chart, List<EngineRun> runs) {
        assertThat(chart.getSeriesMap()).hasSize(runs.size());
        List<XYSeries> series = new ArrayList<>(chart.getSeriesMap().values());
        for (int i = 0; i < runs.size(); i++) {
            assertThat(series.get(i).getName()).startsWith(runs.get(i).paradigm().label() + " (");
            assertThat(series.get(i).getLineColor()).isEqualTo(Palette.of(runs.get(i).paradigm()));
        }
    }

    @Test
    void thePaletteGivesEachParadigmItsOwnColour() {
        Set<Color> colours = new java.util.HashSet<>();
        for (EngineType<?> p : EngineRegistry.STANDARD.all()) {
            colours.add(Palette.of(p));
        }
        assertThat(colours).hasSize(EngineRegistry.STANDARD.all().size()).doesNotContain(Palette.MARKER, Palette.COST, Palette.FLINK);
        assertThat(Palette.hex(Palette.of(BatchEngineTypes.BATCH))).isEqualTo("#0072b2");
    }

    @Test
    void latencyCdfHasOneCurvePerEngineOnALogAxisOfMilliseconds() {
        XYChart chart = ComparisonCharts.latencyCdf("Per-record latency — test", trace, runs);
        assertThat(chart.getTitle()).isEqualTo("Per-record latency — test");
        assertThat(chart.getXAxisTitle()).contains("(ms, log scale)");
        assertThat(chart.getYAxisTitle()).contains("(%)");
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertColoursByParadigm(chart, runs);
        XYSeries stream = chart.getSeriesMap().get(chart.getSeriesMap().keySet().toArray(String[]::new)[2]);
        for (double x : stream.getXData()) {
            assertThat(x).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.1));
        }
    }

    @Test
    void theCdfIsTheShareOfRecordsWithinEachLatency() {
        // Record i becomes visible i ms after it arrives: latencies 0 .. 5999 ms, uniform.
        EngineRun ramp = HandBuiltRuns.run(BatchEngineTypes.BATCH, trace, t -> t + t / (10 * MS) * MS);
        double[][] cdf = ComparisonCharts.cdf(trace, ramp.outcome().visibility().toArray());
        for (int i = 1; i < cdf[0].length; i++) {
            assertThat(cdf[0][i]).isGreaterThanOrEqualTo(cdf[0][i - 1]);
            assertThat(cdf[1][i]).isGreaterThanOrEqualTo(cdf[1][i - 1]);
        }
        for (int i = 0; i < cdf[0].length; i++) {
            double expectedShare = Math.min(100, (Math.floor(cdf[0][i]) + 1) / 6_000 * 100);
            assertThat(cdf[1][i]).isCloseTo(expectedShare, org.assertj.core.data.Offset.offset(0.05));
        }
        assertThat(cdf[1][cdf[1].length - 1]).isEqualTo(100.0);
        assertThat(cdf[0][0]).isEqualTo(ComparisonCharts.MIN_LATENCY_MS);
    }

    @Test
    void stalenessShowsTheSawToothAgainstTheLine() {
        XYChart chart = ComparisonCharts.staleness("Staleness — test", runs);
        assertThat(chart.getXAxisTitle()).isEqualTo("time (s)");
        assertThat(chart.getYAxisTitle()).isEqualTo("staleness (s)");
        assertColoursByParadigm(chart, runs);
        double[] batch = chart.getSeriesMap().values().iterator().next().getYData();
        double max = java.util.Arrays.stream(batch).max().orElseThrow();
        assertThat(max).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.2));
        long drops = 0;
        for (int i = 1; i < batch.length; i++) {
            if (batch[i] < batch[i - 1] - 10) {
                drops++;
            }
        }
        assertThat(drops).as("one drop per commit, every 20 s over a minute").isBetween(2L, 3L);
    }

    @Test
    void throughputAndBacklogMarkTheFaults() throws IOException {
        FaultPlan faults = FaultPlan.parse("crash:worker=1@30s+5s;stall:source@40s..45s");
        XYChart throughput = ComparisonCharts.throughput("Throughput — test", runs, faults, INTERVALS);
        XYChart backlog = ComparisonCharts.backlog("Backlog — test", runs, faults);
        assertThat(throughput.getTitle()).isEqualTo("Throughput — test (around the faults)");
        // A 25 s window: a 120th is 0.2 s, but the micro-batch triggers every 2 s, so bins of 2 s hold one run each.
        assertThat(throughput.getYAxisTitle()).isEqualTo("records processed per second, mean per 2 s (log scale)");
        assertThat(throughput.getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(backlog.getYAxisTitle()).contains("records");
        assertThat(backlog.getXAxisTitle()).isEqualTo("time (s)");
        // The window: from a pad (a 24th of the minute-long run, 2.5 s) before the crash to three after the stall.
        assertThat(throughput.getStyler().getXAxisMin()).isCloseTo(27.5, org.assertj.core.data.Offset.offset(0.3));
        assertThat(throughput.getStyler().getXAxisMax()).isCloseTo(52.5, org.assertj.core.data.Offset.offset(0.3));
        for (XYSeries series : backlog.getSeriesMap().values()) {
            for (double x : series.getXData()) {
                assertThat(x).isBetween(27.0, 53.5);
            }
            for (double y : series.getYData()) {
                assertThat(y).as("a log scale shows nothing below 1").isGreaterThanOrEqualTo(1);
            }
        }
        assertColoursByParadigm(throughput, runs);
        assertColoursByParadigm(backlog, runs);
        ChartFiles.savePngAndSvg(throughput, dir, "throughput");
        String svg = Files.readString(dir.resolve("throughput.svg"));
        // XChart's SVG draws text as outlines; the fault markers are the dashed lines in the marker colour.
        assertThat(countMarkerLines(svg)).as("crash, and the stall's start and end").isEqualTo(3);
        assertThat(dir.resolve("throughput.png")).isRegularFile();
    }

    @Test
    void withoutTimedFaultsTheTimelinesShowTheWholeRun() {
        XYChart throughput = ComparisonCharts.throughput("Throughput — test", runs, FaultPlan.parse("task-fail:mtbf=1h"),
                INTERVALS);
        assertThat(throughput.getTitle()).isEqualTo("Throughput — test");
        assertThat(throughput.getStyler().isYAxisLogarithmic()).isFalse();
        double[] xs = throughput.getSeriesMap().values().iterator().next().getXData();
        assertThat(xs[0]).isZero();
        assertThat(xs[xs.length - 1]).isGreaterThan(55);
    }

    @Test
    void throughputIsEachEnginesMeanOverTheSameBinsSoAMicroBatchIsALine() {
        XYChart throughput = ComparisonCharts.throughput("Throughput — test", runs, FaultPlan.parse("none"), INTERVALS);
        // A minute: a 120th is 0.5 s, but the micro-batch triggers every 2 s; the batch, three times a minute, too rarely to count.
        assertThat(throughput.getYAxisTitle()).isEqualTo("records processed per second, mean per 2 s");
        List<XYSeries> series = new ArrayList<>(throughput.getSeriesMap().values());
        for (XYSeries s : series) {
            assertThat(s.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.Step);
            assertThat(s.getXData()).containsExactly(series.get(0).getXData());
        }
        double[] micro = series.get(1).getYData();
        double[] batch = series.get(0).getYData();
        // Every 2 s bin holds one micro-batch run of 2 s of input at 100 records a second (the first, before any run, none;
        // the last, from 60 s, the run at 60 s).
        assertThat(micro[0]).isZero();
        for (int i = 1; i < micro.length; i++) {
            assertThat(micro[i]).as("bin %d", i).isEqualTo(100.0);
        }
        // The batch reads 20 s of input in the bin of each run: a step ten times the input rate, idle in between.
        assertThat(java.util.Arrays.stream(batch).max().orElseThrow()).isEqualTo(1_000.0);
        assertThat(java.util.Arrays.stream(batch).filter(y -> y == 0).count()).isGreaterThan(20);
    }

    @Test
    void theBinsAreReadableAndAWholeNumberOfTheTriggersTheWindowSpansOften() {
        long minute = 60 * SECOND;
        long hour = 60 * minute;
        // Four hours: 2 min bins; the hourly batch triggers only four times, so it shows as steps.
        ComparisonCharts.Window day = new ComparisonCharts.Window(0, 4 * hour, false);
        ToLongFunction<EngineRun> showcase = run -> run.paradigm().equals(BatchEngineTypes.BATCH) ? hour
                : run.paradigm().equals(BatchEngineTypes.MICROBATCH) ? 10 * SECOND : 0;
        assertThat(ThroughputBins.of(day, runs, showcase)).isEqualTo(new ThroughputBins(2 * minute));
        assertThat(new ThroughputBins(2 * minute).label()).isEqualTo("2 min");
        // Fifty minutes around a crash: a 120th is 25 s, readable as 30 s, three micro-batch runs each.
        ComparisonCharts.Window crash = new ComparisonCharts.Window(77 * minute, 127 * minute, true);
        assertThat(ThroughputBins.of(crash, runs, showcase).width()).isEqualTo(30 * SECOND);
        // A trigger of 7 s: 35 s bins, five runs each, whatever a readable width would be.
        ToLongFunction<EngineRun> odd = run -> run.paradigm().equals(BatchEngineTypes.MICROBATCH) ? 7 * SECOND : 0;
        assertThat(ThroughputBins.of(crash, runs, odd).label()).isEqualTo("35 s");
        // A trigger of 10 minutes in the same window fires five times: each run a step, the bins stay 30 s.
        ToLongFunction<EngineRun> rare = run -> run.paradigm().equals(BatchEngineTypes.MICROBATCH) ? 10 * minute : 0;
        assertThat(ThroughputBins.of(crash, runs, rare).width()).isEqualTo(30 * SECOND);
    }

    @Test
    void theBinnedRatesKeepEveryRecordProcessed() {
        ComparisonCharts.Window whole = new ComparisonCharts.Window(0, 61 * SECOND, false);
        ThroughputBins bins = new ThroughputBins(7 * SECOND);
        for (EngineRun run : runs) {
            double[][] points = bins.meanRates(run.outcome().metrics().throughput(), TimeAxis.forSpan(whole.to()), whole);
            double records = 0;
            for (int i = 0; i + 1 < points[0].length; i++) {
                records += points[1][i] * (points[0][i + 1] - points[0][i]);
            }
            assertThat(records).as(run.paradigm().label()).isCloseTo(6_000, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void theParetoFrontJoinsTheConfigurationsNothingBeats() throws IOException {
        Candidate slowCheap = candidate(BatchEngineTypes.BATCH, 100_000, 0.1);
        Candidate beaten = candidate(BatchEngineTypes.BATCH, 200_000, 0.5);
        Candidate middle = candidate(BatchEngineTypes.MICROBATCH, 10_000, 0.4);
        Candidate fastDear = candidate(StreamEngineType.STREAM, 100, 1.0);
        List<Candidate> all = List.of(slowCheap, beaten, middle, fastDear);
        assertThat(SweepCharts.front(all)).containsExactly(fastDear, middle, slowCheap);
        XYChart chart = SweepCharts.paretoFront("Cost against p99 — test", all, OptionalLong.of(5_000 * MS));
        assertThat(chart.getXAxisTitle()).contains("p99").contains("(ms, log scale)");
        assertThat(chart.getYAxisTitle()).contains("cost");
        assertThat(chart.getSeriesMap().keySet()).containsExactly("batch", "micro-batch", "stream", "Pareto front");
        Set<String> seen = new java.util.HashSet<>();
        for (EngineType<?> p : EngineRegistry.STANDARD.all()) {
            assertThat(chart.getSeriesMap().get(p.label()).getMarkerColor()).isEqualTo(Palette.of(p));
            seen.add(p.id());
        }
        ChartFiles.savePngAndSvg(chart, dir, "pareto");
        assertThat(countMarkerLines(Files.readString(dir.resolve("pareto.svg")))).as("the SLA line").isEqualTo(1);
    }

    @Test
    void aFailedConfigurationIsLeftOutOfTheParetoChart() throws IOException {
        Candidate batch = candidate(BatchEngineTypes.BATCH, 100_000, 0.1);
        Candidate micro = candidate(BatchEngineTypes.MICROBATCH, 10_000, 0.4);
        // Its figures stop at the failure: cheap and fast, it would otherwise lead the front.
        Candidate failedStream = new Candidate(StreamEngineType.STREAM, "c", 50, 100, 0.01, 1, 1, 1, 0, 0, 0, 0, 0, false,
                new EngineFailure(60_000, 0, "the restart strategy (none) allows no more restarts", "restart", StreamEngineType.STREAM.givingUpOf(StreamSettings.DEFAULTS)));
        XYChart chart = SweepCharts.paretoFront("Cost against p99 — test", List.of(batch, micro, failedStream), OptionalLong.empty());
        assertThat(chart.getSeriesMap().keySet()).containsExactly("batch", "micro-batch", "Pareto front");
        assertThat(chart.getSeriesMap().get("Pareto front").getXData()).containsExactly(10_000, 100_000);
        // Every configuration failed: an empty chart, still drawn.
        XYChart empty = SweepCharts.paretoFront("Cost against p99 — test", List.of(failedStream), OptionalLong.of(5_000 * MS));
        assertThat(empty.getSeriesMap()).isEmpty();
        ChartFiles.savePngAndSvg(empty, dir, "empty-pareto");
        assertThat(dir.resolve("empty-pareto.png")).isRegularFile();
    }

    static int countMarkerLines(String svg) {
        String colour = "stroke:rgb(" + Palette.MARKER.getRed() + "," + Palette.MARKER.getGreen() + "," + Palette.MARKER.getBlue() + ")";
        int n = 0;
        for (String line : svg.split("<line ")) {
            if (line.contains(colour)) {
                n++;
            }
        }
        return n;
    }

    static Candidate candidate(EngineType<?> p, double p99Ms, double cost) {
        return new Candidate(p, "c", p99Ms / 2, p99Ms, cost, 1, 1, 1, 0, 0, 0, 0, 0, true);
    }
}
