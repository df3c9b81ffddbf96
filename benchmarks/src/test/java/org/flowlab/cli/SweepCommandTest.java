package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.flowlab.experiment.IntervalEngine;
import org.flowlab.sim.registry.EngineRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowlab sweep} end to end: its folder, charts and page, resuming, and its mistakes. */
class SweepCommandTest {

    @TempDir
    Path dir;

    final AtomicInteger runs = new AtomicInteger();

    CommandLineRun sweep(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", "--scenario", "stock-ticks", "--job", "vwap-1s",
                "--duration", "20s", "--rate", "100/s", "--out", dir.toString()));
        args.addAll(List.of(more));
        return CommandLineRun.with(IntervalEngine.factory(runs), args.toArray(String[]::new));
    }

    Path onlyFolder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> folders = s.filter(Files::isDirectory).toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    @Test
    void aSweepWritesItsPointsChartsAndPageAndResumes() throws IOException {
        CommandLineRun first = sweep("--vary", "interval=1s..8s:3:log", "--vary", "rate=50..100:2", "--sla", "10s");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path folder = onlyFolder();
        assertThat(folder.getFileName().toString()).matches("stock-ticks-[0-9a-f]{8}");
        assertThat(runs).hasValue(14);
        try (Stream<Path> points = Files.list(folder.resolve("points"))) {
            assertThat(points.count()).isEqualTo(14);
        }
        for (String chart : List.of("continuum", "saturation", "pareto")) {
            assertThat(folder.resolve(chart + ".png")).isRegularFile();
            assertThat(folder.resolve(chart + ".svg")).isRegularFile();
        }
        String page = Files.readString(folder.resolve("report.html"));
        assertThat(page).contains("<img src=\"continuum.png\"", "<img src=\"saturation.png\"", "<img src=\"pareto.png\"",
                "Recommendation", "imagesLoaded");
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("sweep.json"))).getAsJsonObject();
        assertThat(json.get("schemaVersion").getAsInt()).isEqualTo(4);
        assertThat(json.getAsJsonArray("points")).hasSize(14);
        assertThat(json.getAsJsonObject("recommendation").get("outcome").getAsString()).isEqualTo("CHOSEN");
        assertThat(first.out()).contains("computed batch@interval=1s,rate=50/s").contains("14 computed now, 0 read back")
                .contains("report: " + folder.resolve("report.html"));

        Files.delete(folder.resolve("points").resolve("stream@rate=100_s.json"));
        CommandLineRun again = sweep("--vary", "interval=1s..8s:3:log", "--vary", "rate=50..100:2", "--sla", "5s");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(runs).as("only the deleted point ran again").hasValue(15);
        assertThat(again.out()).contains("1 computed now, 13 read back").contains("kept     batch@interval=1s,rate=50/s");
        assertThat(onlyFolder()).isEqualTo(folder);
    }

    @Test
    void theSustainableThroughputSearch() throws IOException {
        CommandLineRun run = sweep("--engines", "stream", "--workers", "1", "--find", "sustainable-throughput");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("sustainable throughput of stream: [0-9,.]+/s \\(backlog grows at [0-9,.]+/s\\)");
        Path folder = onlyFolder();
        assertThat(Files.readString(folder.resolve("report.html"))).contains("Sustainable throughput");
        assertThat(folder.resolve("saturation.png")).isRegularFile();
    }

    /**
     * Every file under {@code folder} by its relative path: a JSON file's text without its documented wall-clock figures
     * ({@code wallClock}, {@code wallClockSeconds}), any other file's SHA-256.
     */
    static Map<String, String> filesWithoutWallClock(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                String content = f.toString().endsWith(".json")
                        ? new String(bytes, StandardCharsets.UTF_8)
                                .replaceAll("\"wallClockSeconds\": [0-9.E-]+", "\"wallClockSeconds\": _")
                                .replaceAll("\"wallClock\": \\{[^}]*}", "\"wallClock\": _")
                        : sha256(bytes);
                files.put(folder.relativize(f).toString(), content);
            }
        }
        return files;
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void threadsChangeNoFileButItsWallClockFiguresAndProgressCountsUp() throws IOException {
        List<String> sweep = List.of("sweep", "--scenario", "stock-ticks", "--job", "vwap-1s", "--duration", "20s", "--rate", "100/s",
                "--vary", "interval=1s..8s:3:log", "--vary", "task-mtbf=5s..20s:2", "--sla", "10s");
        Map<String, Map<String, String>> byThreads = new java.util.LinkedHashMap<>();
        for (String threads : List.of("1", "3")) {
            Path out = dir.resolve(threads);
            List<String> args = new java.util.ArrayList<>(sweep);
            args.addAll(List.of("--out", out.toString(), "--threads", threads));
            CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isZero();
            List<String> counts = run.out().lines().filter(l -> l.matches(" +[0-9]+/14 computed .*"))
                    .map(l -> l.trim().substring(0, l.trim().indexOf(' '))).toList();
            assertThat(counts).containsExactlyElementsOf(IntStream.rangeClosed(1, 14).mapToObj(i -> i + "/14").toList());
            byThreads.put(threads, filesWithoutWallClock(out));
        }
        Map<String, String> one = byThreads.get("1");
        assertThat(one.keySet()).anyMatch(f -> f.matches("stock-ticks-[0-9a-f]{8}/sweep.json"))
                .anyMatch(f -> f.endsWith("report.html")).anyMatch(f -> f.endsWith("continuum.svg"))
                .filteredOn(f -> f.contains("/points/")).hasSize(14);
        assertThat(one.values()).anyMatch(text -> text.contains("\"wallClockSeconds\": _"));
        assertThat(byThreads.get("3")).isEqualTo(one);

        // Resumed on two threads after two points were lost, the same files again.
        Path three = dir.resolve("3");
        Path points = onlyFolderIn(three).resolve("points");
        Files.delete(points.resolve("batch@interval=2s800ms,task-mtbf=5s.json"));
        Files.delete(points.resolve("stream@task-mtbf=20s.json"));
        CommandLineRun resumed = CommandLineRun.of(Stream.concat(sweep.stream(),
                Stream.of("--out", three.toString(), "--threads", "2")).toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("2 computed now, 12 read back").contains("12/14 kept").contains("14/14 computed");
        // The page says, as sweep.json's wallClock does, how many points ran this time.
        Map<String, String> again = filesWithoutWallClock(three);
        String page = one.keySet().stream().filter(f -> f.endsWith("report.html")).findFirst().orElseThrow();
        String resumedPage = Files.readString(three.resolve(page));
        assertThat(resumedPage).contains("(2 run now, 12 read back)");
        again.put(page, sha256(resumedPage.replace("(2 run now, 12 read back)", "(14 run now, 0 read back)")
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(again).isEqualTo(one);
    }

    static Path onlyFolderIn(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    private void assertRejected(String fragment, String... args) throws IOException {
        CommandLineRun run = CommandLineRun.with(IntervalEngine.factory(runs), args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("flowlab: ").contains(fragment);
        assertThat(run.out()).isEmpty();
        assertThat(runs).hasValue(0);
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.filter(p -> !p.getFileName().toString().equals("plain"))).isEmpty();
        }
    }

    @Test
    void mistakesGetOneLineAndWriteNothing() throws IOException {
        String out = dir.toString();
        assertRejected("Missing required option: '--scenario=NAME|FILE'", "sweep", "--vary", "interval=1s..1h", "--out", out);
        assertRejected("unknown parameter 'speed'", "sweep", "--scenario", "stock-ticks", "--vary", "speed=1..2", "--out", out);
        assertRejected("at least one --vary", "sweep", "--scenario", "stock-ticks", "--out", out);
        assertRejected("unknown goal 'fastest'", "sweep", "--scenario", "stock-ticks", "--find", "fastest", "--out", out);
        assertRejected("scenarios that have one: retail-etl, bank-eod, crm-warehouse", "sweep", "--scenario", "nexmark",
                "--vary", "key-skew=0.5..1.5:3", "--out", out);
        assertRejected("is not a duration", "sweep", "--scenario", "stock-ticks", "--vary", "interval=1s..soon", "--out", out);
        assertRejected("'bogus' is not a restart strategy; allowed: exponential-delay", "sweep", "--scenario", "stock-ticks",
                "--vary", "interval=1s..1h", "--restart-strategy", "bogus", "--out", out);
        assertRejected("--threads must be 1 to 256 (got 0)", "sweep", "--scenario", "stock-ticks", "--vary", "interval=1s..1h",
                "--threads", "0", "--out", out);
        assertRejected("'many' is not an int", "sweep", "--scenario", "stock-ticks", "--vary", "interval=1s..1h",
                "--threads", "many", "--out", out);
        assertRejected("names worker 5", "sweep", "--scenario", "stock-ticks", "--vary", "workers=2..8:4",
                "--faults", "crash:worker=5@1s", "--out", out);
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "keep");
        assertRejected("plain", "sweep", "--scenario", "stock-ticks", "--vary", "interval=1s..1h", "--out",
                plain.resolve("sweeps").toString());
        assertThat(plain).hasContent("keep");
    }

    @Test
    void theHelpNamesEverySweepableParameter() {
        CommandLineRun help = CommandLineRun.with(EngineRegistry.STANDARD, "sweep", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        // The list itself, not the options below it (which name --early-fire, say).
        String list = text.substring(text.indexOf("Parameters: "), text.indexOf(". With --trace"));
        assertThat(org.flowlab.experiment.SweepParameter.all(EngineRegistry.STANDARD))
                .allSatisfy(p -> assertThat(list).containsPattern("\\b" + p.id() + "\\b"));
    }

    @Test
    void faultsOnlyTheVariedParametersGiveAreNamedNotAskedFor() {
        CommandLineRun run = sweep("--vary", "task-mtbf=10d..20d:2", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("inject one")
                .contains("the faults given (task-fail:mtbf=10d;task-fail:mtbf=20d) made no run fail");
    }

    @Test
    void aStepCountOutOfRangeSaysTheRange() throws IOException {
        String out = dir.toString();
        assertRejected("--vary 'rate=1..10:100000': rate: steps must be 1 to 50 (got 100000)", "sweep", "--scenario", "nexmark",
                "--vary", "rate=1..10:100000", "--out", out);
        assertRejected("rate: steps must be 1 to 50 (got 99999999999999999999)", "sweep", "--scenario", "nexmark",
                "--vary", "rate=1..10:99999999999999999999", "--out", out);
        assertRejected("'4' is a second step count (after 3); give at most one", "sweep", "--scenario", "nexmark",
                "--vary", "rate=1..10:3:4", "--out", out);
    }

    @Test
    void anOutThatIsAFileIsRefusedAsNotAFolder() throws IOException {
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "keep");
        assertRejected("--out': " + plain + " is a file, not a folder", "sweep", "--scenario", "stock-ticks",
                "--vary", "interval=1s..1h", "--out", plain.toString());
        assertThat(plain).hasContent("keep");
    }

    @Test
    void aRateOfTheSweepThatTheScenarioCannotKeepNamesTheVaryOption() throws IOException {
        CommandLineRun run = sweep("--vary", "rate=10m/s..20m/s:2", "--threads", "1");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("flowlab: --vary rate=10000000/s with --duration 20s: rate x duration is about 2.00e+08 events")
                .doesNotContain("stock-ticks.json", "Exception");
        // Refused as the first input was made, before the sweep's plan line: the refusal is all it prints.
        assertThat(run.out()).isEmpty();
        // Refused before it kept a point: the sweep's folder is gone again.
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }
}
