package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import org.flowlab.report.ComparisonReport;
import org.flowlab.report.ReportPage;
import org.flowlab.report.RunInput;
import org.flowlab.report.RunReport;
import org.flowlab.report.RunReportJson;
import org.flowlab.report.SweepPointFiles;
import org.flowlab.report.SweepReport;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.trace.TraceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison's trace read from a file: the same figures as generating it, and traces of no catalog scenario. */
class TraceSourceTest {

    @TempDir
    Path dir;

    static WorkloadSpec smallNexmark() {
        return WorkloadSpec.defaults("nexmark").withDuration(10_000_000_000L).withRate(400);
    }

    @Test
    void aTraceFileReplaysWhatGeneratingItGives() {
        Trace generated = WorkloadGenerator.generate(smallNexmark(), 5);
        Path file = dir.resolve("nexmark.jsonl");
        TraceFiles.write(generated, file);
        ComparisonPlan fromSpec = ComparisonPlan.of(smallNexmark()).withSeed(5).withJob(JobChoice.named("q5"))
                .withFaults(FaultPlan.parse("task-fail:mtbf=3s"));
        TraceSource.FromFile source = TraceSource.read(file);
        ComparisonPlan fromFile = fromSpec.withInput(source);
        assertThat(fromFile.seed()).isEqualTo(5);
        assertThat(ComparisonPlan.of(source).seed()).as("a file's plan takes the file's seed").isEqualTo(5);
        assertThat(source.sha256()).isEqualTo(sha256(file));
        assertThat(source.key(1)).isEqualTo(source.key(2)).isNotEqualTo(fromSpec.input().key(5));

        ComparisonResult a = Comparison.run(fromSpec, ComparisonProgress.NONE, 1);
        ComparisonResult b = Comparison.run(fromFile, ComparisonProgress.NONE, 1);
        assertThat(b.oracle()).isEqualTo(a.oracle());
        assertThat(b.runs()).hasSameSizeAs(a.runs());
        for (int i = 0; i < a.runs().size(); i++) {
            assertThat(b.runs().get(i).outcome().results()).isEqualTo(a.runs().get(i).outcome().results());
            assertThat(b.runs().get(i).outcome().metrics().recovery()).isEqualTo(a.runs().get(i).outcome().metrics().recovery());
        }
        assertThat(a.runs()).anySatisfy(r -> assertThat(r.outcome().metrics().recovery().restarts()).isPositive());
        RunReport ra = RunReport.of(a, "a", "9.9", List.of(), "t", 0);
        RunReport rb = RunReport.of(b, "b", "9.9", List.of(), "t", 0);
        assertThat(rb.parameters().input()).isEqualTo(new RunInput(RunInput.FILE, "nexmark", file.toString(), sha256(file),
                (long) generated.size()));
        assertThat(ra.parameters().input()).isEqualTo(new RunInput(RunInput.GENERATED, "nexmark", null, null, null));
        assertThat(rb.parameters().durationMs()).isEqualTo(ra.parameters().durationMs()).isEqualTo(10_000L);
        assertThat(rb.engines()).isEqualTo(ra.engines());
        assertThat(rb.agreement()).isEqualTo(ra.agreement());
        assertThat(rb.recommendation()).isEqualTo(ra.recommendation());
        assertThat(RunInput.name(rb.parameters().input(), rb.scenario())).isEqualTo(file + " (nexmark)");
    }

