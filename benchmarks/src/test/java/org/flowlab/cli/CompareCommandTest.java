package org.flowlab.cli;

import org.flowlab.sim.batch.BatchRetries;
import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.report.ComparisonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab compare} end to end with the real engines on a small trace: the run folder,
 * run.json's shape and determinism, the index.
 */
class CompareCommandTest {

    static final String[] SMALL = {"--scenario", "stock-ticks", "--job", "vwap-1s", "--duration", "30s", "--rate", "200/s",
            "--faults", "crash:worker=1@10s+5s", "--sla", "30s"};

    @TempDir
    Path dir;

    static EngineRegistry engines() {
        return EngineRegistry.STANDARD;
    }

    static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList("compare"));
        a.addAll(Arrays.asList(SMALL));
        a.addAll(Arrays.asList(more));
        a.add("--out");
        a.add(out.toString());
        return a.toArray(String[]::new);
    }

    static List<Path> runFolders(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(out)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void writesRunJsonChartsAndReportAndTheResultsAgree() throws IOException {
        CommandLineRun run = CommandLineRun.with(engines(), args(dir));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<Path> folders = runFolders(dir);
        assertThat(folders).hasSize(1);
        Path folder = folders.get(0);
        assertThat(folder.getFileName().toString()).matches("\\d{8}-\\d{6}-stock-ticks");
        assertThat(folder.resolve("run.json")).isRegularFile();
        assertThat(folder.resolve("report.html")).isRegularFile();
        for (String chart : ComparisonReport.CHARTS) {
            byte[] png = Files.readAllBytes(folder.resolve(chart + ".png"));
            assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
            assertThat(Files.readString(folder.resolve(chart + ".svg"))).contains("<svg");
        }
        assertThat(ComparisonReport.CHARTS).hasSizeGreaterThanOrEqualTo(4);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".") || n.endsWith(".tmp"));
        }
        assertThat(dir.resolve("index.html")).content().contains(folder.getFileName().toString() + "/report.html");
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("agreement").get("resultsAgree").getAsBoolean()).isTrue();
        assertThat(run.out()).contains("stock-ticks / vwap-1s", "latency per record p50 / p99 / max", "results agree ✓",
                "report: " + folder.resolve("report.html"));
        // The recommendation: its verdict, then one bullet per criterion.
        String verdict = json.getAsJsonObject("recommendation").get("verdict").getAsString();
        assertThat(run.out().replace('\n', ' ')).contains(verdict);
        assertThat(run.out()).containsPattern("(?m)^  - Latency: ").containsPattern("(?m)^  - Results: ")
                .containsPattern("(?m)^  - Cost: ").containsPattern("(?m)^  - Failures and recovery: ")
                .containsPattern("(?m)^  - Complexity: ");
        for (String engine : List.of("batch", "microbatch", "stream")) {
            assertThat(run.out()).contains(engine);
        }
        assertThat(run.out()).containsPattern("(?m)^  stream +100 %$");
    }

    @Test
    void runJsonHasTheShapeOtherToolsRelyOn() throws IOException {
        assertThat(CommandLineRun.with(engines(), args(dir)).exitCode()).isZero();
        String text = Files.readString(runFolders(dir).get(0).resolve("run.json"), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\n  \"schemaVersion\": 4,\n");
        JsonObject json = JsonParser.parseString(text).getAsJsonObject();
        List<String> keys = new ArrayList<>(json.keySet());
        List<String> expectedOrder = List.of("schemaVersion", "scenario", "seed", "parameters", "engines", "agreement",
                "recommendation", "environment", "wallClock");
        assertThat(keys).containsAll(expectedOrder);
        assertThat(keys.stream().filter(expectedOrder::contains).toList()).containsExactlyElementsOf(expectedOrder);
        assertThat(json.get("scenario").getAsString()).isEqualTo("stock-ticks");
        assertThat(json.get("seed").getAsLong()).isEqualTo(1);
        assertThat(json.getAsJsonObject("engines").keySet()).containsExactly("batch", "microbatch", "stream");
        for (Map.Entry<String, JsonElement> e : json.getAsJsonObject("engines").entrySet()) {
            JsonObject engine = e.getValue().getAsJsonObject();
            assertThat(engine.keySet()).contains("recordsIn", "latencyMs", "eventTimeLatencyMs", "throughputPerSec",
                    "stalenessMs", "recovery", "cost");
            assertThat(engine.getAsJsonObject("latencyMs").keySet()).contains("p50", "p90", "p99", "p999", "max");
            assertThat(engine.getAsJsonObject("eventTimeLatencyMs").keySet()).contains("p50", "p90", "p99", "p999", "max");
            assertThat(engine.getAsJsonObject("stalenessMs").keySet()).contains("mean", "max");
            assertThat(engine.getAsJsonObject("recovery").keySet()).contains("timeMs", "reprocessed", "duplicates", "lost");
            JsonObject cost = engine.getAsJsonObject("cost");
            assertThat(cost.keySet()).contains("workerSeconds", "workerSecondsBusy", "utilization", "amount", "cluster",
                    "heldMs", "held", "coldStarts", "warmPoolMs", "rule");
            // What was charged, by why the workers were held: the parts add up to the whole.
            JsonObject held = cost.getAsJsonObject("held");
            assertThat(held.get("starting").getAsDouble() + held.get("running").getAsDouble() + held.get("idle").getAsDouble())
                    .isCloseTo(cost.get("workerSeconds").getAsDouble(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(cost.get("cluster").getAsString()).isEqualTo(e.getKey().equals("batch") ? "ephemeral" : "always-on");
            assertThat(engine.get("recordsIn").getAsJsonPrimitive().isNumber()).isTrue();
            assertThat(engine.getAsJsonObject("latencyMs").get("p99").getAsJsonPrimitive().isNumber()).isTrue();
        }
        assertThat(json.getAsJsonObject("agreement").keySet()).contains("resultsAgree", "differences");
        assertThat(json.getAsJsonObject("agreement").get("differences").isJsonArray()).isTrue();
        assertThat(json.getAsJsonObject("parameters").get("faults").getAsString()).isEqualTo("crash:worker=1@10s+5s");
        assertThat(json.getAsJsonObject("parameters").get("failureDetectionMs").getAsDouble()).isEqualTo(50_000.0);
        assertThat(json.getAsJsonObject("parameters").get("slaMs").getAsDouble()).isEqualTo(30_000.0);
        // The stream's restart strategy as --restart-strategy writes it, and the batch engines' retries.
        // Each engine's own settings, in its JSON form: the values as its flags write them.
        JsonObject stream = CompareFailuresTest.settings(json, "stream");
        assertThat(stream.keySet()).containsExactly("checkpointInterval", "delivery", "earlyFireInterval", "restartStrategy");
        assertThat(stream.get("restartStrategy").getAsString()).isEqualTo("exponential-delay:initial=1s,max=1m,multiplier=1.5,reset=1h");
        assertThat(org.flowlab.sim.stream.RestartStrategy.parse(stream.get("restartStrategy").getAsString()))
                .isEqualTo(org.flowlab.sim.stream.RestartStrategy.DEFAULT);
        assertThat(CompareFailuresTest.settings(json, "batch").toString()).isEqualTo("{\"interval\":\"1h\",\"retries\":\"attempts=4,runs=10\"}");
        assertThat(CompareFailuresTest.settings(json, "microbatch").get("interval").getAsString()).isEqualTo("10s");
        JsonObject recommendation = json.getAsJsonObject("recommendation");
        assertThat(recommendation.keySet()).contains("outcome", "choice", "verdict", "reasons", "explanation");
        JsonObject latency = recommendation.getAsJsonArray("reasons").get(0).getAsJsonObject();
        assertThat(latency.get("criterion").getAsString()).isEqualTo("Latency");
        assertThat(recommendation.get("explanation").getAsString())
                .startsWith(recommendation.get("verdict").getAsString() + " Latency: " + latency.get("text").getAsString());
        assertThat(json.getAsJsonObject("wallClock").keySet()).contains("startedAt", "totalSeconds", "engineSeconds");
        assertThat(json.getAsJsonObject("environment").keySet()).contains("javaVersion", "availableProcessors");
    }

    @Test
    void twoRunsWithTheSameArgumentsGiveTheSameRunJsonApartFromWallClockEnvironmentAndId() throws IOException {
        assertThat(CommandLineRun.with(engines(), args(dir)).exitCode()).isZero();
        assertThat(CommandLineRun.with(engines(), args(dir)).exitCode()).isZero();
        List<Path> folders = runFolders(dir);
        assertThat(folders).hasSize(2);
        JsonObject a = withoutRunSpecifics(folders.get(0));
        JsonObject b = withoutRunSpecifics(folders.get(1));
        assertThat(a).isEqualTo(b);
        assertThat(a.toString()).doesNotContain("startedAt");
        CommandLineRun other = CommandLineRun.with(engines(), args(dir.resolve("other"), "--seed", "2"));
        assertThat(other.exitCode()).isZero();
        assertThat(withoutRunSpecifics(runFolders(dir.resolve("other")).get(0))).isNotEqualTo(a);
    }

    @Test
    void aCostProfileChargesEveryEngineItsCostsAndRunJsonRecordsThem() throws IOException {
        Path profile = dir.resolve("slow-records.json");
        // Ten times the default per-record costs of the stream and the batch engines; the rest stays default.
        Files.writeString(profile, "// a hand-written profile\n{\"stream\": {\"record\": \"2us\"}, \"batch\": {\"record\": \"5us\"}}\n");
        assertThat(CommandLineRun.with(engines(), args(dir.resolve("default"))).exitCode()).isZero();
        CommandLineRun calibrated = CommandLineRun.with(engines(), args(dir.resolve("profiled"), "--cost-profile", profile.toString()));
        assertThat(calibrated.exitCode()).as(calibrated.err()).isZero();
        JsonObject plain = withoutRunSpecifics(runFolders(dir.resolve("default")).get(0));
        JsonObject profiled = withoutRunSpecifics(runFolders(dir.resolve("profiled")).get(0));
        JsonObject costs = profiled.getAsJsonObject("parameters").getAsJsonObject("costsNs");
        assertThat(costs.get("stream.record").getAsLong()).isEqualTo(2_000);
        assertThat(costs.get("batch.record").getAsLong()).isEqualTo(5_000);
        assertThat(costs.get("stream.keyBy").getAsLong())
                .isEqualTo(plain.getAsJsonObject("parameters").getAsJsonObject("costsNs").get("stream.keyBy").getAsLong());
        for (String engine : List.of("batch", "stream")) {
            double busyDefault = busyWorkerSeconds(plain, engine);
            assertThat(busyWorkerSeconds(profiled, engine)).as(engine).isGreaterThan(busyDefault);
        }
        assertThat(profiled.getAsJsonObject("agreement").get("resultsAgree").getAsBoolean()).isTrue();
        assertThat(Files.readString(runFolders(dir.resolve("profiled")).get(0).resolve("report.html")))
                .contains("from a cost profile: stream.record 2");
    }

    private static double busyWorkerSeconds(JsonObject run, String engine) {
        return run.getAsJsonObject("engines").getAsJsonObject(engine).getAsJsonObject("cost").get("workerSecondsBusy").getAsDouble();
    }

    static JsonObject withoutRunSpecifics(Path folder) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
        json.remove("wallClock");
        json.remove("environment");
        json.remove("runId");
        return json;
    }

    @Test
    void runsInTheSameSecondGetTheirOwnFolders() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(CommandLineRun.with(engines(), args(dir, "--engines", "stream")).exitCode()).isZero();
        }
        List<Path> folders = runFolders(dir);
        assertThat(folders).hasSize(3);
        assertThat(folders.stream().map(p -> p.getFileName().toString()).distinct()).hasSize(3);
        String index = Files.readString(dir.resolve("index.html"));
        for (Path f : folders) {
            assertThat(index).contains(f.getFileName() + "/report.html");
        }
    }

    @Test
    void everyExperimentCommandHasHelpWithExamples() {
        // picocli reports a description it cannot format (a lone %) on the JVM's standard error.
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("compare", "sweep", "reference")) {
                CommandLineRun run = CommandLineRun.with(engines(), command, "--help");
                assertThat(run.exitCode()).as(command).isZero();
                assertThat(run.out()).as(command).contains("Usage:").containsPattern("Examples?:").contains("./flowlab " + command);
            }
            assertThat(CommandLineRun.with(engines(), "--help").out()).contains("compare", "sweep", "reference");
        } finally {
            System.setErr(err);
        }
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("WARN");
    }

    @Test
    void theReferenceIsTheShowcaseAndItsIntervalSweep() {
        org.flowlab.experiment.ComparisonPlan showcase = org.flowlab.experiment.ComparisonPlan.showcase();
        assertThat(org.flowlab.experiment.ReferencePlans.comparison()).isEqualTo(showcase);
        org.flowlab.experiment.SweepPlan sweep = org.flowlab.experiment.ReferencePlans.sweep(EngineRegistry.STANDARD);
        assertThat(sweep.base().workload()).isEqualTo(showcase.workload());
        assertThat(sweep.base().faults().isNone()).isTrue();
        assertThat(sweep.variations()).extracting(Object::toString).containsExactly("interval=1s..1h:7:log");
        assertThat(showcase.scenario()).isEqualTo("card-fraud");
        assertThat(showcase.workload().duration() / 1e9 * showcase.workload().rate()).as("about a million events")
                .isBetween(900_000.0, 1_100_000.0);
        assertThat(showcase.faults().crashes()).hasSize(1);
    }

    @Test
    void helpListsEveryFlagOfTheIssueWithExamples() {
        CommandLineRun run = CommandLineRun.with(engines(), "compare", "--help");
        assertThat(run.exitCode()).isZero();
        for (String flag : List.of("--scenario", "--job", "--seed", "--duration", "--rate", "--engines", "--batch-interval",
                "--microbatch-interval", "--checkpoint-interval", "--delivery", "--workers", "--faults", "--restart-strategy",
                "--retries", "--early-fire", "--sla", "--budget", "--out")) {
            assertThat(run.out()).contains(flag);
        }
        // The help states the batch engines' real retries.
        assertThat(run.out().replaceAll("\\s+", " ")).contains("(default: attempts=" + BatchRetries.DEFAULT.maxAttempts()
                + ",runs=" + BatchRetries.DEFAULT.maxRunAttempts() + ", as Spark's spark.task.maxFailures)");
        assertThat(run.out()).contains("Examples:", "./flowlab compare");
    }
}
