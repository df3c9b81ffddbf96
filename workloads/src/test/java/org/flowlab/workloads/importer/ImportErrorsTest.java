package org.flowlab.workloads.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.table.SqlType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in a file or in the settings is one line naming where it is and what is allowed. */
class ImportErrorsTest {
    private static final String T0 = "2026-01-01T00:00:00Z";

    @TempDir
    Path dir;

    @Test
    void aRowWithTheWrongNumberOfCells() throws IOException {
        Path f = csv("a.csv", "ts,amount\n" + T0 + ",1\n" + T0 + "\n");
        fails(f, s -> s, f + ":3: 1 cells where the header has 2");
    }

    @Test
    void aRowIsNamedByTheLineItStartsOnPastBlankLinesAndCellsThatSpanLines() throws IOException {
        Path f = csv("a2.csv", "ts,amount,note\n\n" + T0 + ",1,\"two\nlines\"\n\n\n" + T0 + ",2,x\n" + T0 + ",abc,y\n");
        fails(f, s -> s.withTypes(Map.of("amount", SqlType.DOUBLE)), f + ":8: column 'amount': 'abc' is not a DOUBLE");
        Path g = csv("a3.csv", "ts,amount\n\n\n" + T0 + "\n");
        fails(g, s -> s, g + ":4: 1 cells where the header has 2");
        Path h = csv("a4.csv", "ts,amount\n" + T0 + ",1\n\n" + T0 + ",abc");
        fails(h, s -> s.withTypes(Map.of("amount", SqlType.DOUBLE)), h + ":4: column 'amount': 'abc' is not a DOUBLE");
    }

    @Test
    void aNumberThatIsNotOne() throws IOException {
        Path f = csv("b.csv", "ts,amount\n" + T0 + ",1.5\n" + T0 + ",abc\n");
        fails(f, s -> s.withTypes(Map.of("amount", SqlType.DOUBLE)), f + ":3: column 'amount': 'abc' is not a DOUBLE");
        fails(f, s -> s.withTypes(Map.of("amount", SqlType.BIGINT)), f + ":2: column 'amount': '1.5' is not a BIGINT");
    }

    @Test
    void anEmptyCellInAColumnThatHasNoNull() throws IOException {
        Path f = csv("c.csv", "ts,amount\n" + T0 + ",\n");
        fails(f, s -> s.withTypes(Map.of("amount", SqlType.DOUBLE)),
                f + ":2: column 'amount': empty, and a DOUBLE column has no NULL (only VARCHAR columns do; see --types)");
    }

    @Test
    void aTimeThatIsNotOne() throws IOException {
        Path f = csv("d.csv", "ts,x\n" + T0 + ",1\n2026-13-01T00:00:00Z,2\n");
        fails(f, s -> s, f + ":3: column 'ts': '2026-13-01T00:00:00Z' is not a time in the format iso (--time-format)");
        fails(f, s -> s.withTimeFormat(TimeFormat.parse("epoch-ms")),
                f + ":2: column 'ts': '" + T0 + "' is not a time in the format epoch-ms (--time-format)");
        Path empty = csv("d2.csv", "ts,x\n,1\n");
        fails(empty, s -> s, empty + ":2: column 'ts': empty; every row needs its event time");
    }

    @Test
    void aPatternReadsOnlyRealTimes() throws IOException {
        Path f = csv("d3.csv", "ts,x\n2023-02-28 10:00,1\n2023-02-30 10:00,2\n");
        fails(f, s -> s.withTimeFormat(TimeFormat.parse("yyyy-MM-dd HH:mm")),
                f + ":3: column 'ts': '2023-02-30 10:00' is not a time in the format yyyy-MM-dd HH:mm (--time-format)");
        Path g = csv("d4.csv", "ts,x\n2024-02-29 24:00,1\n");
        fails(g, s -> s.withTimeFormat(TimeFormat.parse("yyyy-MM-dd HH:mm")),
                g + ":2: column 'ts': '2024-02-29 24:00' is not a time in the format yyyy-MM-dd HH:mm (--time-format)");
    }

    @Test
    void aColumnOnlyASkippedRowNamesDoesNotStopTheImport() throws IOException {
        Path f = csv("j.jsonl", "{\"ts\":\"" + T0 + "\",\"x\":1}\n{\"ts\":\"" + T0 + "\",\"x\":2}\n"
                + "{\"ts\":\"bad\",\"x\":3,\"a\":1,\"b\":2,\"c\":3}\n");
        ImportResult r = TraceImporter.importFile(ImportSettings.of(f, "ts").withSkipBadRows(1));
        assertThat(r.rows()).isEqualTo(2);
    }

    @Test
    void anArrivalBeforeItsEvent() throws IOException {
        Path f = csv("e.csv", "ts,seen\n" + T0 + ",2025-12-31T23:59:59Z\n");
        fails(f, s -> s.withArrivalTime("seen"),
                f + ":2: column 'seen': arrival 2025-12-31T23:59:59Z is before the event time " + T0);
    }

