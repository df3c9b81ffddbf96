package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.flowlab.experiment.IntervalEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in {@code flowlab compare} gets one line and exit code 2, runs no engine and leaves no run folder behind. */
class CompareBadInputTest {

    @TempDir
    Path dir;

    /** Where the tests' input files live, apart from {@link #dir}, which must stay empty. */
    @TempDir
    Path inputs;

    private final AtomicInteger engineRuns = new AtomicInteger();

    private void assertRejected(String expectedFragment, String... flags) throws IOException {
        Path out = dir.resolve("runs");
        List<String> args = new ArrayList<>(List.of("compare", "--scenario", "stock-ticks", "--duration", "20s", "--rate", "100/s"));
        args.addAll(Arrays.asList(flags));
        if (!args.contains("--out")) {
            args.add("--out");
            args.add(out.toString());
        }
        CommandLineRun.with(IntervalEngine.factory(engineRuns), args.toArray(String[]::new)).assertRefused(expectedFragment);
        assertThat(engineRuns).hasValue(0);
        assertNoRunFolder();
    }

    private void assertNoRunFolder() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> !p.equals(dir)).filter(p -> !p.getFileName().toString().equals("plain")))
                    .as("nothing written").isEmpty();
        }
    }

    @Test
    void unknownFlag() throws IOException {
        assertRejected("Unknown option: '--bogus'", "--bogus");
    }

    @Test
    void unknownScenario() throws IOException {
        CommandLineRun run = CommandLineRun.with(IntervalEngine.factory(engineRuns), "compare", "--scenario", "nope",
                "--out", dir.resolve("runs").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("unknown scenario 'nope'; known: ");
        assertNoRunFolder();
    }

    @Test
    void aScenarioThatIsAFolderSaysSo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("specs"));
        CommandLineRun run = CommandLineRun.with(IntervalEngine.factory(engineRuns), "compare", "--scenario", folder.toString(),
                "--out", dir.resolve("runs").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains(folder + ": is a folder, not a spec file; give a scenario's spec file or one of retail-etl");
        assertThat(dir.resolve("runs")).doesNotExist();
    }

    @Test
    void unknownJob() throws IOException {
        assertRejected("unknown job 'q99' for scenario stock-ticks; known: vwap-1s, vwap-1m", "--job", "q99");
    }

    @Test
    void unknownEngine() throws IOException {
        assertRejected("unknown engine 'flink'; known: batch, microbatch, stream", "--engines", "batch,flink");
    }

    @Test
    void badEventTimeContractOutputModeOrSlaMeasure() throws IOException {
        assertRejected("'-1s' must be a duration >= 0", "--watermark-delay", "-1s");
        assertRejected("event time: the watermark delay must be a duration from 0 to 366d (got 400 d", "--watermark-delay", "400d");
        assertRejected("event time: the allowed lateness must be a duration from 0 to 366d", "--allowed-lateness", "1000d");
        assertRejected("output mode: 'eventually' is not one; allowed: final, updates", "--output", "eventually");
        assertRejected("--sla-on: 'median' is not a latency; allowed: first, final", "--sla-on", "median");
        assertRejected("'0s' must be a positive duration", "--early-fire", "0s");
    }

    @Test
    void malformedDuration() throws IOException {
        assertRejected("'10 parsecs' is not a duration", "--batch-interval", "10 parsecs");
    }

    @Test
    void malformedRate() throws IOException {
        assertRejected("'fast' is not a rate", "--rate", "fast");
    }

    @Test
    void malformedFaultSpec() throws IOException {
        assertRejected("fault plan 'crash:worker=x@1h': part 1", "--faults", "crash:worker=x@1h");
    }

    @Test
    void unknownFaultKind() throws IOException {
        assertRejected("'explode' is not a kind of fault", "--faults", "explode:all");
    }

    @Test
    void unknownRestartStrategy() throws IOException {
        assertRejected("--restart-strategy': restart strategy 'bogus': 'bogus' is not a restart strategy; allowed: "
                + "exponential-delay[:initial=1s,max=1m,multiplier=1.5,reset=1h,attempts=N], fixed-delay:attempts=N,delay=D, or none",
                "--restart-strategy", "bogus");
        assertRejected("restart strategy 'fixed-delay:attempts=-1': attempts must be a whole number >= 0",
                "--restart-strategy", "fixed-delay:attempts=-1");
        assertRejected("'max' is not one of its options (attempts, delay)", "--restart-strategy", "fixed-delay:max=1m");
    }

    @Test
    void taskFailuresAsAProbabilityAreNoLongerAFault() throws IOException {
        assertRejected("task-fail:p= is gone", "--faults", "task-fail:p=0.01");
    }

    @Test
    void faultOnAWorkerTheClusterLacks() throws IOException {
        assertRejected("names worker 7, but the cluster has 4 workers", "--faults", "crash:worker=7@5s");
    }

    @Test
    void zeroSla() throws IOException {
        assertRejected("'0s' must be a positive duration", "--sla", "0s");
    }

    @Test
    void negativeSla() throws IOException {
        assertRejected("'-5s' must be a positive duration", "--sla=-5s");
    }

    @Test
    void negativeBudget() throws IOException {
        assertRejected("budget: must be a number >= 0", "--budget=-1");
    }

    @Test
    void zeroOrMillionsOfWorkers() throws IOException {
        assertRejected("workers must be at least 1", "--workers", "0");
        assertRejected("cluster: at most 100000 slots in all (got 100000000 workers × 2 slots)", "--workers", "100000000");
    }

    @Test
    void emptyPaths() throws IOException {
        assertRejected("Invalid value for option '--out': an empty path; give a folder name", "--out", "");
        assertRejected("Invalid value for option '--trace': an empty path; give a file or folder name", "--trace", " ");
    }

    @Test
    void anOutFolderWhoseIndexIsNotFlowlabsIsLeftAlone() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path page = Files.writeString(site.resolve("index.html"), "<html>my own page</html>\n");
        CommandLineRun.with(IntervalEngine.factory(engineRuns), "compare", "--scenario", "stock-ticks", "--duration", "20s",
                        "--rate", "100/s", "--out", site.toString())
                .assertRefused(page + ": is not Flowlab's index of runs, and a run would replace it; choose another --out");
        assertThat(engineRuns).hasValue(0);
        assertThat(page).hasContent("<html>my own page</html>");
        try (Stream<Path> all = Files.list(site)) {
            assertThat(all).containsExactly(page);
        }
    }

    @Test
    void anOutFolderWhoseIndexIsAFolderIsRefusedBeforeTheRun() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path index = Files.createDirectories(site.resolve("index.html"));
        CommandLineRun.with(IntervalEngine.factory(engineRuns), "compare", "--scenario", "stock-ticks", "--duration", "20s",
                        "--rate", "100/s", "--out", site.toString())
                .assertRefused(index + ": is not a file (a folder or a device)");
        assertThat(engineRuns).hasValue(0);
        try (Stream<Path> all = Files.list(site)) {
            assertThat(all).containsExactly(index);
        }
    }

    @Test
    void unknownDelivery() throws IOException {
        assertRejected("unknown delivery 'twice'", "--delivery", "twice");
    }

    @Test
    void missingCostProfile() throws IOException {
        assertRejected("cannot read the cost profile", "--cost-profile", dir.resolve("nowhere.json").toString());
    }

    @Test
    void costProfileWithAnUnknownField() throws IOException {
        Path profile = inputs.resolve("profile.json");
        Files.writeString(profile, "{\"stream\": {\"recrod\": \"2us\"}}");
        assertRejected("recrod", "--cost-profile", profile.toString());
    }

    @Test
    void costProfileWithANegativeCost() throws IOException {
        Path profile = inputs.resolve("profile.json");
        Files.writeString(profile, "{\"stream\": {\"record\": \"-2us\"}}");
        assertRejected("stream.record", "--cost-profile", profile.toString());
    }

    /**
     * A value from the command line that the scenario cannot take is named as the user typed it, with what is
     * allowed, not blamed on the scenario's file. The scenario checks its settings as the trace is generated;
     * the run's headline waits for the trace, so the refusal is all the command prints.
     */
    @Test
    void aRateTheScenarioCannotKeepNamesTheOptionNotTheScenarioFile() throws IOException {
        assertRefusedWhileGenerating("--rate 99999999999999999999/s: must keep every step of the rate shape at most 1e9/s",
                "compare", "--scenario", "nexmark", "--rate", "99999999999999999999/s");
        assertThat(lastRefusal).contains("the rate may be at most 666600000/s").doesNotContain("nexmark.json");
        assertRefusedWhileGenerating("--rate 1/d with fraud.burstsPerHour 5 of scenarios/card-fraud.json: fraud bursts would make",
                "compare", "--scenario", "card-fraud", "--rate", "1/d", "--duration", "1m");
        assertThat(lastRefusal).contains("so the rate must be at least 0.01806/s");
        assertRefusedWhileGenerating("--rate 10m/s with --duration 1d: rate x duration is about 8.64e+11 events",
                "compare", "--scenario", "stock-ticks", "--rate", "10m/s", "--duration", "1d");
    }

    private String lastRefusal;

    private void assertRefusedWhileGenerating(String expectedStart, String... args) throws IOException {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--out", dir.resolve("runs").toString()));
        CommandLineRun run = CommandLineRun.with(IntervalEngine.factory(engineRuns), all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).as("exactly one line on stderr: " + run.err()).hasSize(1);
        assertThat(run.err()).startsWith("flowlab: " + expectedStart).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).as("nothing on stdout").isEmpty();
        assertThat(engineRuns).hasValue(0);
        assertNoRunFolder();
        lastRefusal = run.err();
    }

    @Test
    void anOutThatIsAFileIsRefusedAsNotAFolder() throws IOException {
        Path afile = Files.writeString(inputs.resolve("afile"), "keep me");
        assertRejected("Invalid value for option '--out': " + afile + " is a file, not a folder", "--out", afile.toString());
        assertRejected(afile.resolve("runs") + " lies under " + afile + ", a file, not a folder", "--out",
                afile.resolve("runs").toString());
        assertThat(afile).hasContent("keep me");
    }

    @Test
    void unwritableOut() throws IOException {
        Path plain = dir.resolve("plain");
        Files.writeString(plain, "keep me");
        assertRejected("plain", "--out", plain.resolve("runs").toString());
        assertThat(Files.readString(plain)).isEqualTo("keep me");
    }
}
