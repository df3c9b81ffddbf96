package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.flowlab.experiment.ImportedTraces;
import org.flowlab.experiment.IntervalEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --trace}, {@code sweep --trace} and {@code flink --trace} end to end: a trace file replays exactly
 * what its scenario generates, and every option that would generate the trace again, a corrupt file and an
 * imported trace without a job get one line, exit code 2 and nothing written.
 */
class CompareTraceFileTest {

    static final String[] WORKLOAD = {"--duration", "10s", "--rate", "300/s", "--seed", "9"};

    @TempDir
    Path out;

    @TempDir
    Path inputs;

    Path nexmark;

    @BeforeEach
    void generateTheTraceFile() {
        nexmark = inputs.resolve("nexmark.jsonl");
        List<String> args = new ArrayList<>(List.of("workload", "generate", "--scenario", "nexmark", "--out", nexmark.toString()));
        args.addAll(Arrays.asList(WORKLOAD));
        CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void compareReplaysATraceFileExactlyAsItsScenarioGeneratesIt() throws IOException {
        List<String> generated = new ArrayList<>(List.of("compare", "--scenario", "nexmark", "--job", "q5",
                "--faults", "crash:worker=1@4s+2s", "--out", out.resolve("generated").toString()));
        generated.addAll(Arrays.asList(WORKLOAD));
        CommandLineRun fromScenario = CommandLineRun.of(generated.toArray(String[]::new));
        assertThat(fromScenario.exitCode()).as(fromScenario.err()).isZero();
        CommandLineRun fromFile = CommandLineRun.of("compare", "--trace", nexmark.toString(), "--job", "q5",
                "--faults", "crash:worker=1@4s+2s", "--out", out.resolve("file").toString());
        assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
        assertThat(fromFile.out()).startsWith("trace " + nexmark + " (nexmark, ").containsPattern("events\\), seed 9; engines")
                .contains(nexmark + " (nexmark) / q5: ");

        Path fileRun = onlyRun(out.resolve("file"));
        JsonObject a = JsonParser.parseString(Files.readString(onlyRun(out.resolve("generated")).resolve("run.json"))).getAsJsonObject();
        JsonObject b = JsonParser.parseString(Files.readString(fileRun.resolve("run.json"))).getAsJsonObject();
        JsonObject input = b.getAsJsonObject("parameters").getAsJsonObject("input");
        assertThat(input.get("source").getAsString()).isEqualTo("file");
        assertThat(input.get("scenario").getAsString()).isEqualTo("nexmark");
        assertThat(input.get("file").getAsString()).isEqualTo(nexmark.toString());
        assertThat(input.get("sha256").getAsString()).hasSize(64);
        assertThat(input.get("events").getAsLong()).isEqualTo(b.getAsJsonObject("trace").get("events").getAsLong());
        assertThat(a.getAsJsonObject("parameters").getAsJsonObject("input").get("source").getAsString()).isEqualTo("generated");
        for (JsonObject json : List.of(a, b)) {
            json.remove("runId");
            json.remove("environment");
            json.remove("wallClock");
            json.getAsJsonObject("parameters").remove("input");
        }
        assertThat(b).as("every figure but the input's description and the wall clock").isEqualTo(a);
        assertThat(fileRun.resolve("report.html")).content().contains("<h1>" + nexmark + " (nexmark) · q5</h1>",
                "<th>trace file</th><td>" + nexmark + "</td>", input.get("sha256").getAsString());
        assertThat(out.resolve("file").resolve("index.html")).content().contains("<td>" + nexmark + " (nexmark)</td>");
    }

    @Test
    void sweepOverATraceFileVariesAnEngineInterval() throws IOException {
        AtomicInteger runs = new AtomicInteger();
        CommandLineRun run = CommandLineRun.with(IntervalEngine.factory(runs), "sweep", "--trace", nexmark.toString(),
                "--job", "q5", "--vary", "microbatch-interval=1s..4s:2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(runs).as("micro-batch twice, batch and stream once").hasValue(4);
        Path folder = onlyRun(out);
        assertThat(folder.getFileName().toString()).matches("nexmark-[0-9a-f]{8}");
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("sweep.json"))).getAsJsonObject();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(4);
        assertThat(json.getAsJsonObject("parameters").getAsJsonObject("input").get("file").getAsString()).isEqualTo(nexmark.toString());
        assertThat(run.out()).contains("computed microbatch@microbatch-interval=1s", "computed microbatch@microbatch-interval=4s");
    }

    @Test
    void optionsThatWouldGenerateTheTraceAgainAreOneLineEach() throws IOException {
        String file = nexmark.toString();
        String fixes = "does not go with --trace: the trace file " + file + " fixes the events";
        assertRejected("--scenario " + fixes, "compare", "--trace", file, "--scenario", "nexmark");
        assertRejected("--duration " + fixes, "compare", "--trace", file, "--duration", "5s");
        assertRejected("--rate " + fixes, "sweep", "--trace", file, "--rate", "5/s", "--vary", "workers=1..2:2");
        assertRejected("--duration " + fixes, "flink", "--trace", file, "--duration", "5s");
        assertRejected("--vary rate " + fixes, "sweep", "--trace", file, "--vary", "rate=10/s..20/s:2");
        assertRejected("--vary key-skew " + fixes, "sweep", "--trace", file, "--vary", "key-skew=0.5..1:2");
        assertRejected("with --trace vary only batch-interval, microbatch-interval, checkpoint-interval, early-fire, interval, "
                + "workers, watermark-delay, allowed-lateness, task-mtbf", "sweep", "--trace", file, "--find", "sustainable-throughput");
        assertRejected("unknown job 'q99' for scenario nexmark", "compare", "--trace", file, "--job", "q99");
    }

    @Test
    void aCorruptOrMissingTraceFileIsOneLine() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(nexmark));
        lines.set(2, lines.get(2).substring(0, lines.get(2).length() / 2));
        Files.write(nexmark, lines);
        assertRejected(nexmark + ":3: ", "compare", "--trace", nexmark.toString());
        assertRejected(nexmark + ":3: ", "sweep", "--trace", nexmark.toString(), "--vary", "workers=1..2:2");
        assertRejected("cannot read the trace file (no such file or directory: ", "compare", "--trace", inputs.resolve("none.jsonl").toString());
    }

    @Test
    void anImportedTraceWithoutAJobSaysItNeedsSql() throws IOException {
        String imported = ImportedTraces.write(inputs.resolve("purchases.jsonl")).toString();
        String noJobs = "this trace's scenario 'imported' has no catalog jobs";
        assertRejected("job: " + noJobs, "compare", "--trace", imported);
        assertRejected("--job q5: " + noJobs, "compare", "--trace", imported, "--job", "q5");
        assertRejected("job: " + noJobs, "sweep", "--trace", imported, "--vary", "workers=1..2:2");
        assertRejected("job: " + noJobs, "flink", "--trace", imported);
        assertRejected("give its job as SQL with --sql", "compare", "--trace", imported);
    }

    private void assertRejected(String expected, String... args) throws IOException {
        AtomicInteger runs = new AtomicInteger();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--out", out.resolve("runs").toString()));
        CommandLineRun.with(IntervalEngine.factory(runs), all.toArray(String[]::new)).assertRefused(expected);
        assertThat(runs).hasValue(0);
        try (Stream<Path> written = Files.walk(out)) {
            assertThat(written.filter(p -> !p.equals(out))).as("nothing written").isEmpty();
        }
    }

    private static Path onlyRun(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> folders = s.filter(Files::isDirectory).toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }
}