    @Test
    void emptyFilesAndFilesWithoutRows() throws IOException {
        Path csv = csv("f.csv", "");
        fails(csv, s -> s, csv + ": empty file; expected a header row naming the columns, then one row per event");
        Path jsonl = csv("f.jsonl", "\n\n");
        fails(jsonl, s -> s, jsonl + ": empty file; expected one JSON object per line, one line per event");
        Path header = csv("g.csv", "ts,x\n");
        fails(header, s -> s, header + ": no rows; expected one row per event");
    }

    @Test
    void aNamedColumnThatIsNotThere() throws IOException {
        Path f = csv("h.csv", "ts,card,amount\n" + T0 + ",1,2\n");
        fails(f, s -> s.withKey("crad"), f + ": no column 'crad' (--key); the columns are: ts, card, amount");
        assertOneLine(() -> TraceImporter.importFile(ImportSettings.of(f, "time")),
                f + ": no column 'time' (--event-time); the columns are: ts, card, amount");
        Path lines = csv("h.jsonl", "{\"ts\":\"" + T0 + "\",\"card\":1}\n");
        assertOneLine(() -> TraceImporter.importFile(ImportSettings.of(lines, "time")),
                lines + ":1: column 'time' (--event-time): no row so far has it; the columns so far: ts, card");
        fails(lines, s -> s.withTypes(Map.of("amount", SqlType.DOUBLE)),
                lines + ":1: column 'amount' (--types): no row so far has it; the columns so far: ts, card");
        fails(f, s -> s.withTypes(Map.of("amout", SqlType.DOUBLE)), f + ": no column 'amout' (--types); the columns are: ts, card, amount");
    }

    @Test
    void malformedJsonLines() throws IOException {
        Path f = csv("i.jsonl", "{\"ts\":\"" + T0 + "\",\"x\":1}\n{\"ts\":\"" + T0 + "\",\"x\":\n");
        fails(f, s -> s, f + ":2: malformed JSON (End of input at line 1 column 34 path $.x)");
        Path nested = csv("j.jsonl", "{\"ts\":\"" + T0 + "\",\"x\":{\"y\":1}}\n");
        fails(nested, s -> s, nested + ":1: column 'x': an object is not a value; each line is one flat JSON object");
        Path array = csv("k.jsonl", "[1,2]\n");
        fails(array, s -> s, array + ":1: malformed JSON (a line must be one JSON object {…}, not an array)");
    }

    @Test
    void columnNamesSqlCannotUse() throws IOException {
        Path f = csv("l.csv", "ts,unit price\n" + T0 + ",2\n");
        fails(f, s -> s, f + ": column 'unit price' is not a SQL identifier (a letter or _, then letters, digits or _); "
                + "rename it in the file, or leave it out with --columns");
        Path twice = csv("m.csv", "ts,x,x\n" + T0 + ",1,2\n");
        fails(twice, s -> s, twice + ":1: the header names column 'x' twice");
    }

    @Test
    void badOptions() throws IOException {
        Path f = csv("n.csv", "ts,x\n" + T0 + ",1\n");
        assertOneLine(() -> ImportSettings.parseTypes("x=dbl"),
                "--types: 'dbl' (for x) is not a type; allowed: bigint, double, varchar, boolean, timestamp");
        assertOneLine(() -> ImportSettings.parseTypes("x"), "--types: 'x' is not COLUMN=TYPE; for example amount=double,card=varchar");
        assertOneLine(() -> TimeFormat.parse("yyyy-MM-dd bb"), "--time-format: 'yyyy-MM-dd bb' is not " + TimeFormat.ALLOWED
                + " (Unknown pattern letter: b)");
        assertOneLine(() -> ImportSettings.of(f, "ts").withDisorder("gamma:k=2"),
                "--disorder: type: must be one of none, fixed, exponential, uniform, lognormal (got \"gamma\")");
        assertOneLine(() -> ImportSettings.of(f, "ts").withDisorder("lognormal:median=300ms"), "--disorder: sigma: is missing");
        assertOneLine(() -> ImportSettings.of(f, "ts").withDisorder("fixed:delay"),
                "--disorder: 'delay' is not NAME=VALUE in 'fixed:delay'; expected " + org.flowlab.workloads.disorder.DisorderText.ALLOWED);
        assertOneLine(() -> ImportSettings.of(f, "ts").withArrivalTime("x").withDisorder("fixed:delay=1s"),
                "--disorder draws arrival times; the file's arrival column 'x' already has them: give one of --arrival-time and --disorder");
        fails(f, s -> s.withTypes(Map.of("ts", SqlType.BIGINT)),
                "--types: column 'ts' is the event time (--event-time), a TIMESTAMP(3) read with --time-format, not BIGINT");
        Path other = csv("o.txt", "ts\n");
        fails(other, s -> s, other + ": cannot tell the format from the name; expected FILE.csv or FILE.jsonl (.ndjson)");
        Path missing = dir.resolve("missing.csv");
        fails(missing, s -> s, missing + ": cannot read the file to import (no such file or directory: " + missing + ")");
    }

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void fails(Path file, UnaryOperator<ImportSettings> settings, String message) {
        assertOneLine(() -> TraceImporter.importFile(settings.apply(ImportSettings.of(file, "ts"))), message);
    }

    private static void assertOneLine(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).hasMessage(message).hasMessageNotContaining("\n");
    }
}
