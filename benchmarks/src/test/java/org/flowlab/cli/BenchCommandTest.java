package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.flowlab.bench.BenchTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench}, {@code bench-table} and {@code calibrate} on the command line: bad arguments are one
 * line and exit 2 without running anything; one tiny in-process JMH run (well under 10 s) writes a
 * JSON result the table reads. No measured number is asserted.
 */
class BenchCommandTest {

    @TempDir
    Path dir;

    private static void assertRejected(String expectedFragment, String... args) {
        CommandLineRun run = CommandLineRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as("exactly one line on stderr").hasSize(1);
        assertThat(run.err()).startsWith("flowlab: ").contains(expectedFragment).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void listsTheSuiteWithoutRunningIt() {
        CommandLineRun run = CommandLineRun.of("bench", "--list");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("org.flowlab.bench.EventQueueBenchmark.queueHold",
                "org.flowlab.bench.HandWrittenLoopBenchmark.groupBy10kKeys", "org.flowlab.bench.OperatorBenchmark.stateSnapshot",
                "org.flowlab.bench.StreamEngineBenchmark.run", "org.flowlab.bench.TraceGenerationBenchmark.generate");
    }

    @Test
    void helpShowsAnExample() {
        CommandLineRun run = CommandLineRun.of("bench", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Examples:", "./flowlab bench", "--forks 0");
    }

    @Test
    void aRegexThatMatchesNothingListsTheKnownBenchmarks() {
        assertRejected("no benchmark matches 'NoSuchBenchmark'; known: BatchEngineBenchmark.run, BatchGroupByBenchmark.groupBy10kKeys, EventQueueBenchmark.queueHold", "bench", "NoSuchBenchmark");
    }

    @Test
    void aMalformedRegex() {
        assertRejected("'Operator[' is not a regular expression", "bench", "Operator[");
    }

    @Test
    void zeroIterations() {
        assertRejected("--iterations must be >= 1, got 0", "bench", "--iterations", "0");
    }

    @Test
    void negativeWarmupIterations() {
        assertRejected("--warmup-iterations must be >= 0, got -1", "bench", "--warmup-iterations=-1");
    }

    @Test
    void negativeForks() {
        assertRejected("--forks must be 0 to 20 (0 runs in this JVM), got -1", "bench", "--forks=-1");
    }

    @Test
    void aZeroIterationTime() {
        assertRejected("'0s' must be a positive duration", "bench", "--time", "0s");
    }

    @Test
    void aParamWithoutValues() {
        assertRejected("--param 'pending' must be NAME=VALUE[,VALUE...]", "bench", "--param", "pending");
    }

    @Test
    void aParamTheBenchmarksDoNotHaveOrCannotTakeIsRefusedBeforeAnythingRuns() {
        assertRejected("--param bogus: no benchmark that 'EventQueueBenchmark' matches has it; theirs: pending",
                "bench", "EventQueueBenchmark", "--param", "bogus=1");
        assertRejected("--param pending=abc: must be a whole number from 1 to 2147483647",
                "bench", "EventQueueBenchmark", "--param", "pending=1000,abc");
        assertRejected("--param pending=-1: must be a whole number from 1", "bench", "EventQueueBenchmark", "--param", "pending=-1");
        assertRejected("--param pending=99999999999: must be a whole number", "bench", "EventQueueBenchmark",
                "--param", "pending=99999999999");
        assertRejected("--param job=nexmark/q99: must be one of ", "bench", "StreamEngineBenchmark", "--param", "job=nexmark/q99");
        // JMH reads the value as given: a space after the comma is a NumberFormatException in the benchmark.
        assertRejected("--param pending= 5: must be a whole number", "bench", "EventQueueBenchmark", "--param", "pending=1000, 5");
    }

    @Test
    void calibrateRejectsZeroIterations() {
        assertRejected("--iterations must be >= 1, got 0", "calibrate", "--iterations", "0");
        assertRejected("--warmup-iterations must be >= 0, got -1", "calibrate", "--warmup-iterations=-1");
    }

    /** Each fork warms up and measures every benchmark again: thousands of them would run for days, so they are refused at once. */
    @Test
    @Timeout(60)
    void tooManyForks() {
        assertRejected("--forks must be 0 to 20 (0 runs in this JVM), got 1000", "calibrate", "--forks", "1000",
                "--out", dir.resolve("profile.json").toString());
        assertThat(dir.resolve("profile.json")).doesNotExist();
        assertRejected("--forks must be 0 to 20 (0 runs in this JVM), got 21", "bench", "--forks", "21");
    }

    @Test
    void benchTableWithoutAResult() {
        assertRejected("cannot read the JMH result", "bench-table", "--from", dir.resolve("none.json").toString(),
                "--readme", dir.resolve("README.md").toString());
    }

    @Test
    void benchTableOnAReadmeWithoutMarkersWritesNothing() throws IOException {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[{\"benchmark\": \"x\", \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ns/op\"}}]");
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# no markers\n");
        assertRejected("needs the markers", "bench-table", "--from", json.toString(), "--readme", readme.toString());
        assertThat(Files.readString(readme)).isEqualTo("# no markers\n");
    }

    @Test
    void benchTableFromAnEmptyResultLeavesTheTableAsItIs() throws IOException {
        Path json = dir.resolve("r.json");
        Files.writeString(json, "[]");
        Path readme = dir.resolve("README.md");
        String table = "<!-- bench:start -->\nthe table\n<!-- bench:end -->\n";
        Files.writeString(readme, table);
        assertRejected("r.json: no results (an empty JMH result array); the table is left as it is", "bench-table", "--from",
                json.toString(), "--readme", readme.toString());
        assertThat(Files.readString(readme)).isEqualTo(table);
    }

    /** One tiny in-process run: a JMH JSON result appears at --out (no temp file left) and the table reads it. */
    @Test
    void aTinyInProcessRunWritesJmhJsonThatTheTableReads() throws IOException {
        Path json = dir.resolve("out").resolve("tiny.json");
        CommandLineRun run = CommandLineRun.of("bench", "EventQueueBenchmark.queueHold", "--param", "pending=1000",
                "--forks", "0", "--warmup-iterations", "0", "--iterations", "1", "--time", "100ms", "--out", json.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("wrote " + json);
        var results = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonArray();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getAsJsonObject().get("benchmark").getAsString())
                .isEqualTo("org.flowlab.bench.EventQueueBenchmark.queueHold");
        try (Stream<Path> files = Files.list(json.getParent())) {
            assertThat(files).containsExactly(json);
        }

        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "# R\n" + BenchTable.START + "\n" + BenchTable.END + "\n");
        CommandLineRun table = CommandLineRun.of("bench-table", "--from", json.toString(), "--readme", readme.toString(),
                "--note", "test note");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(Files.readString(readme)).contains("test note", "| EventQueueBenchmark.queueHold | pending=1000 |");
    }
}
