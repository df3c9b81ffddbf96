package org.flowlab.report;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.charts.ChartFiles;
import org.flowlab.charts.ComparisonCharts;
import org.flowlab.charts.SweepCharts;
import org.flowlab.experiment.Candidate;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.experiment.FlinkComparisonResult;
import org.flowlab.workloads.io.AtomicFiles;

/**
 * Writes what a comparison leaves in its run folder: the charts as PNG and SVG, report.html and
 * run.json (written last, so a folder with a run.json is complete).
 */
public final class ComparisonReport {

    /** The charts' base names, in the order the page shows them. */
    public static final List<String> CHARTS = List.of("latency-cdf", "staleness", "throughput", "backlog", "cost-latency");

    private ComparisonReport() {
    }

    /**
     * Writes the charts, report.html and run.json of {@code result} into {@code dir}.
     *
     * @param runId     the run's id (its folder's final name)
     * @param startedAt when the run started, for the wall-clock section
     * @param indexHref the page's link to the index of runs, relative to the run folder, or null
     * @return the report written to run.json
     */
    public static RunReport write(ComparisonResult result, Path dir, String runId, String flowlabVersion,
                                  ZonedDateTime startedAt, String indexHref) {
        return write(FlinkComparisonResult.withoutFlink(result), dir, runId, flowlabVersion, startedAt, indexHref);
    }

    /**
     * As {@link #write(ComparisonResult, Path, String, String, ZonedDateTime, String)}, with the runs on
     * Flink in the table, the agreement and the wall-clock section; the charts show Flowlab's engines,
     * the only ones with simulated figures.
     */
    public static RunReport write(FlinkComparisonResult withFlink, Path dir, String runId, String flowlabVersion,
                                  ZonedDateTime startedAt, String indexHref) {
        ComparisonResult result = withFlink.flowlab();
        long t0 = System.nanoTime();
        String name = RunInput.name(RunInput.of(result.plan().input()), result.plan().scenario()) + " / " + result.job().name();
        List<Candidate> candidates = result.recommendation().candidates();
        List<String> charts = new ArrayList<>();
        charts.add(ChartFiles.savePngAndSvg(ComparisonCharts.latencyCdf("Per-record latency — " + name, result.trace(),
                result.runs()), dir, CHARTS.get(0)));
        charts.add(ChartFiles.savePngAndSvg(ComparisonCharts.staleness("Staleness over time — " + name, result.runs()),
                dir, CHARTS.get(1)));
        charts.add(ChartFiles.savePngAndSvg(ComparisonCharts.throughput("Throughput and faults — " + name, result.runs(),
                result.plan().faults(), run -> result.settings().triggerInterval(run.paradigm())), dir, CHARTS.get(2)));
        charts.add(ChartFiles.savePngAndSvg(ComparisonCharts.backlog("Backlog and faults — " + name, result.runs(),
                result.plan().faults()), dir, CHARTS.get(3)));
        charts.add(ChartFiles.savePngAndSvg(SweepCharts.paretoFront("Cost against p99 latency — " + name, candidates,
                result.plan().sla()), dir, CHARTS.get(4)));
        String started = startedAt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        RunReport draft = RunReport.of(withFlink, runId, flowlabVersion, charts, started, System.nanoTime() - t0);
        AtomicFiles.writeString(dir.resolve("report.html"), ReportPage.html(draft, indexHref));
        RunReport report = RunReport.of(withFlink, runId, flowlabVersion, charts, started, System.nanoTime() - t0);
        RunReportJson.write(report, dir.resolve("run.json"));
        return report;
    }
}
