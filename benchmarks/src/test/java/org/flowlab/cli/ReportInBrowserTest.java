package org.flowlab.cli;

import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowlab.report.ComparisonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a comparison's report.html from disk in headless Chromium (Debian's {@code chromium},
 * which {@code .ci/run} installs when missing), checks that every chart image loaded, and saves a
 * screenshot as {@code results/screenshots/report.png}. Skipped, saying why, where Chromium is not
 * installed.
 */
class ReportInBrowserTest {

    private static final Pattern LOADED = Pattern.compile("data-images-loaded=\"(\\d+)/(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void everyChartImageLoadsAndAScreenshotIsSaved() throws IOException, InterruptedException {
        Path chromium = chromium();
        assumeThat(chromium).as("chromium is not installed (apt-get install -y chromium; .ci/run does it)").isNotNull();
        Path runs = dir.resolve("runs");
        CommandLineRun run = CommandLineRun.with(EngineRegistry.STANDARD,
                concat(new String[] {"compare"}, CompareCommandTest.SMALL, new String[] {"--out", runs.toString()}));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path report;
        try (Stream<Path> list = Files.list(runs)) {
            report = list.filter(Files::isDirectory).findFirst().orElseThrow().resolve("report.html");
        }

        String dom = chromium(chromium, List.of("--dump-dom", report.toUri().toString()));
        Matcher m = LOADED.matcher(dom);
        assertThat(m.find()).as("the page's load script ran and marked the body; DOM starts: %s",
                dom.substring(0, Math.min(300, dom.length()))).isTrue();
        assertThat(Integer.parseInt(m.group(2))).as("images on the page").isEqualTo(ComparisonReport.CHARTS.size());
        assertThat(m.group(1)).as("images loaded").isEqualTo(m.group(2));

        Path shot = projectRoot().resolve("results").resolve("screenshots").resolve("report.png");
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        chromium(chromium, List.of("--screenshot=" + shot, "--window-size=1400,3000", report.toUri().toString()));
        assertThat(shot).isRegularFile();
        assertThat(Arrays.copyOf(Files.readAllBytes(shot), 4)).containsExactly(0x89, 'P', 'N', 'G');
    }

    /** Runs Chromium headless with a fresh profile and no network chatter; returns what it printed. */
    private String chromium(Path chromium, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(args);
        Path stdout = Files.createTempFile(dir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + command);
        }
        assertThat(p.exitValue()).as("chromium's exit code").isZero();
        return Files.readString(stdout);
    }

    /** {@code chromium} on the PATH, or null. */
    static Path chromium() {
        String path = System.getenv("PATH");
        for (String d : (path == null ? "/usr/bin" : path).split(File.pathSeparator)) {
            Path candidate = Path.of(d, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The checkout's root: the tests run in the benchmarks module's folder. */
    static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isRegularFile(here.resolve("../mvnw")) && here.getFileName().toString().equals("benchmarks")
                ? here.getParent() : here;
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }
}
