package org.flowlab.cli;

import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowlab.flink.LocalFlinkCluster;
import org.flowlab.report.FlinkRunsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab flink} end to end on a small trace: Flowlab's engines and Flink's two runtime modes
 * (on a local MiniCluster) over the same trace, a run.json of compare's shape with the Flink
 * engines in it, results that agree, and wall-clock speeds side by side; and its mistakes.
 */
class FlinkCommandTest {

    static final String[] SMALL = {"--scenario", "nexmark", "--duration", "5s", "--rate", "2000/s",
            "--parallelism", "2"};

    @TempDir
    Path dir;

    static String[] args(Path out, String... more) {
        List<String> a = new ArrayList<>(List.of("flink"));
        a.addAll(Arrays.asList(SMALL));
        a.addAll(Arrays.asList(more));
        a.add("--out");
        a.add(out.toString());
        return a.toArray(String[]::new);
    }

    static JsonObject runJson(Path out) throws IOException {
        List<Path> folders = CompareCommandTest.runFolders(out);
        assertThat(folders).hasSize(1);
        return JsonParser.parseString(Files.readString(folders.get(0).resolve("run.json"))).getAsJsonObject();
    }

    @Test
    void bothFlinkModesRunBesideFlowlabsEnginesAndEveryResultEqualsTheOracle() throws IOException {
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD, args(dir, "--job", "q5"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonObject json = runJson(dir);
        assertThat(json.keySet()).containsAll(List.of("schemaVersion", "scenario", "seed", "parameters", "engines",
                "agreement", "recommendation", "environment", "wallClock"));
        JsonObject engines = json.getAsJsonObject("engines");
        assertThat(engines.keySet()).containsExactly("batch", "microbatch", "stream", "flink-batch", "flink-streaming");
        JsonObject agreement = json.getAsJsonObject("agreement");
        assertThat(agreement.get("resultsAgree").getAsBoolean()).isTrue();
        long oracleOutputs = agreement.get("oracleOutputs").getAsLong();
        assertThat(oracleOutputs).isPositive();
        long events = json.getAsJsonObject("trace").get("events").getAsLong();
        for (String flink : List.of("flink-batch", "flink-streaming")) {
            JsonObject e = engines.getAsJsonObject(flink);
            assertThat(e.get("resultsAgree").getAsBoolean()).as(flink).isTrue();
            assertThat(e.get("outputs").getAsLong()).as(flink).isEqualTo(oracleOutputs);
            assertThat(e.get("recordsIn").getAsLong()).as(flink).isEqualTo(events);
            assertThat(e.get("lateRecords").getAsLong()).as(flink).isZero();
            assertThat(e.get("latencyMs").isJsonNull()).as("a real run has no simulated latency").isTrue();
            assertThat(e.get("cost").isJsonNull()).isTrue();
        }
        for (Map.Entry<String, JsonElement> row : agreement.getAsJsonObject("sameResults").entrySet()) {
            assertThat(row.getValue().getAsJsonObject().keySet()).as(row.getKey()).hasSize(5);
            row.getValue().getAsJsonObject().entrySet().forEach(cell ->
                    assertThat(cell.getValue().getAsBoolean()).as(row.getKey() + " vs " + cell.getKey()).isTrue());
        }
        JsonObject wallClock = json.getAsJsonObject("wallClock");
        for (String id : engines.keySet()) {
            assertThat(wallClock.getAsJsonObject("engineRecordsPerSec").get(id).getAsDouble()).as(id).isPositive();
            assertThat(wallClock.getAsJsonObject("engineSeconds").get(id).getAsDouble()).as(id).isPositive();
        }
        assertThat(wallClock.getAsJsonObject("flinkNetRuntimeSeconds").keySet()).containsExactly("flink-batch", "flink-streaming");
        List<String> ids = new ArrayList<>();
        json.getAsJsonObject("parameters").getAsJsonArray("engines").forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        assertThat(ids).containsExactly("batch", "microbatch", "stream", "flink-batch", "flink-streaming");
        assertThat(run.out()).contains("nexmark / q5", "results agree ✓", "flink-streaming", "records/s",
                "stream ÷ flink-streaming: ", "batch ÷ flink-batch: ");
        Path folder = CompareCommandTest.runFolders(dir).get(0);
        assertThat(Files.readString(folder.resolve("report.html"))).contains("flink-streaming", "records per second");
        assertThat(dir.resolve("index.html")).content().contains(folder.getFileName() + "/report.html");

        String table = FlinkRunsTable.markdown(dir, "test-host");
        assertThat(table).contains("test-host", "| nexmark / q5 | " + String.format(java.util.Locale.ROOT, "%,d", events) + " |",
                folder.getFileName().toString()).containsPattern("\\d+\\.\\d× [✓✗]")
                // Against Flink's own run time too, without a goal mark.
                .contains("÷ Flink's own run time").containsPattern("× [✓✗] \\| \\d+\\.\\d× \\|");
        String readme = "# x\n" + FlinkRunsTable.START + "\nold\n" + FlinkRunsTable.END + "\nafter\n";
        assertThat(FlinkRunsTable.rewrite(readme, table)).isEqualTo("# x\n" + FlinkRunsTable.START + "\n" + table
                + FlinkRunsTable.END + "\nafter\n");
        assertThat(FlinkRunsTable.rewrite("no markers", table)).isEqualTo("no markers");
    }

    @Test
    void oneModeBesideOneEngineAndTheSameArgumentsGiveTheSameRunJson() throws IOException {
        String[] more = {"--mode", "streaming", "--engines", "stream", "--job", "q7"};
        assertThat(CommandLineRun.with(EngineRegistry.STANDARD, args(dir.resolve("a"), more)).exitCode()).isZero();
        assertThat(CommandLineRun.with(EngineRegistry.STANDARD, args(dir.resolve("b"), more)).exitCode()).isZero();
        JsonObject a = runJson(dir.resolve("a"));
        assertThat(a.getAsJsonObject("engines").keySet()).containsExactly("stream", "flink-streaming");
        assertThat(a.get("job").getAsString()).isEqualTo("q7");
        JsonObject b = runJson(dir.resolve("b"));
        for (JsonObject json : List.of(a, b)) {
            json.remove("wallClock");
            json.remove("environment");
            json.remove("runId");
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void repeatedRunsGoInAJvmPerEngineKeepEachEnginesFastestAndRecordEveryRun() throws IOException {
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD,
                args(dir, "--mode", "streaming", "--engines", "stream,batch", "--job", "q2", "--repeat", "3", "--warmup", "1s"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("every engine 3 times, in a JVM of its own after 1.0 s of warm-up")
                .contains("fastest of 3 runs per engine over the same trace, each engine's in a JVM of its own, "
                        + "after 1 s of untimed warm-up runs")
                .contains("flink-streaming: running", "stream: timing its runs in a JVM of its own",
                        "flink-streaming: timing its runs in a JVM of its own", "results agree ✓")
                .doesNotContain("(run 3 of 3)");
        JsonObject json = runJson(dir);
        assertThat(json.getAsJsonObject("engines").keySet()).containsExactly("batch", "stream", "flink-streaming");
        JsonObject wall = json.getAsJsonObject("wallClock");
        assertThat(wall.get("repeats").getAsInt()).isEqualTo(3);
        JsonObject everyRun = wall.getAsJsonObject("engineSecondsEveryRun");
        assertThat(everyRun.keySet()).containsExactly("batch", "stream", "flink-streaming");
        for (String engine : everyRun.keySet()) {
            List<Double> seconds = new ArrayList<>();
            everyRun.getAsJsonArray(engine).forEach(e -> seconds.add(e.getAsDouble()));
            assertThat(seconds).as(engine).hasSize(3);
            double fastest = seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            assertThat(wall.getAsJsonObject("engineSeconds").get(engine).getAsDouble()).as(engine).isEqualTo(fastest);
            double events = json.getAsJsonObject("trace").get("events").getAsDouble();
            assertThat(wall.getAsJsonObject("engineRecordsPerSec").get(engine).getAsDouble()).as(engine)
                    .isCloseTo(events / fastest, org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        assertThat(wall.get("jvmPerEngine").getAsBoolean()).isTrue();
        assertThat(wall.get("warmupSeconds").getAsDouble()).isEqualTo(1.0);
        assertThat(wall.getAsJsonObject("warmupRuns").keySet()).containsExactly("batch", "stream", "flink-streaming");
        wall.getAsJsonObject("warmupRuns").entrySet().forEach(e -> assertThat(e.getValue().getAsInt()).as(e.getKey()).isPositive());
        assertThat(run.out()).contains("untimed warm-up runs in each engine's JVM: batch ");
        assertThat(FlinkRunsTable.markdown(dir, "here")).contains("| 3 (fastest, own JVM, 1 s warm-up) |");
        try (Stream<Path> pages = Files.walk(dir)) {
            Path page = pages.filter(p -> p.getFileName().toString().equals("report.html")).findFirst().orElseThrow();
            assertThat(Files.readString(page)).contains("Fastest of 3 runs per engine", "<th>every run, seconds</th>");
        }
    }

    /** An argument file (picocli's @file) reaches each engine's JVM expanded, as this JVM parsed it. */
    @Test
    void anArgumentFileReachesEachEnginesJvm() throws IOException {
        Path file = dir.resolve("args.txt");
        Files.write(file, List.of(args(dir.resolve("runs"), "--mode", "streaming", "--engines", "stream", "--job", "q7",
                "--repeat", "2")));
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD, "@" + file);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("stream: timing its runs in a JVM of its own", "results agree ✓");
        assertThat(runJson(dir.resolve("runs")).getAsJsonObject("wallClock").getAsJsonObject("engineSecondsEveryRun")
                .getAsJsonArray("stream")).hasSize(2);
    }

    @Test
    void anEnginesOwnJvmTimesItAloneAndPrintsOneLine() throws IOException {
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD,
                args(dir, "--mode", "streaming", "--job", "q7", "--repeat", "2", "--warmup", "1s", "--time-in-this-jvm=stream"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).hasSize(1).first().asString().startsWith(EngineJvms.MARKER);
        JsonObject timings = JsonParser.parseString(run.out().strip().substring(EngineJvms.MARKER.length())).getAsJsonObject();
        assertThat(timings.getAsJsonArray("wallNanos")).hasSize(2);
        assertThat(timings.getAsJsonArray("fingerprints")).hasSize(2);
        assertThat(timings.get("warmupRuns").getAsInt()).as("runs of a second's warm-up").isPositive();
        assertThat(timings.getAsJsonArray("fingerprints").get(0)).isEqualTo(timings.getAsJsonArray("fingerprints").get(1));
        assertThat(dir).isEmptyDirectory();
        assertRejected("no engine sideways in this comparison", "flink", "--scenario", "nexmark", "--duration", "5s",
                "--rate", "2000/s", "--time-in-this-jvm=sideways");
    }

    @Test
    void mistakesGetOneLineAndExitCodeTwoAndWriteNothing() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        assertRejected("--scenario or --trace is required", "flink", "--job", "q5");
        assertRejected("--mode", "flink", "--scenario", "nexmark", "--mode", "sideways");
        assertRejected("--parallelism must be from 1 to 32768, Flink's largest (got 0)", "flink", "--scenario", "nexmark",
                "--parallelism", "0");
        assertRejected("--parallelism must be from 1 to 32768, Flink's largest (got 100000)", "flink", "--scenario", "nexmark",
                "--parallelism", "100000");
        assertRejected("--jobmanager must be host:port", "flink", "--scenario", "nexmark", "--jobmanager", "localhost");
        assertRejected("nothing answers there", "flink", "--scenario", "nexmark", "--jobmanager", "127.0.0.1:" + port);
        assertRejected("unknown job", "flink", "--scenario", "nexmark", "--job", "q99");
        assertRejected("--repeat must be 1 to 20", "flink", "--scenario", "nexmark", "--repeat", "0");
        assertRejected("every engine, Flowlab's and Flink's, is given a watermark delay covering the trace's disorder", "flink",
                "--scenario", "nexmark", "--watermark-delay", "1s");
        assertRejected("Flink's runs emit final results only", "flink", "--scenario", "nexmark", "--output", "updates");
        assertRejected("--repeat must be 1 to 20", "flink", "--scenario", "nexmark", "--repeat", "21");
        assertRejected("--warmup must be at most 10m", "flink", "--scenario", "nexmark", "--warmup", "11m");
        assertRejected("must be a positive duration", "flink", "--scenario", "nexmark", "--warmup", "-1s");
        assertRejected("cannot have: they share its task managers", "flink", "--scenario", "nexmark", "--warmup", "1s",
                "--jobmanager", "127.0.0.1:" + port);
        assertRejected("--deploy-timeout is for a run on a cluster, with --jobmanager", "flink", "--scenario", "nexmark",
                "--deploy-timeout", "30s");
        assertRejected("'0s' must be a positive duration", "flink", "--scenario", "nexmark", "--deploy-timeout", "0s",
                "--jobmanager", "127.0.0.1:" + port);
    }

    /**
     * A job whose tasks cannot all run on the cluster (parallelism 3 on 2 slots) is cancelled after
     * the deploy timeout: one line says so, the exit code is 1, and no run folder is left. Flink would
     * have it wait for slots without end.
     */
    @Test
    void aClusterJobThatCannotRunIsCancelledAfterTheDeployTimeoutInOneLine() throws IOException {
        try (LocalFlinkCluster cluster = LocalFlinkCluster.start(2)) {
            CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD, "flink", "--scenario", "nexmark", "--duration", "5s",
                    "--rate", "2000/s", "--job", "q1", "--engines", "stream", "--mode", "streaming", "--parallelism", "3",
                    "--jobmanager", cluster.host() + ":" + cluster.port(), "--deploy-timeout", "2s",
                    "--out", dir.resolve("runs").toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(FlowlabCommand.EXIT_FAILED);
            assertThat(run.errLines()).as(run.err()).hasSize(1);
            assertThat(run.err()).startsWith("flowlab: flink-streaming q1 on JobManager at " + cluster.host() + ":" + cluster.port()
                    + " was cancelled: its tasks were not all running for ").contains("parallelism 3").doesNotContain("\tat ");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.equals(dir) && !p.equals(dir.resolve("runs")))).as("no run folder left").isEmpty();
        }
    }

    @Test
    void aQueryFlinkSqlCannotRunInAModeIsRefusedBeforeAnyEngineRuns() throws IOException {
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD, "flink", "--scenario", "nexmark", "--duration", "5s",
                "--sql", "../queries/nexmark/q11.sql", "--out", dir.resolve("runs").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).startsWith("flowlab: Flink SQL (batch mode): Unaligned windows like session are not supported"
                + " in batch mode").doesNotContain("\tat ");
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.out()).as("no heading either: the refusal is all it prints").isEmpty();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.equals(dir))).as("nothing written").isEmpty();
        }
    }

    private void assertRejected(String fragment, String... args) throws IOException {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        a.add("--out");
        a.add(dir.resolve("runs").toString());
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD, a.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("flowlab: ").contains(fragment).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.equals(dir))).as("nothing written").isEmpty();
        }
    }

    @Test
    void helpNamesEveryFlagWithExamples() {
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD, "flink", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--scenario", "--job", "--seed", "--duration", "--rate", "--out", "--mode",
                "--jobmanager", "--deploy-timeout", "--parallelism", "Examples:", "./flowlab flink");
    }
}
