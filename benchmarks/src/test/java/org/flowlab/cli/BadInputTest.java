package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every user mistake gets one line on standard error naming what is wrong and what is allowed, and exit code 2. */
class BadInputTest {

    @TempDir
    Path dir;

    private CommandLineRun assertRejected(String expectedFragment, String... args) {
        CommandLineRun run = CommandLineRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as("exactly one line on stderr").hasSize(1);
        assertThat(run.err()).startsWith("flowlab: ").contains(expectedFragment)
                .doesNotContain("Exception", "\tat ", "at org.");
        assertThat(run.out()).isEmpty();
        return run;
    }

    private Path spec(String json) throws IOException {
        Path file = dir.resolve("spec.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private void assertNothingWrittenBesides(Path... kept) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactlyInAnyOrder(kept);
        }
    }

    @Test
    void unknownFlag() {
        assertRejected("Unknown option: '--bogus'", "workload", "describe", "--scenario", "card-fraud", "--bogus");
    }

    @Test
    void unknownCommand() {
        assertRejected("Unmatched argument", "frobnicate");
    }

    @Test
    void unknownScenarioListsTheKnownOnes() {
        assertRejected("unknown scenario 'nope'; known: retail-etl, bank-eod", "workload", "describe", "--scenario", "nope");
    }

    @Test
    void malformedJsonInASpecFile() throws IOException {
        Path file = spec("{ \"scenario\": \"card-fraud\", \"rate\": ");
        assertRejected(file + ": malformed JSON", "workload", "describe", "--spec", file.toString());
    }

    @Test
    void aSpecFileWithoutItsScenario() throws IOException {
        Path file = spec("{ \"rate\": \"10/s\" }");
        assertRejected(file + ": scenario: is missing", "workload", "describe", "--spec", file.toString());
    }

    @Test
    void aNegativeRateInASpecFile() throws IOException {
        Path file = spec("{ \"scenario\": \"card-fraud\", \"rate\": \"-5/s\" }");
        assertRejected(file + ": rate: must be a rate such as 20000/s", "workload", "describe", "--spec", file.toString());
    }

    @Test
    void aNegativeRateOnTheCommandLine() {
        assertRejected("'-5/s' is not a rate; expected a rate such as 20000/s", "workload", "describe", "--scenario", "card-fraud", "--rate=-5/s");
    }

    @Test
    void aRateOnTheCommandLineThatTheScenarioCannotTakeNamesTheOption() throws IOException {
        assertRejected("flowlab: --rate 1/d with fraud.burstsPerHour 5 of scenarios/card-fraud.json: fraud bursts would make",
                "workload", "describe", "--scenario", "card-fraud", "--rate", "1/d", "--charts", dir.resolve("charts").toString());
        assertRejected("flowlab: --rate 1/d with fraud.burstsPerHour 5 of scenarios/card-fraud.json: fraud bursts would make",
                "workload", "generate", "--scenario", "card-fraud", "--rate=1/d", "--out", dir.resolve("t.jsonl").toString());
        assertNothingWrittenBesides();
    }

    @Test
    void aZipfExponentThatIsNotPositive() throws IOException {
        Path file = spec("{ \"scenario\": \"card-fraud\", \"merchants\": { \"type\": \"zipf\", \"n\": 100, \"s\": 0 } }");
        assertRejected(file + ": merchants.s: must be > 0", "workload", "describe", "--spec", file.toString());
    }

    @Test
    void aProbabilityOutsideZeroToOne() throws IOException {
        Path file = spec("{ \"scenario\": \"card-fraud\", \"disorder\": { \"lateFraction\": 1.5 } }");
        assertRejected(file + ": disorder.lateFraction: must be a probability between 0 and 1 (got 1.5)",
                "workload", "describe", "--spec", file.toString());
    }

    @Test
    void aZeroDurationInASpecFile() throws IOException {
        Path file = spec("{ \"scenario\": \"stock-ticks\", \"duration\": \"0s\" }");
        assertRejected(file + ": duration: must be a positive duration", "workload", "describe", "--spec", file.toString());
    }

    @Test
    void aZeroDurationOnTheCommandLine() {
        assertRejected("'0s' must be a positive duration", "workload", "describe", "--scenario", "stock-ticks", "--duration", "0s");
    }

    @Test
    void aMalformedDuration() {
        assertRejected("'10 parsecs' is not a duration; expected a duration such as 500ms", "workload", "describe",
                "--scenario", "stock-ticks", "--duration", "10 parsecs");
    }

    @Test
    void anUnknownFieldInASpecFile() throws IOException {
        Path file = spec("{ \"scenario\": \"card-fraud\", \"fraud\": { \"burstsPerHr\": 3 } }");
        assertRejected(file + ": fraud.burstsPerHr: unknown field", "workload", "describe", "--spec", file.toString());
    }

    @Test
    void anUnreadableSpecFile() {
        Path missing = dir.resolve("missing.json");
        assertRejected(missing + ": cannot read the spec file", "workload", "describe", "--spec", missing.toString());
    }

