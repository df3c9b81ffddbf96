package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadCommandTest {

    @TempDir
    Path dir;

    @Test
    void scenariosListsTheWholeCatalogOneLineEach() {
        CommandLineRun run = CommandLineRun.of("scenarios");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(ScenarioCatalog.names().size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(lines[i]).startsWith(ScenarioCatalog.names().get(i) + " ");
        }
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String[] command : new String[][] {{}, {"scenarios"}, {"workload"}, {"workload", "describe"}, {"workload", "generate"},
                {"workload", "import"}}) {
            String[] args = Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new);
            CommandLineRun run = CommandLineRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage:").containsPattern("Examples?:");
        }
    }

    @Test
    void describePrintsTheFiguresAndWritesBothCharts() throws IOException {
        Path charts = dir.resolve("charts");
        CommandLineRun run = CommandLineRun.of("workload", "describe", "--scenario", "card-fraud",
                "--duration", "20m", "--rate", "40/s", "--charts", charts.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("card-fraud (seed 1)", "events", "rate", "keys", "disorder", "p50", "p99",
                "late", "ground truth");
        for (String chart : new String[] {"arrival-rate.png", "disorder.png"}) {
            Path png = charts.resolve(chart);
            assertThat(png).exists();
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
            assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
        }
        try (Stream<Path> files = Files.list(charts)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("arrival-rate.png", "disorder.png");
        }
    }

    @Test
    void generateIsByteIdenticalForOneSeedAndDiffersForAnother() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        for (Object[] run : new Object[][] {{a, "7"}, {b, "7"}, {c, "8"}}) {
            CommandLineRun r = CommandLineRun.of("workload", "generate", "--scenario", "nexmark", "--duration", "2s",
                    "--rate", "2000/s", "--seed", (String) run[1], "--out", run[0].toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("wrote ");
        }
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
        assertThat(Files.mismatch(a, c)).isNotEqualTo(-1L);
    }

    @Test
    void aGeneratedTraceCanBeDescribedFromItsFile() {
        Path trace = dir.resolve("t.jsonl");
        assertThat(CommandLineRun.of("workload", "generate", "--scenario", "infra-monitoring", "--duration", "5m",
                "--out", trace.toString()).exitCode()).isZero();
        CommandLineRun run = CommandLineRun.of("workload", "describe", "--trace", trace.toString(),
                "--charts", dir.resolve("charts").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("infra-monitoring (seed 1)");
    }
}
