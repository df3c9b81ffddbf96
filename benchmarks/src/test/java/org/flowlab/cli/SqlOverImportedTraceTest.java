package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end case: a user's CSV of 100 000 purchases, out of order, imported as a trace and replayed
 * through every engine with the job given as SQL; every engine agrees with the oracle and the report is written.
 * Bad SQL and an unknown column are one line each, exit 2.
 */
class SqlOverImportedTraceTest {

    static final String QUERY = "SELECT card, COUNT(*), SUM(amount) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), "
            + "INTERVAL '1' MINUTE)) GROUP BY card, window_start, window_end";

    @TempDir
    static Path inputs;

    static Path trace;

    @BeforeAll
    static void importAUsersPurchases() throws IOException {
        Path csv = inputs.resolve("purchases.csv");
        SplittableRandom random = new SplittableRandom(16);
        String[] countries = {"DE", "FR", "US", "GB", "ES", "IT"};
        long start = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("ts,card,country,amount\n");
            for (int i = 0; i < 100_000; i++) {
                // Two hours of purchases, written in no particular order.
                Instant ts = Instant.ofEpochMilli(start + random.nextLong(2 * 3600_000L));
                w.write(ts + "," + (4000 + random.nextInt(500)) + "," + countries[random.nextInt(countries.length)] + ","
                        + String.format(Locale.ROOT, "%.2f", 1 + random.nextDouble(300)) + "\n");
            }
        }
        trace = inputs.resolve("purchases.jsonl");
        CommandLineRun imported = CommandLineRun.of("workload", "import", "--from", csv.toString(), "--event-time", "ts",
                "--key", "card", "--disorder", "lognormal:median=300ms,sigma=0.7", "--out", trace.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("100,000").contains("card BIGINT", "country VARCHAR", "amount DOUBLE");
    }

    @Test
    void everyEngineAgreesOnTheSqlJobAndTheReportIsWritten(@TempDir Path out) throws IOException {
        CommandLineRun run = CommandLineRun.of("compare", "--trace", trace.toString(), "--sql", QUERY, "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("results agree ✓").doesNotContain("✗");
        Path folder;
        try (Stream<Path> s = Files.list(out)) {
            folder = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(folder.resolve("report.html")).isRegularFile();
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve("run.json"))).getAsJsonObject();
        assertThat(json.getAsJsonObject("agreement").get("resultsAgree").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonObject("parameters").get("job").getAsString()).isEqualTo("sql");
    }

    @Test
    void badSqlAndAnUnknownColumnAreOneLineEach(@TempDir Path out) throws IOException {
        for (List<String> bad : List.of(
                List.of("SELEC card FROM events", "SQL"),
                List.of("SELECT cardd, COUNT(*) FROM events GROUP BY cardd", "cardd"),
                List.of("SELECT card FROM purchases", "purchases"))) {
            CommandLineRun run = CommandLineRun.of("compare", "--trace", trace.toString(), "--sql", bad.get(0),
                    "--out", out.toString());
            assertThat(run.exitCode()).as(run.out()).isEqualTo(2);
            assertThat(run.err().strip()).doesNotContain("\n").contains(bad.get(1)).doesNotContain("Exception");
        }
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).isEmpty();
        }
    }
}