    @Test
    void anUnreadableTraceFile() {
        Path missing = dir.resolve("missing.jsonl");
        assertRejected(missing.toString(), "workload", "describe", "--trace", missing.toString());
    }

    @Test
    void aCorruptTraceFileNamesTheLine() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        assertThat(CommandLineRun.of("workload", "generate", "--scenario", "nexmark", "--duration", "1s",
                "--rate", "100/s", "--out", trace.toString()).exitCode()).isZero();
        var lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
        lines.set(3, lines.get(3).replace("\"eventTime\":", "\"eventTime\":\"oops\",\"x\":"));
        Files.write(trace, lines, StandardCharsets.UTF_8);
        assertRejected(trace + ":4: ", "workload", "describe", "--trace", trace.toString(),
                "--charts", dir.resolve("charts").toString());
        assertNothingWrittenBesides(trace);
    }

    @Test
    void overridesCannotBeCombinedWithATraceFile() throws IOException {
        Path trace = dir.resolve("t.jsonl");
        Files.writeString(trace, "");
        assertRejected("cannot be used with --trace", "workload", "describe", "--trace", trace.toString(), "--rate", "5/s");
    }

    @Test
    void generateIntoAPathWhoseParentIsAFileWritesNothing() throws IOException {
        Path notADirectory = dir.resolve("plain");
        Files.writeString(notADirectory, "keep me");
        Path out = notADirectory.resolve("trace.jsonl");
        assertRejected("plain", "workload", "generate", "--scenario", "nexmark", "--duration", "1s", "--out", out.toString());
        assertThat(Files.readString(notADirectory)).isEqualTo("keep me");
        assertNothingWrittenBesides(notADirectory);
    }

    @Test
    void generateWithoutOut() {
        assertRejected("Missing required option: '--out=FILE.jsonl'", "workload", "generate", "--scenario", "nexmark");
    }

    @Test
    void scenarioAndSpecTogether() throws IOException {
        Path file = spec("{ \"scenario\": \"card-fraud\" }");
        assertRejected("mutually exclusive", "workload", "describe", "--scenario", "card-fraud", "--spec", file.toString());
    }

    @Test
    void anOutputPathThatIsTheRootIsOneLineNotANullPointer() {
        String root = dir.getRoot().toString();
        assertRejected("is a folder, not a file", "workload", "generate", "--scenario", "nexmark", "--duration", "1s", "--out", root);
        assertRejected("is a directory; --out needs a file name", "calibrate", "--out", root);
        assertRejected("is a directory; --out needs a file name", "bench", "EventQueueBenchmark", "--out", root);
    }

    @Test
    void aBenchResultIntoAFolderIsRefusedBeforeTheBenchmarksRun() {
        assertRejected(dir + ": is a directory; --out needs a file name", "bench", "EventQueueBenchmark", "--out", dir.toString());
    }

    @Test
    void aNamedPipeGivenAsOutIsLeftAsItIs() throws IOException, InterruptedException {
        Path pipe = dir.resolve("trace.jsonl");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo on this machine");
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
        assertRejected("is not a regular file", "workload", "generate", "--scenario", "nexmark", "--duration", "1s",
                "--out", pipe.toString());
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(Files.isRegularFile(pipe)).as("still a pipe, not replaced by the trace").isFalse();
    }

    @Test
    void anOutThatIsTheInputIsRefusedAndTheInputKept() throws IOException {
        Path file = spec("{ \"scenario\": \"stock-ticks\", \"duration\": \"1s\" }");
        assertRejected("--out is the file --spec reads", "workload", "generate", "--spec", file.toString(), "--out", file.toString());
        assertThat(Files.readString(file)).contains("\"duration\": \"1s\"");
        Path csv = Files.writeString(dir.resolve("log.csv"), "ts,card\n2026-03-01T07:00:00Z,1\n");
        assertRejected("--out is the file --from reads", "workload", "import", "--from", csv.toString(), "--event-time", "ts",
                "--out", csv.toString());
        assertThat(Files.readString(csv)).isEqualTo("ts,card\n2026-03-01T07:00:00Z,1\n");
    }

    @Test
    void anArgumentFileThatIsAFolderOrADeviceIsOneLine() {
        assertRejected("@" + dir + " names a folder", "compare", "@" + dir);
        // A device is read for ever (/dev/zero never ends a line): refused before picocli reads it.
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertRejected("@/dev/zero names no regular file (a device or a pipe)", "compare", "@/dev/zero");
    }

    @Test
    void referenceResultsDoNotReplaceAFolderOfSomethingElse() throws IOException {
        Path mine = Files.createDirectories(dir.resolve("comparison"));
        Path kept = Files.writeString(mine.resolve("thesis.txt"), "keep me");
        assertRejected(mine + ": holds something else than Flowlab's reference results", "reference", "--out", dir.toString());
        assertThat(kept).hasContent("keep me");
    }
}
