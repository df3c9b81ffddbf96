package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.trace.TraceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadImportCommandTest {
    private static final String T0 = "2026-03-01T07:00:00Z";

    @TempDir
    Path dir;

    /** {@code n} purchases in one hour, in random order. */
    private Path purchases(int n) throws IOException {
        Random random = new Random(3);
        List<String> lines = new ArrayList<>();
        lines.add("ts,card,country,amount");
        long start = Instant.parse(T0).toEpochMilli();
        for (int i = 0; i < n; i++) {
            lines.add(Instant.ofEpochMilli(start + random.nextInt(3_600_000)) + "," + random.nextInt(300) + ","
                    + List.of("DE", "FR", "US").get(random.nextInt(3)) + "," + String.format(Locale.ROOT, "%.2f", random.nextInt(100_000) / 100.0));
        }
        return write("purchases.csv", String.join("\n", lines) + "\n");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void importsPrintsTheSchemaAndTheTraceCanBeDescribed() throws IOException {
        Path csv = purchases(2_000);
        Path out = dir.resolve("purchases.jsonl");
        CommandLineRun run = CommandLineRun.of("workload", "import", "--from", csv.toString(), "--event-time", "ts",
                "--key", "card", "--disorder", "lognormal:median=300ms,sigma=0.7", "--seed", "7", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ts TIMESTAMP(3) (event time), card BIGINT (key), country VARCHAR (attr1), amount DOUBLE (value)",
                "2,000 imported, 0 malformed skipped", "mean rate", "virtual time 0 is 2026-03-01T00:00:00Z",
                "{\"type\":\"lognormal\",\"median\":\"300ms\",\"sigma\":0.7} (seed 7)", "wrote", out.toString());
        Trace trace = TraceFiles.read(out);
        assertThat(trace.size()).isEqualTo(2_000);
        assertThat(trace.seed()).isEqualTo(7);
        assertThat(trace.schema().tables().table("events").column("country").dictionary()).containsExactlyInAnyOrder("DE", "FR", "US");

        CommandLineRun again = CommandLineRun.of("workload", "import", "--from", csv.toString(), "--event-time", "ts",
                "--key", "card", "--disorder", "lognormal:median=300ms,sigma=0.7", "--seed", "7", "--out", dir.resolve("again.jsonl").toString());
        assertThat(again.exitCode()).isZero();
        assertThat(Files.mismatch(out, dir.resolve("again.jsonl"))).isEqualTo(-1L);

        CommandLineRun describe = CommandLineRun.of("workload", "describe", "--trace", out.toString(),
                "--charts", dir.resolve("charts").toString());
        assertThat(describe.exitCode()).as(describe.err()).isZero();
        assertThat(describe.out()).contains("imported (seed 7)", "2,000", "card");
    }

    @Test
    void skippedRowsAreCountedAndNamed() throws IOException {
        Path csv = write("s.csv", "ts,amount\n" + T0 + ",1\n" + T0 + ",2,3\n2026-03-01T07:00:01Z,4\n");
        Path out = dir.resolve("s.jsonl");
        CommandLineRun run = CommandLineRun.of("workload", "import", "--from", csv.toString(), "--event-time", "ts",
                "--skip-bad-rows", "1", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 imported, 1 malformed skipped (the first: " + csv + ":3: 3 cells where the header has 2)");
        assertThat(out).exists();
    }

    @Test
    void everyMistakeIsOneLineExitTwoAndLeavesTheOutFileAlone() throws IOException {
        Path good = write("good.csv", "ts,amount\n" + T0 + ",1\n");
        Path bad = write("bad.csv", "ts,amount\n" + T0 + ",1\n" + T0 + ",abc\n");
        Path empty = write("empty.csv", "");
        Path badTime = write("t.csv", "ts\n" + T0 + "\nx\n");
        Path anHour = write("hour.csv", "ts,amount\n" + T0 + ",1\n2026-03-01T08:00:00Z,2\n");
        String[][] cases = {
            {bad + ":3: column 'amount': 'abc' is not a DOUBLE", "--from", bad.toString(), "--types", "amount=double"},
            {badTime + ":3: column 'ts': 'x' is not a time in the format iso (--time-format)", "--from", badTime.toString()},
            {empty + ": empty file", "--from", empty.toString()},
            {"no column 'tss' (--event-time); the columns are: ts, amount", "--from", good.toString(), "--event-time", "tss"},
            {"--types: 'dbl' (for amount) is not a type; allowed: bigint, double, varchar, boolean, timestamp",
                "--from", good.toString(), "--types", "amount=dbl"},
            {"--time-format: 'ppp' is not iso, epoch-ms, epoch-s or a java.time DateTimeFormatter pattern",
                "--from", good.toString(), "--time-format", "ppp"},
            {"--disorder: type: must be one of none, fixed, exponential, uniform, lognormal (got \"gamma\")",
                "--from", good.toString(), "--disorder", "gamma"},
            {"--speedup and --rate both rescale time; give one of them", "--from", good.toString(), "--speedup", "2", "--rate", "5/s"},
            {"--speedup: must be a positive number (got -1.0)", "--from", good.toString(), "--speedup", "-1"},
            {"--speedup 1.0E-300 stretches the log's event time past 260 years, the most a trace may span; a larger speed-up shortens it",
                "--from", anHour.toString(), "--speedup", "1e-300"},
        };
        for (String[] c : cases) {
            Path out = dir.resolve("out.jsonl");
            Files.deleteIfExists(out);
            for (boolean existing : new boolean[] {false, true}) {
                if (existing) {
                    Files.writeString(out, "keep me\n");
                }
                List<String> args = new ArrayList<>(List.of("workload", "import"));
                args.addAll(List.of(c).subList(1, c.length));
                if (!args.contains("--event-time")) {
                    args.addAll(List.of("--event-time", "ts"));
                }
                args.addAll(List.of("--out", out.toString()));
                CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
                assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
                assertThat(run.errLines()).as(run.err()).hasSize(1);
                assertThat(run.err()).startsWith("flowlab: ").contains(c[0]).doesNotContain("Exception", "\tat ");
                assertThat(run.out()).isEmpty();
                if (existing) {
                    assertThat(out).hasContent("keep me");
                } else {
                    assertThat(out).doesNotExist();
                }
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp"));
        }
    }
}