    @Test
    void optionsThatWouldGenerateTheTraceAgainAreRefused() {
        TraceSource.FromFile source = TraceSource.read(ImportedTraces.write(dir.resolve("imported.jsonl")));
        ComparisonPlan plan = ComparisonPlan.of(source).withJob(JobChoice.of(ImportedTraces.spendPerCard()));
        assertThatThrownBy(() -> plan.withDuration(1_000_000_000L)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--duration does not go with --trace: the trace file " + source.path());
        assertThatThrownBy(() -> plan.withRate(10)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("regenerate it ('flowlab workload generate') or re-import it ('flowlab workload import')");
        for (String vary : List.of("rate=10..20:2", "key-skew=0.5..1:2")) {
            assertThatThrownBy(() -> new SweepPlan(plan, List.of(Variation.parse(vary, EngineRegistry.STANDARD)), false))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("--vary " + vary.substring(0, vary.indexOf('=')) + " does not go with --trace")
                    .hasMessageEndingWith("; with --trace vary only batch-interval, microbatch-interval, checkpoint-interval, "
                            + "early-fire, interval, workers, watermark-delay, allowed-lateness, task-mtbf");
        }
        assertThatThrownBy(() -> new SweepPlan(plan, List.of(), true)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--find sustainable-throughput does not go with --trace");
    }

    @Test
    void anImportedTraceHasNoCatalogJobsSoItsJobMustBeGiven() {
        ComparisonPlan plan = ComparisonPlan.of(TraceSource.read(ImportedTraces.write(dir.resolve("imported.jsonl"))));
        assertThat(plan.scenario()).isEqualTo("imported");
        assertThatThrownBy(() -> Comparison.check(plan)).isInstanceOf(InvalidInputException.class)
                .hasMessage("job: this trace's scenario 'imported' has no catalog jobs (those of retail-etl, bank-eod, "
                        + "crm-warehouse, card-fraud, stock-ticks, infra-monitoring, nexmark have); give its job as SQL with --sql");
        assertThatThrownBy(() -> Comparison.check(plan.withJob(JobChoice.named("q5")))).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("--job q5: this trace's scenario 'imported' has no catalog jobs");
    }

    @Test
    void anImportedTraceWithAGivenJobRunsReportsAndSweeps() throws IOException {
        Path file = ImportedTraces.write(dir.resolve("imported.jsonl"));
        ComparisonPlan plan = ComparisonPlan.of(TraceSource.read(file)).withJob(JobChoice.of(ImportedTraces.spendPerCard()));
        ComparisonResult result = Comparison.run(plan, ComparisonProgress.NONE, 1);
        assertThat(result.agreement().resultsAgree()).isTrue();
        assertThat(result.oracle().size()).isPositive();
        Path runDir = Files.createDirectories(dir.resolve("run"));
        RunReport report = ComparisonReport.write(result, runDir, "20260304-050607-imported", "9.9", ZonedDateTime.now(), null);
        assertThat(report.scenario()).isEqualTo("imported");
        assertThat(report.parameters().durationMs()).as("an imported spec gives no duration").isNull();
        assertThat(report.parameters().ratePerSec()).isNull();
        assertThat(report.parameters().input().events()).isEqualTo(ImportedTraces.EVENTS);
        assertThat(RunReportJson.read(runDir.resolve("run.json"))).isEqualTo(report);
        String html = ReportPage.html(report, null);
        assertThat(html).contains("<h1>" + file + " (imported) · spend-5s</h1>", "trace file SHA-256", sha256(file));

        SweepPlan sweep = new SweepPlan(plan, List.of(Variation.parse("microbatch-interval=1s..2s:2", EngineRegistry.STANDARD)), false);
        assertThat(sweep.folderName()).matches("imported-[0-9a-f]{8}");
        assertThat(sweep.canonical()).contains("trace sha256:" + sha256(file)).doesNotContain("workload ");
        Path sweepDir = Files.createDirectories(dir.resolve("sweep"));
        SweepResult swept = Sweep.run(sweep, new SweepPointFiles(Files.createDirectories(sweepDir.resolve("points"))), SweepProgress.NONE);
        assertThat(swept.points()).extracting(SweepPoint::key).containsExactly("batch@base", "microbatch@microbatch-interval=1s",
                "stream@base", "microbatch@microbatch-interval=2s");
        assertThat(swept.points()).allSatisfy(p -> assertThat(p.correct()).isTrue());
        SweepReport written = SweepReport.write(swept, sweepDir, "9.9", ZonedDateTime.now(), null);
        assertThat(written.parameters().input().sha256()).isEqualTo(sha256(file));
        assertThat(Files.readString(sweepDir.resolve("report.html"))).contains("Sweep · " + file + " (imported) · spend-5s");
    }

    @Test
    void aCorruptTraceFileIsOneLineNamingIt() throws IOException {
        Path file = ImportedTraces.write(dir.resolve("imported.jsonl"));
        List<String> lines = Files.readAllLines(file);
        lines.set(3, lines.get(3).replace("\"amount\":", "\"amount\":\"x"));
        Files.write(file, lines);
        assertThatThrownBy(() -> TraceSource.read(file)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file + ":4: ").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TraceSource.read(dir.resolve("missing.jsonl"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("missing.jsonl: cannot read the trace file (no such file");
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
