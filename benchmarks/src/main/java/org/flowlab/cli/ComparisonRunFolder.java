package org.flowlab.cli;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.function.Supplier;
import org.flowlab.experiment.FlinkComparisonResult;
import org.flowlab.report.ComparisonReport;
import org.flowlab.report.RunFolder;
import org.flowlab.report.RunIndex;
import org.flowlab.report.RunReport;

/**
 * How {@code compare} and {@code flink} leave a run behind: the run folder is made before the run,
 * filled with run.json, charts and report.html after it, and appears under its final name only
 * then, before the index of runs is rewritten; a failure on the way deletes the unfinished folder,
 * so nothing half-written is left.
 *
 * @param result the comparison (without Flink runs for {@code compare})
 * @param report what run.json says
 * @param dir    the finished run folder
 * @param index  the index of runs that lists it
 */
record ComparisonRunFolder(FlinkComparisonResult result, RunReport report, Path dir, Path index) {

    /**
     * Runs {@code comparison} and writes its run folder under {@code out} (or results/runs/ when null).
     *
     * @param started when the run started, which names the folder
     */
    static ComparisonRunFolder write(Path out, String scenario, ZonedDateTime started,
                                     Supplier<FlinkComparisonResult> comparison) {
        Path runs = ResultsLocation.runs(out);
        Path index = ResultsLocation.index(out);
        RunIndex.requireOwnOrAbsent(index);
        try (RunFolder folder = RunFolder.create(runs, scenario, started)) {
            FlinkComparisonResult result = comparison.get();
            String indexHref = RunIndexLink.from(folder.finalDir(), index);
            RunReport report = ComparisonReport.write(result, folder.dir(), folder.id(), FlowlabVersion.current(), started,
                    indexHref);
            Path dir = folder.commit();
            RunIndex.write(index, runs);
            return new ComparisonRunFolder(result, report, dir, index);
        }
    }
}
