package org.flowlab.report;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.charts.ChartFiles;
import org.flowlab.charts.SweepCharts;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.SustainableThroughput;
import org.flowlab.experiment.SweepParameter;
import org.flowlab.experiment.SweepPlan;
import org.flowlab.experiment.SweepPoint;
import org.flowlab.experiment.SweepResult;
import org.flowlab.experiment.Variation;
import org.flowlab.workloads.io.AtomicFiles;

/**
 * The content of a sweep's {@code sweep.json}, and the writing of its folder: the charts, sweep.json
 * and report.html beside the {@code points/} that the sweep keeps as it goes.
 *
 * @param schemaVersion  {@value RunReport#SCHEMA_VERSION}
 * @param sweepId        the sweep folder's name: the scenario and a hash of the sweep's arguments
 * @param parameters     the base comparison's parameters (the settings as given, before any point)
 * @param vary           the variations, canonical text
 * @param find           {@code sustainable-throughput}, or {@code none}
 * @param points         every engine run, in the order the sweep reached them
 * @param sustainable    per engine, the sustainable throughput found
 * @param recommendation the cheapest point that meets the SLA within the budget, or null for a search
 * @param charts         the charts' base names, each beside sweep.json as .png and .svg
 */
public record SweepReport(int schemaVersion, String sweepId, String flowlabVersion, String scenario, String job, long seed,
                          RunReport.Parameters parameters, List<String> vary, String find, List<SweepPoint> points,
                          List<SustainableThroughput.Result> sustainable, RunReport.RecommendationFigures recommendation,
                          List<String> charts, RunReport.Environment environment, WallClock wallClock) {

    public SweepReport {
        vary = List.copyOf(vary);
        points = List.copyOf(points);
        sustainable = List.copyOf(sustainable);
        charts = List.copyOf(charts);
    }

    /**
     * Wall clock of the latest run of the sweep.
     *
     * @param computed points run this time
     * @param reused   points read back from an earlier run
     * @param threads  how many points ran at once, at most ({@code flowlab sweep --threads})
     */
    public record WallClock(String startedAt, double totalSeconds, int computed, int reused, int threads) {
    }

    /** Writes the charts, sweep.json and report.html of {@code result} into {@code dir}, named after it; returns the report. */
    public static SweepReport write(SweepResult result, Path dir, String flowlabVersion, ZonedDateTime startedAt,
                                    String indexHref) {
        return write(result, dir, dir.getFileName().toString(), flowlabVersion, startedAt, indexHref);
    }

    /** As {@link #write(SweepResult, Path, String, ZonedDateTime, String)}, with the sweep's id given. */
    public static SweepReport write(SweepResult result, Path dir, String sweepId, String flowlabVersion,
                                    ZonedDateTime startedAt, String indexHref) {
        ComparisonPlan base = result.plan().base();
        // A failed run's figures stop at its failure: the charts show the runs that finished.
        List<SweepPoint> finished = result.points().stream().filter(p -> !p.failed()).toList();
        String name = RunInput.name(RunInput.of(base.input()), base.scenario()) + " / " + base.job().name(base.scenario());
        List<String> charts = new ArrayList<>();
        SweepParameter interval = null;
        for (Variation v : result.plan().variations()) {
            if (v.parameter().isInterval()) {
                interval = v.parameter();
                break;
            }
        }
        if (interval != null) {
            charts.add(ChartFiles.savePngAndSvg(SweepCharts.continuum("Latency and cost against the interval — " + name,
                    interval, finished, base.engines(), parameters(result.plan())), dir, "continuum"));
        }
        boolean rates = result.points().stream().anyMatch(p -> p.parameters().containsKey(SweepParameter.RATE.id()));
        if (rates) {
            charts.add(ChartFiles.savePngAndSvg(SweepCharts.knee("Latency against input rate — " + name, finished, base.engines()),
                    dir, "saturation"));
        }
        charts.add(ChartFiles.savePngAndSvg(SweepCharts.paretoFront("Cost against p99 latency, every point — " + name,
                finished.stream().map(p -> p.candidate(result.plan().engine(p.engine()), base.slaOn())).toList(), base.sla()), dir, "pareto"));
        List<String> vary = result.plan().variations().stream().map(Variation::toString).toList();
        SweepReport report = new SweepReport(RunReport.SCHEMA_VERSION, sweepId, flowlabVersion,
                base.scenario(), base.job().name(base.scenario()), base.seed(),
                RunReport.parameters(base, base.settings(), base.job().name(base.scenario())), vary,
                result.plan().findSustainableThroughput() ? "sustainable-throughput" : "none", result.points(),
                result.sustainable(), result.recommendation().map(RunReport::recommendation).orElse(null), charts,
                RunReport.Environment.current(), new WallClock(startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                result.wallNanos() / 1e9, result.computed(), result.reused(), result.threads()));
        AtomicFiles.writeString(dir.resolve("sweep.json"), RunReportJson.GSON.toJson(report) + "\n");
        AtomicFiles.writeString(dir.resolve("report.html"), SweepPage.html(report, indexHref));
        return report;
    }

    /** Every parameter a point of {@code plan} may set: the varied ones, and the rate a throughput search sets. */
    private static List<SweepParameter> parameters(SweepPlan plan) {
        List<SweepParameter> all = new ArrayList<>(plan.variations().stream().map(Variation::parameter).toList());
        if (!all.contains(SweepParameter.RATE)) {
            all.add(SweepParameter.RATE);
        }
        return all;
    }
}
