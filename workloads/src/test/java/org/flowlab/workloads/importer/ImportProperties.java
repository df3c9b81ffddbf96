package org.flowlab.workloads.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.table.SqlRow;
import org.flowlab.workloads.table.TraceTable;

class ImportProperties {

    /** One row of a small table: a time, a whole number, a decimal, a word (or NULL). */
    record Row(long millis, long id, double amount, String word) {
        String csv() {
            return Instant.ofEpochMilli(millis) + "," + id + "," + amount + "," + (word == null ? "" : word);
        }

        SqlRow sql() {
            return SqlRow.of(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC), id, amount, word);
        }
    }

    @Provide
    Arbitrary<List<Row>> tables() {
        Arbitrary<Long> millis = Arbitraries.longs().between(-86_400_000L * 365 * 50, 86_400_000L * 365 * 200);
        Arbitrary<Long> ids = Arbitraries.longs();
        Arbitrary<Double> amounts = Arbitraries.doubles().between(-1e12, 1e12).ofScale(3).edgeCases(e -> e.includeOnly(0.0, -0.0));
        Arbitrary<String> words = Arbitraries.strings().alpha().numeric().withChars(" ;é").ofMinLength(1).ofMaxLength(8)
                .filter(w -> !w.equals(w.trim()) == false).injectNull(0.2);
        return Combinators.combine(millis, ids, amounts, words).as(Row::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 60)
    void anySmallTableImportsAndReadsBackItsValuesExactly(@ForAll("tables") List<Row> rows) throws IOException {
        Path dir = Files.createTempDirectory("import-property");
        try {
            Path file = dir.resolve("t.csv");
            StringBuilder text = new StringBuilder("ts,id,amount,word\n");
            for (Row r : rows) {
                text.append(r.csv()).append('\n');
            }
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Trace trace = TraceImporter.importFile(ImportSettings.of(file, "ts")
                    .withTypes(java.util.Map.of("id", org.flowlab.workloads.table.SqlType.BIGINT,
                            "amount", org.flowlab.workloads.table.SqlType.DOUBLE,
                            "word", org.flowlab.workloads.table.SqlType.VARCHAR))).trace();
            TraceTable events = trace.schema().tables().table("events");
            long origin = trace.schema().tables().originMillis();
            assertThat(Math.floorMod(origin, 86_400_000L)).isZero();
            List<SqlRow> back = new ArrayList<>();
            for (int i = 0; i < trace.size(); i++) {
                back.add(new SqlRow(List.of(events.column("ts").read(trace, i, origin), events.column("id").read(trace, i, origin),
                        events.column("amount").read(trace, i, origin), java.util.Objects.requireNonNullElse(
                                events.column("word").read(trace, i, origin), "\u0000NULL")))); // List.of takes no null
            }
            List<SqlRow> expected = new ArrayList<>();
            for (Row r : rows) {
                expected.add(new SqlRow(List.of(r.sql().get(0), r.id(), r.amount(), r.word() == null ? "\u0000NULL" : r.word())));
            }
            back.sort(SqlRow.ORDER);
            expected.sort(SqlRow.ORDER);
            assertThat(back).isEqualTo(expected);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    @Property(tries = 2000)
    void theIsoFastPathAgreesWithTheFormatter(@ForAll @LongRange(min = -9_200_000_000L, max = 9_200_000_000L) long seconds,
                                              @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
                                              @ForAll @IntRange(min = 0, max = 3) int shape) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, shape == 0 ? 0 : nanos, ZoneOffset.UTC);
        String text = switch (shape) {
            case 0 -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")) + "Z";
            case 1 -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS"));
            case 2 -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS")) + "Z";
            default -> t.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS"));
        };
        long fast = IsoFastPath.nanos(text);
        Instant parsed = LocalDateTime.parse(text.replace(' ', 'T').replace("Z", "")).toInstant(ZoneOffset.UTC);
        long expected = parsed.getEpochSecond() * 1_000_000_000L + parsed.getNano();
        if (fast != IsoFastPath.NOT_PLAIN) {
            assertThat(fast).as(text).isEqualTo(expected);
        }
        assertThat(TimeFormat.ISO.nanos(text)).as(text).isEqualTo(expected);
    }
}
