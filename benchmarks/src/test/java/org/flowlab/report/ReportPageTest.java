package org.flowlab.report;

import org.flowlab.sim.stream.StreamSettings;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.ComparisonPlan;
import org.flowlab.experiment.ComparisonProgress;
import org.flowlab.experiment.ComparisonResult;
import org.flowlab.experiment.EngineFailure;
import org.flowlab.experiment.IntervalEngine;
import org.flowlab.experiment.JobChoice;
import org.flowlab.sim.stream.RestartStrategy;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.WorkloadGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html, run.json's model and the index, from one small comparison. */
class ReportPageTest {
    static final ZonedDateTime AT = ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);

    static ComparisonResult result;

    @TempDir
    static Path shared;

    @BeforeAll
    static void compare() {
        ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withDuration(20_000_000_000L).withRate(100);
        Job vwap = JobCatalog.get("stock-ticks", "vwap-1s").build(WorkloadGenerator.generate(plan.workload(), 1).schema());
        // A name with markup: the page must show it, not interpret it.
        Job named = new Job("vwap<b>&\"1s\"", vwap.description(), vwap.source(), vwap.operators());
        result = Comparison.run(plan.withJob(JobChoice.of(named)).withSla(60_000_000_000L).withEnginesOf(IntervalEngine.factory(new AtomicInteger())), ComparisonProgress.NONE);
    }

    @TempDir
    Path dir;

    @Test
    void thePageShowsTheVerdictTableChartsParametersAndRecommendationWithoutNetwork() throws IOException {
        RunReport report = ComparisonReport.write(result, dir, "20260304-050607-stock-ticks", "9.9", AT, "../index.html");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">")
                .contains("Results agree ✓").contains("<h2>Recommendation</h2>").contains("<h2>Side by side</h2>")
                .contains("<h2>Parameters</h2>").contains("href=\"../index.html\"");
        for (String chart : ComparisonReport.CHARTS) {
            assertThat(html).contains("<img src=\"" + chart + ".png\"").contains("href=\"" + chart + ".svg\"");
            assertThat(dir.resolve(chart + ".png")).isRegularFile();
        }
        assertThat(html.split("<img ", -1)).hasSize(ComparisonReport.CHARTS.size() + 1);
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContain("<script src");
        assertThat(html).contains("document.body.dataset.imagesLoaded");
        assertThat(html).contains("vwap&lt;b&gt;&amp;&quot;1s&quot;").doesNotContain("vwap<b>");
        assertThat(html).contains("<p class=\"verdict\">" + escape(report.recommendation().verdict()) + "</p>\n<ul class=\"reasons\">");
        assertThat(report.recommendation().reasons()).hasSize(6);
        for (org.flowlab.experiment.Recommendation.Reason reason : report.recommendation().reasons()) {
            assertThat(html).contains("<li><strong>" + escape(reason.criterion()) + ":</strong> " + escape(reason.text()) + "</li>");
        }
        for (ComparisonTable.Row row : ComparisonTable.of(report).rows()) {
            assertThat(html).contains("<th>" + escape(row.label()) + "</th>");
        }
    }

    @Test
    void thePageSaysWhatEachEngineWasChargedAndWhy() throws IOException {
        RunReport report = ComparisonReport.write(result, dir, "20260304-050607-stock-ticks", "9.9", AT, null);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>What was charged</h2>");
        assertThat(BillSentences.of(report)).hasSize(3);
        for (String sentence : BillSentences.of(report)) {
            assertThat(html).contains("<li>" + escape(sentence) + "</li>");
        }
        for (String rule : BillSentences.rules(report)) {
            assertThat(html).contains(escape(rule.substring(1)));
        }
        assertThat(ComparisonTable.of(report).rows()).extracting(ComparisonTable.Row::label).contains("cluster held (idle between runs)");
    }

    @Test
    void thePageSaysWhatEveryEngineIsGiven() throws IOException {
        RunReport report = ComparisonReport.write(result, dir, "20260304-050607-stock-ticks", "9.9", AT, null);
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<h2>What every engine is given</h2>");
        List<String> given = ReportPage.given(report);
        assertThat(given).hasSize(6);
        assertThat(given.get(1)).startsWith("The same event-time contract: the watermark trails the largest event time read by 5 s")
                .contains("Late records: batch corrected 0, micro-batch dropped 0, stream dropped 0.");
        assertThat(given.get(2)).startsWith("The same output mode: final — each window or alert emitted once");
        for (String sentence : given) {
            assertThat(html).contains("<li>" + escape(sentence) + "</li>");
        }
    }

    @Test
    void theFaultsSayWhenEveryEngineNoticesACrashedWorker() {
        RunReport.Parameters none = RunReport.parameters(result.plan(), result.settings(), "vwap-1s");
        assertThat(none.failureDetectionMs()).isEqualTo(50_000.0);
        assertThat(ReportPage.crashDetection(none)).isEmpty();
        RunReport.Parameters crash = RunReport.parameters(
                result.plan().withFaults(org.flowlab.sim.fault.FaultPlan.parse("crash:worker=1@10s+5s")), result.settings(), "vwap-1s");
        assertThat(ReportPage.crashDetection(crash))
                .isEqualTo("; every engine notices a crashed worker after 50 s, and has it back its restart delay later");
        String json = RunReportJson.toJson(RunReport.of(result, "id", "9.9", ComparisonReport.CHARTS, "t", 0));
        assertThat(json).contains("\"faults\": \"none\",\n    \"failureDetectionMs\": 50000.0,");
        RunReport old = RunReportJson.fromJson(json.replace("\"failureDetectionMs\": 50000.0,", ""));
        assertThat(old.parameters().failureDetectionMs()).isNull();
        assertThat(ReportPage.crashDetection(old.parameters())).isEmpty();
    }

    @Test
    void aRunJsonFromBeforeTheBillHadItsPartsStillMakesAPage() {
        RunReport report = RunReport.of(result, "id", "9.9", ComparisonReport.CHARTS, "t", 0);
        String json = RunReportJson.toJson(report).replaceAll("(?s),\\s*\"cluster\": \"[^\"]*\".*?\"rule\": \"[^\"]*\"", "");
        RunReport old = RunReportJson.fromJson(json);
        assertThat(old.engines().get("batch").cost().held()).isNull();
        assertThat(BillSentences.of(old)).isEmpty();
        assertThat(ComparisonTable.of(old).rows()).extracting(ComparisonTable.Row::label).doesNotContain("cluster held (idle between runs)");
        assertThat(ReportPage.html(old, null)).doesNotContain("What was charged").contains("<h2>Side by side</h2>");
    }

    /** Schema 1 named each engine of parameters.engines by its id alone; results/flink keeps such runs. */
    @Test
    void aRunJsonFromBeforeTheEngineRegistryReadsItsEnginesByTheirIds() {
        RunReport report = RunReport.of(result, "id", "9.9", ComparisonReport.CHARTS, "t", 0);
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(RunReportJson.toJson(report)).getAsJsonObject();
        com.google.gson.JsonArray ids = new com.google.gson.JsonArray();
        report.parameters().engineIds().forEach(ids::add);
        json.addProperty("schemaVersion", 1);
        json.getAsJsonObject("parameters").add("engines", ids);
        RunReport old = RunReportJson.fromJson(json.toString());
        assertThat(old.parameters().engineIds()).isEqualTo(report.parameters().engineIds()).isNotEmpty();
        assertThat(old.parameters().engines()).allSatisfy(e -> {
            assertThat(e.label()).isEqualTo(e.id());
            assertThat(e.settings()).isEmpty();
        });
        // The object form still reads as written.
        assertThat(RunReportJson.fromJson(RunReportJson.toJson(report)).parameters().engines())
                .isEqualTo(report.parameters().engines());
    }

    @Test
    void aRunJsonFromBeforeTheVerdictShowsItsRecommendationParagraph() {
        RunReport report = RunReport.of(result, "id", "9.9", ComparisonReport.CHARTS, "t", 0);
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(RunReportJson.toJson(report)).getAsJsonObject();
        json.getAsJsonObject("recommendation").remove("verdict");
        json.getAsJsonObject("recommendation").remove("reasons");
        RunReport old = RunReportJson.fromJson(json.toString());
        assertThat(old.recommendation().verdict()).isNull();
        assertThat(ReportPage.html(old, null)).contains("<h2>Recommendation</h2>\n<p>" + escape(report.recommendation().explanation())
                + "</p>").doesNotContain("class=\"reasons\"");
    }

    @Test
    void aRunJsonFromBeforeSchema4NamesItsGeneratedScenario() throws IOException {
        RunReport report = ComparisonReport.write(result, Files.createDirectories(dir.resolve("20260304-050607-stock-ticks")), "20260304-050607-stock-ticks",
                "9.9", AT, null);
        assertThat(report.parameters().input()).isEqualTo(new RunInput(RunInput.GENERATED, "stock-ticks", null, null, null));
        com.google.gson.JsonObject json = com.google.gson.JsonParser.parseString(RunReportJson.toJson(report)).getAsJsonObject();
        json.addProperty("schemaVersion", 3);
        json.getAsJsonObject("parameters").remove("input");
        Files.writeString(dir.resolve("20260304-050607-stock-ticks").resolve("run.json"), json.toString());
        RunReport old = RunReportJson.read(dir.resolve("20260304-050607-stock-ticks").resolve("run.json"));
        assertThat(old.parameters().input()).isNull();
        assertThat(ReportPage.html(old, null)).contains("<h1>stock-ticks · " + escape(report.job()) + "</h1>")
                .doesNotContain("trace file");
        assertThat(RunIndex.write(dir.resolve("index.html"), dir)).isEqualTo(1);
        assertThat(dir.resolve("index.html")).content().contains("<th>trace</th>", "<td>stock-ticks</td>");
    }

    @Test
    void runJsonReadsBackToTheSameReport() {
        RunReport report = ComparisonReport.write(result, dir, "20260304-050607-stock-ticks", "9.9", AT, null);
        RunReport back = RunReportJson.read(dir.resolve("run.json"));
        assertThat(back).isEqualTo(report);
        assertThat(back.schemaVersion()).isEqualTo(4);
        assertThat(back.engines().keySet()).containsExactly("batch", "microbatch", "stream");
        assertThat(back.wallClock().startedAt()).isEqualTo("2026-03-04T05:06:07Z");
        assertThat(back.parameters().workload().get("scenario").getAsString()).isEqualTo("stock-ticks");
    }

    @Test
    void aFailedEngineIsShownAsAnOutcomeInTheTableThePageAndRunJson() throws IOException {
        ComparisonPlan plan = ComparisonPlan.of("stock-ticks").withDuration(20_000_000_000L).withRate(100)
                .withJob(JobChoice.named("vwap-1s"));
        ComparisonResult failing = Comparison.run(plan.withEnginesOf(IntervalEngine.failing(new AtomicInteger(), StreamEngineType.STREAM, 7_500_000_000L)),
                ComparisonProgress.NONE);
        RunReport report = ComparisonReport.write(failing, dir, "20260304-050607-stock-ticks", "9.9", AT, null);
        RunReport.EngineFigures stream = report.engines().get("stream");
        assertThat(stream.status()).isEqualTo("failed");
        assertThat(stream.failed()).isTrue();
        assertThat(stream.failure()).isEqualTo(new EngineFailure(7_500, IntervalEngine.FAILED_RESTARTS, IntervalEngine.FAILED_REASON, "restart", StreamEngineType.STREAM.givingUpOf(StreamSettings.DEFAULTS)));
        assertThat(stream.resultsAgree()).isNull();
        assertThat(stream.recovery().lost()).isNull();
        assertThat(report.engines().get("batch").status()).isEqualTo("completed");
        assertThat(report.engines().get("batch").failure()).isNull();
        assertThat(report.agreement().failed()).containsExactly("stream");
        assertThat(report.recommendation().candidates()).filteredOn(c -> c.engine().equals("stream")).singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo("failed");
                    assertThat(c.meetsSla()).isFalse();
                });
        ComparisonTable t = ComparisonTable.of(report);
        assertThat(t.rows()).filteredOn(r -> r.label().equals("status")).singleElement()
                .extracting(ComparisonTable.Row::cells).isEqualTo(List.of("completed", "completed", "FAILED after 3 restarts, at 7.5 s"));
        assertThat(t.rows().get(t.rows().size() - 1).cells()).containsExactly("✓", "✓", "failed, not compared");
        assertThat(t.rows()).filteredOn(r -> r.label().equals("lost")).singleElement()
                .extracting(ComparisonTable.Row::cells).isEqualTo(List.of("0", "0", "—"));
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("<p class=\"bad\">Stream FAILED — its job failed at 7.5 s after 3 restarts: "
                        + IntervalEngine.FAILED_REASON + ".")
                .contains("The restart strategy (" + RestartStrategy.DEFAULT + ")")
                .contains("Results agree ✓ — the final table of every engine that finished equals the reference oracle's")
                .contains("<td class=\"bad\">FAILED after 3 restarts, at 7.5 s</td>");
        assertThat(RunReportJson.read(dir.resolve("run.json"))).isEqualTo(report);
        // A run.json written before engines had a status: every engine completed.
        String before = RunReportJson.toJson(RunReport.of(result, "id", "9.9", ComparisonReport.CHARTS, "t", 0))
                .replaceAll("\\s*\"status\": \"completed\",\\s*\"failure\": null,", "");
        RunReport old = RunReportJson.fromJson(before);
        assertThat(old.engines().values()).allSatisfy(f -> assertThat(f.status()).isNull())
                .noneMatch(RunReport.EngineFigures::failed);
        assertThat(ComparisonTable.of(old).rows()).extracting(ComparisonTable.Row::label).doesNotContain("status");
        assertThat(ReportPage.html(old, null)).doesNotContain("FAILED");
    }

    @Test
    void theTableHasEveryFigureOfTheIssueForEveryEngine() {
        RunReport report = RunReport.of(result, "id", "9.9", ComparisonReport.CHARTS, "t", 0);
        ComparisonTable t = ComparisonTable.of(report);
        assertThat(t.engines()).containsExactly("batch", "microbatch", "stream");
        assertThat(t.rows()).extracting(ComparisonTable.Row::label).contains("engine",
                "final latency per record p50 / p99 / max", "first-visible latency p50 / p99 / max", "processing-time latency of outputs p50 / p99", "throughput",
                "staleness mean / max", "recovery time", "reprocessed", "duplicates", "lost", "late records dropped",
                "late records corrected", "worker-seconds (busy)",
                "cost", "results agree");
        assertThat(t.rows()).allSatisfy(r -> assertThat(r.cells()).hasSize(3));
        assertThat(t.rows().get(t.rows().size() - 1).cells()).containsOnly("✓");
        String text = t.toText();
        assertThat(text.lines().findFirst().orElseThrow()).contains("batch").contains("microbatch").contains("stream");
        assertThat(text.lines().count()).isEqualTo(t.rows().size() + 1);
    }

    @Test
    void theIndexListsRunsNewestFirstAndSkipsBrokenFolders() throws IOException {
        Path results = dir.resolve("results");
        Path runs = results.resolve("runs");
        for (String id : new String[] {"20260101-000000-stock-ticks", "20260202-000000-stock-ticks"}) {
            Files.createDirectories(runs.resolve(id));
            ComparisonReport.write(result, runs.resolve(id), id, "9.9", AT, "../../index.html");
        }
        Files.createDirectories(runs.resolve("20260303-000000-broken"));
        Files.writeString(runs.resolve("20260303-000000-broken").resolve("run.json"), "{ not json");
        Files.createDirectories(runs.resolve(".20260404-000000-x.tmp"));
        Files.createDirectories(results.resolve("reference").resolve("comparison"));
        Files.writeString(results.resolve("reference").resolve("comparison").resolve("report.html"), "<html></html>");
        int listed = RunIndex.write(results.resolve("index.html"), runs);
        assertThat(listed).isEqualTo(2);
        String index = Files.readString(results.resolve("index.html"));
        assertThat(index.indexOf("20260202-000000-stock-ticks")).isLessThan(index.indexOf("20260101-000000-stock-ticks"));
        assertThat(index).contains("href=\"runs/20260202-000000-stock-ticks/report.html\"")
                .contains("href=\"reference/comparison/report.html\"")
                .doesNotContain("broken").doesNotContain(".tmp").contains("✓");
    }

    @Test
    void anEmptyIndexSaysHowToMakeARun() throws IOException {
        assertThat(RunIndex.write(dir.resolve("index.html"), dir.resolve("runs"))).isZero();
        assertThat(dir.resolve("index.html")).content().contains("./flowlab compare");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
