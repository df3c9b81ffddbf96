package org.flowlab.workloads.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.trace.TraceFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceImporterTest {
    private static final int PURCHASES = 100_000;
    private static final String[] COUNTRIES = {"DE", "FR", "US", "JP", "BR", "IN", "NG", "AU", "CA", "MX"};
    /** 2026-03-01T00:00Z, the midnight the purchases' origin must be. */
    private static final long MARCH_FIRST = Instant.parse("2026-03-01T00:00:00Z").toEpochMilli();

    @TempDir
    static Path dir;
    static Path purchases;
    static List<String> purchaseRows;

    /** 100 000 purchases in one hour from 07:00, in random order: ts (ISO, ms), card, country, amount. */
    @BeforeAll
    static void writePurchases() throws IOException {
        Random random = new Random(16);
        purchaseRows = new ArrayList<>(PURCHASES);
        for (int i = 0; i < PURCHASES; i++) {
            Instant ts = Instant.ofEpochMilli(MARCH_FIRST + 7 * 3_600_000L + random.nextInt(3_600_000));
            purchaseRows.add(ts + "," + (4_000_000_000_000_000L + random.nextInt(5_000)) + "," + COUNTRIES[random.nextInt(COUNTRIES.length)]
                    + "," + String.format(Locale.ROOT, "%.2f", 0.01 + random.nextInt(50_000) / 100.0));
        }
        purchases = dir.resolve("purchases.csv");
        try (Writer w = Files.newBufferedWriter(purchases, StandardCharsets.UTF_8)) {
            w.write("ts,card,country,amount\n");
            for (String row : purchaseRows) {
                w.write(row + "\n");
            }
        }
    }

    @Test
    void importsPurchasesWithTheirTypesValuesDictionaryAndOrigin() {
        ImportResult r = TraceImporter.importFile(ImportSettings.of(purchases, "ts").withKey("card"));
        Trace trace = r.trace();
        assertThat(r.schema()).isEqualTo("ts TIMESTAMP(3) (event time), card BIGINT (key), country VARCHAR (attr1), amount DOUBLE (value)");
        assertThat(r.rows()).isEqualTo(PURCHASES);
        assertThat(r.skipped()).isZero();
        assertThat(trace.size()).isEqualTo(PURCHASES);
        assertThat(trace.schema().kinds()).containsExactly("event");
        assertThat(List.of(trace.schema().key(), trace.schema().value(), trace.schema().attr1())).containsExactly("card", "amount", "country");
        assertThat(trace.schema().attr2()).isNull();
        assertThat(trace.schema().tables().originMillis()).isEqualTo(MARCH_FIRST);
        TraceTable events = trace.schema().tables().table("events");
        assertThat(events.rowtime()).isEqualTo("ts");
        TraceColumn country = events.column("country");
        assertThat(country.field()).isEqualTo(TraceField.ATTR1);
        assertThat(country.dictionary()).containsExactlyInAnyOrder(COUNTRIES);
        assertThat(country.dictionary().get(0)).isEqualTo(purchaseRows.get(0).split(",")[2]); // first seen first
        assertThat(rowsOf(trace)).isEqualTo(sorted(purchaseRows));
        // No disorder by default: each purchase arrives when it happens, so arrival order is event-time order.
        for (int i = 0; i < trace.size(); i++) {
            assertThat(trace.arrivalTime(i)).isEqualTo(trace.eventTime(i));
        }
        assertThat(trace.eventTime(0)).isGreaterThanOrEqualTo(7 * 3_600_000_000_000L);
        assertThat(trace.spec().scenario()).isEqualTo("imported");
        assertThat(trace.spec().reader().string("source")).isEqualTo("purchases.csv");
        assertThat(trace.spec().duration()).isBetween(3_599_000_000_000L, 3_600_000_000_000L);
        assertThat(trace.spec().rate()).isBetween(27.7, 27.9);
    }

    @Test
    void aTraceFileRoundTripKeepsTablesValuesAndSpec() {
        Trace trace = TraceImporter.importFile(ImportSettings.of(purchases, "ts").withKey("card")
                .withDisorder("lognormal:median=300ms,sigma=0.7").withSeed(5)).trace();
        Path file = dir.resolve("purchases.jsonl");
        TraceFiles.write(trace, file);
        Trace back = TraceFiles.read(file);
        assertThat(back.schema()).isEqualTo(trace.schema());
        assertThat(back.spec().toJson()).isEqualTo(trace.spec().toJson());
        assertThat(back.seed()).isEqualTo(5);
        assertThat(rowsOf(back)).isEqualTo(sorted(purchaseRows));
        for (int i = 0; i < trace.size(); i += 997) {
            assertThat(back.event(i)).isEqualTo(trace.event(i));
        }
        assertThatThrownBy(() -> WorkloadGenerator.generate(back.spec(), back.seed()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("imported from purchases.csv");
    }

    @Test
    void disorderIsDrawnFromTheSeedAlone() throws IOException {
        Path some = write("some-purchases.csv", "ts,card,country,amount\n" + String.join("\n", purchaseRows.subList(0, 10_000)));
        ImportSettings s = ImportSettings.of(some, "ts").withKey("card").withDisorder("exponential:mean=2s");
        Trace a = TraceImporter.importFile(s.withSeed(1)).trace();
        Trace b = TraceImporter.importFile(s.withSeed(1)).trace();
        Trace c = TraceImporter.importFile(s.withSeed(2)).trace();
        long late = 0;
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.event(i)).isEqualTo(b.event(i));
            late += a.arrivalTime(i) - a.eventTime(i);
        }
        assertThat(late / (double) a.size()).isBetween(1.9e9, 2.1e9);
        assertThat(c.arrivalTime(0)).isNotEqualTo(a.arrivalTime(0));
        assertThat(a.spec().settings().get("disorder").toString()).isEqualTo("{\"type\":\"exponential\",\"mean\":\"2s\"}");
    }

    @Test
    void speedupAndRateRescaleTimeFromTheFirstEvent() throws IOException {
        Path file = write("ticks.csv", "t,v\n2026-01-02T00:00:10Z,1\n2026-01-02T00:00:30Z,2\n2026-01-02T00:00:20Z,3\n");
        Trace asIs = TraceImporter.importFile(ImportSettings.of(file, "t")).trace();
        long first = 10_000_000_000L;
        assertThat(List.of(asIs.eventTime(0), asIs.eventTime(1), asIs.eventTime(2))).containsExactly(first, 20_000_000_000L, 30_000_000_000L);
        Trace fast = TraceImporter.importFile(ImportSettings.of(file, "t").withSpeedup(4)).trace();
        assertThat(List.of(fast.eventTime(0), fast.eventTime(1), fast.eventTime(2))).containsExactly(first, first + 2_500_000_000L, first + 5_000_000_000L);
        assertThat(fast.spec().duration()).isEqualTo(5_000_000_000L);
        // 3 events at 1/s: a span of 3 s.
        Trace rated = TraceImporter.importFile(ImportSettings.of(file, "t").withRate(1.0)).trace();
        assertThat(rated.eventTime(2) - rated.eventTime(0)).isEqualTo(3_000_000_000L);
        assertThat(rated.spec().rate()).isEqualTo(1.0);
        assertThatThrownBy(() -> ImportSettings.of(file, "t").withSpeedup(2).withRate(1.0))
                .isInstanceOf(InvalidInputException.class).hasMessage("--speedup and --rate both rescale time; give one of them");
    }

    @Test
    void jsonLinesWithAnArrivalColumnStringKeysBooleansAndNulls() throws IOException {
        Path file = write("clicks.jsonl", """
                {"at":"2026-05-01 10:00:00","seen":"2026-05-01 10:00:01","user":"ann","page":"/a","ok":true,"ms":12}
                {"at":"2026-05-01 09:59:59.5","seen":"2026-05-01T10:00:03","user":"bob","ok":false,"ms":7}

                {"at":"2026-05-01T10:00:02","seen":"2026-05-01T10:00:02","user":"ann","page":null,"ok":true,"ms":3}
                """);
        ImportResult r = TraceImporter.importFile(ImportSettings.of(file, "at").withArrivalTime("seen").withKey("user"));
        assertThat(r.schema()).isEqualTo("at TIMESTAMP(3) (event time), seen (arrival time), user VARCHAR (key), "
                + "page VARCHAR (attr1), ok BOOLEAN (attr2), ms BIGINT (value)");
        Trace t = r.trace();
        TraceTable events = t.schema().tables().table("events");
        long origin = t.schema().tables().originMillis();
        assertThat(origin).isEqualTo(Instant.parse("2026-05-01T00:00:00Z").toEpochMilli());
        assertThat(events.column("user").dictionary()).containsExactly("ann", "bob");
        // In arrival order: ann at 10:00:01, ann at 10:00:02, bob at 10:00:03.
        assertThat(events.column("at").read(t, 2, origin)).isEqualTo(LocalDateTime.parse("2026-05-01T09:59:59.500"));
        assertThat(events.column("user").read(t, 2, origin)).isEqualTo("bob");
        assertThat(events.column("page").read(t, 0, origin)).isEqualTo("/a");
        assertThat(events.column("page").read(t, 1, origin)).isNull();
        assertThat(events.column("page").read(t, 2, origin)).isNull();
        assertThat(events.column("ok").read(t, 2, origin)).isEqualTo(false);
        assertThat(events.column("ms").read(t, 1, origin)).isEqualTo(3L);
        assertThat(t.arrivalTime(2) - t.eventTime(2)).isEqualTo(3_500_000_000L);
    }

    @Test
    void typeOverridesEpochTimesAndKeptColumns() throws IOException {
        Path file = write("m.csv", "when,host,cpu,mem,disk,net,zone\n"
                + "1767225600000,7,0.5,10,1,2,a\n1767225600250,8,1.5,11,3,4,b\n");
        ImportSettings s = ImportSettings.of(file, "when").withTimeFormat(TimeFormat.parse("epoch-ms"));
        assertThatThrownBy(() -> TraceImporter.importFile(s)).isInstanceOf(InvalidInputException.class)
                .hasMessage("too many columns: besides the event time and the key, a trace holds a value and 3 attributes, "
                        + "but 6 columns are left (host, cpu, mem, disk, net, zone); keep at most 4 with --columns, "
                        + "for example --columns host,cpu,mem,disk");
        ImportResult r = TraceImporter.importFile(s.withKey("host").withColumns(List.of("cpu", "zone", "mem"))
                .withTypes(Map.of("host", SqlType.VARCHAR, "mem", SqlType.DOUBLE)));
        assertThat(r.schema()).isEqualTo("when TIMESTAMP(3) (event time), host VARCHAR (key), cpu DOUBLE (value), "
                + "mem DOUBLE (attr1), zone VARCHAR (attr2)");
        Trace t = r.trace();
        assertThat(t.schema().tables().originMillis()).isEqualTo(1767225600000L);
        assertThat(List.of(t.eventTime(0), t.eventTime(1))).containsExactly(0L, 250_000_000L);
        assertThat(Double.longBitsToDouble(t.attr1(1))).isEqualTo(11.0);
        assertThat(t.spec().settings().get("types").toString()).contains("\"mem\":\"double\"");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnsName() throws IOException {
        Path file = write("bom.csv", "\uFEFFts,n\n2026-01-01T00:00:00Z,1\n");
        assertThat(TraceImporter.importFile(ImportSettings.of(file, "ts")).schema()).isEqualTo("ts TIMESTAMP(3) (event time), n BIGINT (value)");
    }

    @Test
    void aDateTimePatternIsReadAsUtc() throws IOException {
        Path file = write("p.csv", "d,x\n01/03/2026 23:59,1\n02/03/2026 00:01,2\n");
        Trace t = TraceImporter.importFile(ImportSettings.of(file, "d").withTimeFormat(TimeFormat.parse("dd/MM/yyyy HH:mm"))).trace();
        assertThat(t.schema().tables().originMillis()).isEqualTo(MARCH_FIRST);
        assertThat(t.eventTime(1)).isEqualTo(24 * 3_600_000_000_000L + 60_000_000_000L);
    }

    @Test
    void skipsAtMostTheAllowedNumberOfBadRowsAndCountsThem() throws IOException {
        Path file = write("s.csv", "ts,amount\n2026-01-01T00:00:00Z,1.5\n2026-01-01T00:00:01Z\nyesterday,2\n2026-01-01T00:00:02Z,3\n");
        ImportResult r = TraceImporter.importFile(ImportSettings.of(file, "ts").withSkipBadRows(2));
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.firstSkipped()).isEqualTo(file + ":3: 1 cells where the header has 2");
        assertThat(r.trace().spec().settings().get("skippedRows").getAsLong()).isEqualTo(2);
        assertThatThrownBy(() -> TraceImporter.importFile(ImportSettings.of(file, "ts").withSkipBadRows(1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":4: column 'ts': 'yesterday' is not a time in the format iso (--time-format) "
                        + "(malformed row 2; --skip-bad-rows allows 1)");
    }

    private static Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The trace's events as CSV rows again (ts as an ISO instant, amount with two decimals), sorted. */
    private static List<String> rowsOf(Trace trace) {
        TraceTable events = trace.schema().tables().table("events");
        long origin = trace.schema().tables().originMillis();
        List<String> rows = new ArrayList<>(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            LocalDateTime ts = (LocalDateTime) events.column("ts").read(trace, i, origin);
            rows.add(ts.toInstant(ZoneOffset.UTC) + "," + events.column("card").read(trace, i, origin) + ","
                    + events.column("country").read(trace, i, origin) + ","
                    + String.format(Locale.ROOT, "%.2f", (Double) events.column("amount").read(trace, i, origin)));
        }
        Collections.sort(rows);
        return rows;
    }

    private static List<String> sorted(List<String> rows) {
        List<String> copy = new ArrayList<>(rows);
        Collections.sort(copy);
        return copy;
    }
}
