package org.flowlab.cli;

import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowlab.sim.batch.BatchRetries;
import org.flowlab.sim.stream.RestartStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab compare} under task failures with the real engines (issue 14): a job that gives up
 * is an outcome — FAILED in its column, {@code "status": "failed"} in run.json, never recommended —
 * and the command still exits 0, since a failure in the simulated world is a result.
 */
class CompareFailuresTest {

    /** Two hours of retail-etl (about 3,000 sales): a few seconds for the three engines. */
    static final String[] RETAIL = {"compare", "--scenario", "retail-etl", "--duration", "2h"};

    @TempDir
    Path dir;

    /** Where input files live, apart from {@link #dir}, which holds only run folders. */
    @TempDir
    Path inputs;

    private CommandLineRun compare(String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(RETAIL));
        args.addAll(Arrays.asList(more));
        args.add("--out");
        args.add(dir.toString());
        return CommandLineRun.with(EngineRegistry.STANDARD, args.toArray(String[]::new));
    }

    private Path onlyRunFolder() throws IOException {
        List<Path> folders = CompareCommandTest.runFolders(dir);
        assertThat(folders).hasSize(1);
        return folders.get(0);
    }

    private static JsonObject engine(JsonObject run, String id) {
        return run.getAsJsonObject("engines").getAsJsonObject(id);
    }

    @Test
    void taskFailuresEveryTenMinutesPerWorkerAreSurvivedAndReported() throws IOException {
        CommandLineRun run = compare("--faults", "task-fail:mtbf=10m");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Path folder = onlyRunFolder();
        assertThat(folder.resolve("report.html")).isRegularFile();
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
        JsonObject parameters = json.getAsJsonObject("parameters");
        assertThat(parameters.get("faults").getAsString()).isEqualTo("task-fail:mtbf=10m");
        assertThat(settings(json, "stream").get("restartStrategy").getAsString()).isEqualTo(RestartStrategy.DEFAULT.toString())
                .startsWith("exponential-delay:");
        assertThat(settings(json, "batch").get("retries").getAsString()).isEqualTo("attempts=4,runs=" + BatchRetries.DEFAULT.maxRunAttempts());
        assertThat(settings(json, "microbatch").get("retries").getAsString()).isEqualTo(BatchRetries.DEFAULT.toString());
        for (String id : List.of("batch", "microbatch", "stream")) {
            assertThat(engine(json, id).get("status").getAsString()).as(id).isEqualTo("completed");
            assertThat(engine(json, id).get("failure").isJsonNull()).as(id).isTrue();
        }
        // The stream was hit and restarted from its checkpoints, and still equals the oracle.
        assertThat(engine(json, "stream").getAsJsonObject("recovery").get("restarts").getAsInt()).isPositive();
        assertThat(json.getAsJsonObject("agreement").get("resultsAgree").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonObject("agreement").getAsJsonArray("failed")).isEmpty();
        assertThat(run.out()).contains("results agree ✓").doesNotContain("FAILED").doesNotContain("status ");
        assertThat(Files.readString(folder.resolve("report.html"))).contains("<tr><th>stream settings</th>")
                .contains("restartStrategy exponential-delay:").contains("retries attempts=4,runs=10");
    }

    @Test
    void aStreamThatMayRestartOnlyOnceFailsAndIsReportedAsAnOutcome() throws IOException {
        CommandLineRun run = compare("--faults", "task-fail:mtbf=10m", "--restart-strategy", "fixed-delay:attempts=1,delay=1s");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).containsPattern("(?m)^status +completed +completed +FAILED after 1 restart, at ")
                .containsPattern("(?m)^results agree +✓ +✓ +failed, not compared$")
                .contains("stream FAILED: its job failed at ")
                .contains("allows no more restarts")
                .contains("results agree ✓ (every engine that finished equals the reference oracle")
                .doesNotContain("Exception");
        // The recommendation's bullets are wrapped: their words, whatever the line breaks.
        assertThat(run.out().replaceAll("\\s+", " ")).contains("- Failures and recovery: the injected faults interrupted none of"
                + " its work (micro-batch (every 10s): untouched). Failed, so never recommended: stream (");
        Path folder = onlyRunFolder();
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
        assertThat(settings(json, "stream").get("restartStrategy").getAsString()).isEqualTo("fixed-delay:attempts=1,delay=1s");
        JsonObject stream = engine(json, "stream");
        assertThat(stream.get("status").getAsString()).isEqualTo("failed");
        JsonObject failure = stream.getAsJsonObject("failure");
        assertThat(failure.get("restarts").getAsInt()).isEqualTo(1);
        assertThat(failure.get("atMs").getAsDouble()).isPositive()
                .isLessThanOrEqualTo(json.getAsJsonObject("parameters").get("durationMs").getAsDouble());
        assertThat(failure.get("reason").getAsString())
                .isEqualTo("the restart strategy (fixed-delay:attempts=1,delay=1s) allows no more restarts");
        assertThat(stream.get("resultsAgree").isJsonNull()).isTrue();
        assertThat(stream.getAsJsonObject("recovery").get("lost").isJsonNull()).as("not a loss").isTrue();
        for (String id : List.of("batch", "microbatch")) {
            assertThat(engine(json, id).get("status").getAsString()).isEqualTo("completed");
            assertThat(engine(json, id).get("resultsAgree").getAsBoolean()).isTrue();
            assertThat(engine(json, id).getAsJsonObject("recovery").get("lost").getAsLong()).isZero();
        }
        JsonObject agreement = json.getAsJsonObject("agreement");
        assertThat(agreement.get("resultsAgree").getAsBoolean()).isTrue();
        assertThat(agreement.getAsJsonArray("differences")).isEmpty();
        assertThat(agreement.getAsJsonArray("failed")).singleElement().extracting(e -> e.getAsString()).isEqualTo("stream");
        assertThat(agreement.getAsJsonObject("sameResults").keySet()).containsExactly("batch", "microbatch");
        JsonObject recommendation = json.getAsJsonObject("recommendation");
        assertThat(recommendation.get("outcome").getAsString()).isEqualTo("CHOSEN");
        assertThat(recommendation.get("choice").getAsString()).isNotEqualTo("stream");
        assertThat(recommendation.get("explanation").getAsString()).contains("Failed, so never recommended: stream (");
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html).contains("Stream FAILED — its job failed at ").contains("allows no more restarts")
                .contains("<td class=\"bad\">FAILED after 1 restart, at ")
                .contains("Results agree ✓ — the final table of every engine that finished equals the reference oracle's")
                .contains("restartStrategy fixed-delay:attempts=1,delay=1s</td></tr>");
        assertThat(dir.resolve("index.html")).content().contains("(stream failed)");
    }

    @Test
    void aBatchJobWhoseTasksOutlastTheTimeBetweenFailuresFailsAfterItsReruns() throws IOException {
        // Ten milliseconds a record makes each task run for seconds: with a failure a second on every worker, all
        // four attempts fail, and so does every rerun of the run.
        Path profile = Files.writeString(inputs.resolve("slow-batch.json"), "{\"batch\": {\"record\": \"10ms\"}}\n");
        CommandLineRun run = compare("--engines", "batch,microbatch", "--faults", "task-fail:mtbf=1s",
                "--cost-profile", profile.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^status +FAILED after " + (BatchRetries.DEFAULT.maxRunAttempts() - 1)
                + " reruns, at ").contains("batch FAILED: its job failed at ");
        JsonObject json = JsonParser.parseString(Files.readString(onlyRunFolder().resolve("run.json"))).getAsJsonObject();
        assertThat(engine(json, "batch").get("status").getAsString()).isEqualTo("failed");
        JsonObject failure = engine(json, "batch").getAsJsonObject("failure");
        assertThat(failure.get("restarts").getAsInt()).isEqualTo(BatchRetries.DEFAULT.maxRunAttempts() - 1);
        assertThat(failure.get("reason").getAsString())
                .endsWith("failed " + BatchRetries.DEFAULT.maxRunAttempts() + " times in a row (a task failed all its 4 attempts)");
        assertThat(json.getAsJsonObject("recommendation").get("choice").getAsString()).isNotEqualTo("batch");
    }

    /** Engine {@code id}'s own settings in run.json's parameters. */
    static JsonObject settings(JsonObject runJson, String id) {
        for (var e : runJson.getAsJsonObject("parameters").getAsJsonArray("engines")) {
            if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
                return e.getAsJsonObject().getAsJsonObject("settings");
            }
        }
        throw new AssertionError("no engine " + id + " in run.json's parameters");
    }
}
