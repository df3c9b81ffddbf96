package org.flowlab.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceFilesTest {
    private static final String HEADER = "{\"format\":\"flowlab-trace\",\"version\":1,\"scenario\":\"test\",\"seed\":42,"
            + "\"spec\":{\"scenario\":\"test\",\"rate\":\"100/s\",\"x\":0.1,\"big\":4611686018427387904},"
            + "\"schema\":{\"kinds\":[\"person\",\"auction\",\"bid\"],\"key\":\"auction\",\"value\":\"price\","
            + "\"attr1\":\"bidder\",\"attr2\":null,\"attr3\":null,\"labels\":[\"none\",\"hot\"]},"
            + "\"groundTruth\":[{\"kind\":\"burst\",\"key\":12,\"start\":100,\"end\":200}],\"events\":3}";
    private static final String E0 =
            "{\"id\":0,\"eventTime\":800,\"arrivalTime\":1500,\"kind\":\"person\",\"auction\":7,\"price\":1.0E23,\"bidder\":7,\"label\":\"none\"}";
    private static final String E1 =
            "{\"id\":1,\"eventTime\":1000,\"arrivalTime\":1500,\"kind\":\"bid\",\"auction\":12,\"price\":3.25,\"bidder\":5,\"label\":\"none\"}";
    private static final String E2 =
            "{\"id\":2,\"eventTime\":900,\"arrivalTime\":2000,\"kind\":\"auction\",\"auction\":12,\"price\":-0.0,\"bidder\":6,\"label\":\"hot\"}";

    @TempDir
    Path dir;

    /** Added out of order on purpose: the builder sorts by arrival, then event time. */
    static Trace example() {
        JsonObject settings = new JsonObject();
        settings.addProperty("scenario", "test");
        settings.addProperty("rate", "100/s");
        settings.addProperty("x", 0.1);
        settings.addProperty("big", 1L << 62);
        TraceSchema schema = new TraceSchema(List.of("person", "auction", "bid"), "auction", "price", "bidder", null, null,
                List.of("none", "hot"));
        return new TraceBuilder(new WorkloadSpec("test", "test.json", settings), 42, schema)
                .groundTruth(new GroundTruth(List.of(new GroundTruth.Episode("burst", 12, 100, 200))))
                .add(1000, 1500, 2, 12, 3.25, 5, 0, 0, 0)
                .add(900, 2000, 1, 12, -0.0, 6, 0, 0, 1)
                .add(800, 1500, 0, 7, 1e23, 7, 0, 0, 0)
                .build();
    }

    @Test
    void writesTheDocumentedFormat() throws IOException {
        Path file = dir.resolve("example.jsonl");
        TraceFiles.write(example(), file);
        assertThat(Files.readString(file)).isEqualTo(String.join("\n", HEADER, E0, E1, E2) + "\n");
    }

    @Test
    void readsWhatItWrote() {
        Path file = dir.resolve("example.jsonl");
        Trace trace = example();
        TraceFiles.write(trace, file);
        Trace back = TraceFiles.read(file);
        TraceArbitraries.assertSameTrace(back, trace);
        assertThat(back.spec().source()).isEqualTo(file.toString());
        assertThat(back.event(2).value()).isEqualTo(-0.0);
    }

    @Test
    void keepsTheSqlTablesOfAScenarioThatNamesThem() {
        Trace nexmark = org.flowlab.workloads.WorkloadGenerator.generate(
                WorkloadSpec.defaults("nexmark").withDuration(200_000_000L), 3);
        Path file = dir.resolve("nexmark.jsonl");
        TraceFiles.write(nexmark, file);
        Trace back = TraceFiles.read(file);
        assertThat(back.schema().tables()).isEqualTo(nexmark.schema().tables());
        assertThat(back.schema().tables().table("BID").column("price").toString()).isEqualTo("price BIGINT (value)");
    }

    @Test
    void rejectsATableOnAColumnItCannotHold() throws IOException {
        Path file = dir.resolve("bad-table.jsonl");
        Files.writeString(file, "{\"format\":\"flowlab-trace\",\"version\":1,\"scenario\":\"t\",\"seed\":1,\"spec\":{},"
                + "\"schema\":{\"kinds\":[\"k\"],\"key\":\"key\",\"value\":\"value\",\"attr1\":null,\"attr2\":null,\"attr3\":null,"
                + "\"labels\":[\"none\"],\"tables\":{\"origin\":0,\"tables\":[{\"name\":\"events\",\"kinds\":[],\"rowtime\":\"t\","
                + "\"columns\":[{\"name\":\"t\",\"type\":\"timestamp\",\"field\":\"eventTime\"},"
                + "{\"name\":\"s\",\"type\":\"varchar\",\"field\":\"value\"}]}]}},\"groundTruth\":[],\"events\":0}\n");
        assertFails(file, 1, "schema.tables.tables[0].columns[1]: column s: the value field holds BIGINT or DOUBLE columns, not VARCHAR");
    }

    @Test
    void readsWindowsLineEndings() throws IOException {
        Path file = dir.resolve("crlf.jsonl");
        Files.writeString(file, String.join("\r\n", HEADER, E0, E1, E2) + "\r\n");
        TraceArbitraries.assertSameTrace(TraceFiles.read(file), example());
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path file = dir.resolve("example.jsonl");
        Files.writeString(file, "old content\n");
        TraceFiles.write(example(), file);
        assertThat(TraceFiles.read(file).size()).isEqualTo(3);
    }

    // --- corrupt files: each reports file:line: and what is wrong ---

    private Path file(String... lines) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return file;
    }

    private static void assertFails(Path file, int line, String message) {
        assertThatThrownBy(() -> TraceFiles.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":" + line + ": " + message);
    }

    private static String replace(String line, String from, String to) {
        assertThat(line).contains(from);
        return line.replace(from, to);
    }

    @Test
    void unreadableFile() {
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> TraceFiles.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": cannot read the trace file (no such file or directory: " + missing + ")");
        assertThatThrownBy(() -> TraceFiles.read(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(dir + ": cannot read the trace file (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void emptyFile() throws IOException {
        assertFails(file(), 1, "empty file; expected a flowlab-trace header line");
    }

    @Test
    void headerThatIsNotJson() throws IOException {
        assertFails(file("{\"format\":\"flowlab-trace\",", E0), 1,
                "header: malformed JSON near column 27: the line ends before the JSON does");
        assertFails(file("{'format':'flowlab-trace'}", E0), 1, "header: malformed JSON near column 3");
        assertFails(file("[1, 2]"), 1, "header: must be a JSON object {…} (got an array [1,2])");
        assertFails(file(HEADER + " {}"), 1, "unexpected text after the header object");
    }

    @Test
    void headerOfAnotherFormatOrVersion() throws IOException {
        assertFails(file("{\"name\":\"x\"}"), 1,
                "not a Flowlab trace file: the first line has no \"format\":\"flowlab-trace\"");
        assertFails(file(replace(HEADER, "flowlab-trace", "csv")), 1,
                "not a Flowlab trace file: format is \"csv\", expected \"flowlab-trace\"");
        assertFails(file(replace(HEADER, "\"version\":1", "\"version\":2")), 1,
                "trace format version 2 is not supported; this Flowlab reads version 1");
        assertFails(file(replace(HEADER, "\"version\":1,", "")), 1, "version: missing");
    }

    @Test
    void headerWithMissingOrWrongFields() throws IOException {
        assertFails(file(replace(HEADER, "\"seed\":42,", ""), E0, E1, E2), 1, "seed: missing");
        assertFails(file(replace(HEADER, "\"seed\":42", "\"seed\":\"42\""), E0, E1, E2), 1,
                "seed: must be a whole number (got a string \"42\")");
        assertFails(file(replace(HEADER, "\"seed\":42", "\"seed\":4.2"), E0, E1, E2), 1,
                "seed: must be a whole number within 64 bits (got 4.2)");
        assertFails(file(replace(HEADER, "\"events\":3", "\"events\":-1"), E0, E1, E2), 1,
                "events: must be a whole number from 0 to 2147483647 (got -1)");
        assertFails(file(replace(HEADER, "\"scenario\":\"test\",\"seed\"", "\"scenario\":null,\"seed\""), E0, E1, E2), 1,
                "scenario: must be a string (got null)");
        assertFails(file(replace(HEADER, "\"events\":3", "\"events\":3,\"extra\":true"), E0, E1, E2), 1,
                "extra: unknown field; allowed here: events, format, groundTruth, scenario, schema, seed, spec, version");
        assertFails(file(replace(HEADER, "\"kinds\":[\"person\",\"auction\",\"bid\"]", "\"kinds\":[]"), E0), 1,
                "schema: a schema has 1 to 127 kinds, got 0");
        assertFails(file(replace(HEADER, "[\"person\",\"auction\",\"bid\"]", "[\"person\",\"bid\",\"bid\"]"), E0), 1,
                "schema.kinds: \"bid\" appears twice; kind names must differ");
        assertFails(file(replace(HEADER, "\"attr1\":\"bidder\"", "\"attr1\":\"price\""), E0), 1,
                "schema: the column name \"price\" is used twice; event fields id, eventTime, arrivalTime, kind, label"
                        + " and the key, value and attribute names must all differ");
        assertFails(file(replace(HEADER, "\"attr2\":null", "\"attr2\":7"), E0), 1,
                "schema.attr2: must be a string or null (got a number 7)");
        assertFails(file(replace(HEADER, "\"start\":100,\"end\":200", "\"start\":300,\"end\":200"), E0), 1,
                "groundTruth[0].end: must be >= start (300), got 200");
        assertFails(file(replace(HEADER, "\"key\":12,\"start\"", "\"start\""), E0), 1, "groundTruth[0].key: missing");
    }

    @Test
    void eventLineThatIsNotJson() throws IOException {
        assertFails(file(HEADER, E0, "{\"id\":1,\"eventTime\":1000,", E2), 3,
                "malformed JSON near column 26: the line ends before the JSON does");
        assertFails(file(HEADER, E0, E1 + " x", E2), 3, "unexpected text after the event object");
        assertFails(file(HEADER, E0, replace(E1, "\"kind\"", "kind"), E2), 3, "malformed JSON near column 46");
        assertFails(file(HEADER, E0, "[1]", E2), 3, "an event line must be a JSON object {…} (got an array)");
        assertFails(file(HEADER, E0, "", E2), 3, "empty line where event 1 was expected");
        assertFails(file(HEADER, E0, replace(E1, "3.25", "NaN"), E2), 3, "malformed JSON near column 79");
    }

    @Test
    void eventWithMissingUnknownOrRepeatedField() throws IOException {
        assertFails(file(HEADER, E0, replace(E1, ",\"price\":3.25", ""), E2), 3, "missing field \"price\"");
        assertFails(file(HEADER, E0, replace(E1, "\"bidder\":5", "\"bidder\":5,\"seller\":1"), E2), 3,
                "unknown field \"seller\"; an event line has the fields id, eventTime, arrivalTime, kind, auction, price,"
                        + " bidder, label");
        assertFails(file(HEADER, E0, replace(E1, "\"bidder\":5", "\"bidder\":5,\"auction\":3"), E2), 3,
                "field \"auction\" appears twice");
    }

    @Test
    void eventWithWrongTypes() throws IOException {
        assertFails(file(HEADER, E0, replace(E1, "3.25", "\"3.25\""), E2), 3, "field \"price\" must be a number (got a string)");
        assertFails(file(HEADER, E0, replace(E1, "\"auction\":12", "\"auction\":12.5"), E2), 3,
                "field \"auction\" must be a whole number within 64 bits (got 12.5)");
        assertFails(file(HEADER, E0, replace(E1, "\"eventTime\":1000", "\"eventTime\":1e3"), E2), 3,
                "field \"eventTime\" must be a whole number within 64 bits (got 1e3)");
        assertFails(file(HEADER, E0, replace(E1, "\"auction\":12", "\"auction\":99999999999999999999"), E2), 3,
                "field \"auction\" must be a whole number within 64 bits (got 99999999999999999999)");
        assertFails(file(HEADER, E0, replace(E1, "\"bidder\":5", "\"bidder\":null"), E2), 3,
                "field \"bidder\" must be a whole number (got null)");
        assertFails(file(HEADER, E0, replace(E1, "\"label\":\"none\"", "\"label\":0"), E2), 3,
                "field \"label\" must be a string (got a number)");
        assertFails(file(HEADER, E0, replace(E1, "3.25", "1e999"), E2), 3, "field \"price\" must be a finite number (got 1e999)");
    }

    @Test
    void eventWithUnknownKindOrLabel() throws IOException {
        assertFails(file(HEADER, E0, replace(E1, "\"bid\"", "\"bids\""), E2), 3,
                "field \"kind\" is \"bids\", not one of the schema's kinds: \"person\", \"auction\", \"bid\"");
        assertFails(file(HEADER, E0, replace(E1, "\"label\":\"none\"", "\"label\":\"cold\\n\""), E2), 3,
                "field \"label\" is \"cold\\n\", not one of the schema's labels: \"none\", \"hot\"");
    }

    @Test
    void eventThatArrivesBeforeItHappens() throws IOException {
        assertFails(file(HEADER, E0, replace(E1, "\"eventTime\":1000", "\"eventTime\":1600"), E2), 3,
                "arrivalTime 1500 is before eventTime 1600; an event cannot arrive before it happens");
    }

    @Test
    void idsThatAreNotDense() throws IOException {
        assertFails(file(HEADER, E0, replace(E1, "\"id\":1", "\"id\":5"), E2), 3,
                "id is 5 but must be 1 (ids number the events from 0 in file order)");
        assertFails(file(HEADER, E0, E2, E1), 3, "id is 2 but must be 1 (ids number the events from 0 in file order)");
    }

    @Test
    void eventsOutOfArrivalOrder() throws IOException {
        String late = replace(replace(E1, "\"arrivalTime\":1500", "\"arrivalTime\":1400"), "\"eventTime\":1000", "\"eventTime\":100");
        assertFails(file(HEADER, E0, late, E2), 3, "not in arrival order: arrivalTime 1400 is before the previous event's 1500");
        String tie = replace(E1, "\"eventTime\":1000", "\"eventTime\":700");
        assertFails(file(HEADER, E0, tie, E2), 3,
                "not in order: events that arrive together are in eventTime order, but eventTime 700 follows 800");
    }

    @Test
    void eventsMoreThanTheLongestSpanApart() throws IOException {
        // Times that far apart once overflowed the engines' clocks: a trace spans at most 260 years.
        String far = replace(replace(E2, "\"arrivalTime\":2000", "\"arrivalTime\":9000000000000000000"),
                "\"eventTime\":900", "\"eventTime\":8999999999999999000");
        assertFails(file(HEADER, E0, E1, far), 4, "arrivalTime 9000000000000000000 is more than 260 years after the first "
                + "event's, 1500; a trace spans at most 260 years");
        String longDelayed = replace(E2, "\"eventTime\":900", "\"eventTime\":-9000000000000000000");
        assertFails(file(HEADER, E0, E1, longDelayed), 4,
                "arrivalTime 2000 is more than 260 years after eventTime -9000000000000000000; a trace spans at most 260 years");
    }

    @Test
    void eventCountThatDoesNotMatchTheHeader() throws IOException {
        assertFails(file(HEADER, E0, E1), 4, "the file ends after 2 events but the header announces 3");
        String four = replace(E2, "\"id\":2", "\"id\":3");
        assertFails(file(HEADER, E0, E1, E2, four), 5,
                "unexpected line after the last of the 3 events the header announces (wrong \"events\" count, or trailing content)");
    }

    @Test
    void trailingGarbage() throws IOException {
        assertFails(file(HEADER, E0, E1, E2, "garbage"), 5,
                "unexpected line after the last of the 3 events the header announces (wrong \"events\" count, or trailing content)");
        assertFails(file(HEADER, E0, E1, E2, ""), 5,
                "unexpected line after the last of the 3 events the header announces (wrong \"events\" count, or trailing content)");
    }

    @Test
    void textThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        byte[] line = replace(E1, "\"bid\"", "\"bïd\"").getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, List.of(HEADER, E0).stream().map(s -> (s + "\n").getBytes(StandardCharsets.UTF_8))
                .reduce(new byte[0], TraceFilesTest::concat));
        Files.write(file, concat(line, "\n".getBytes(StandardCharsets.UTF_8)), java.nio.file.StandardOpenOption.APPEND);
        assertFails(file, 3, "not valid UTF-8 text");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    // --- failed writes leave nothing behind ---

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            files.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    @Test
    void writeUnderAFileFailsCleanly() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = notADirectory.resolve("trace.jsonl");
        assertThatThrownBy(() -> TraceFiles.write(example(), target))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(target + ": cannot write the trace file (Not a directory: " + notADirectory + ")");
        assertThat(namesIn(dir)).containsExactly("plain.txt");
    }

    @Test
    void writeOntoADirectoryIsRefusedBeforeWritingAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("trace.jsonl"));
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThatThrownBy(() -> TraceFiles.write(example(), target))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(target + ": cannot write the trace file (is a folder, not a file; give a file name)");
        assertThat(namesIn(dir)).containsExactly("trace.jsonl");
        assertThat(namesIn(target)).containsExactly("inside.txt");
    }

    @Test
    void writeIntoAMissingDirectoryFails() {
        Path target = dir.resolve("no/such/dir/trace.jsonl");
        assertThatThrownBy(() -> TraceFiles.write(example(), target))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(target + ": cannot write the trace file (no such directory: " + target.getParent() + ")");
    }

    @Test
    void aTraceThatCannotBeWrittenFaithfullyLeavesTheOldFileAlone() throws IOException {
        Path file = dir.resolve("trace.jsonl");
        TraceFiles.write(example(), file);
        byte[] before = Files.readAllBytes(file);
        TraceSchema schema = new TraceSchema(List.of("k"), "key", "value", null, null, null, List.of("none"));
        WorkloadSpec spec = new WorkloadSpec("test", "test.json", new JsonObject());
        Trace notFinite = new TraceBuilder(spec, 1, schema).add(0, 0, 0, 1, 1.0).add(1, 1, 0, 1, Double.NaN).build();
        assertThatThrownBy(() -> TraceFiles.write(notFinite, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event 1: value is NaN; a trace file holds finite values only");
        Trace unnamedAttribute = new TraceBuilder(spec, 1, schema).add(0, 0, 0, 1, 1.0, 0, 7, 0, 0).build();
        assertThatThrownBy(() -> TraceFiles.write(unnamedAttribute, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event 0: attr2 is 7 but the schema names no such column; name it or leave it 0");
        Trace loneSurrogate = new TraceBuilder(spec, 1,
                new TraceSchema(List.of("k\uD800"), "key", "value", null, null, null, List.of("none"))).build();
        assertThatThrownBy(() -> TraceFiles.write(loneSurrogate, file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ": cannot write the trace file (text that is not valid Unicode, such as an unpaired"
                        + " surrogate in a name)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(namesIn(dir)).containsExactly("trace.jsonl");
    }

    @Test
    void clashingColumnNamesAreRefused() {
        TraceSchema schema = new TraceSchema(List.of("k"), "id", "value", null, null, null, List.of("none"));
        Trace trace = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, schema).build();
        assertThatThrownBy(() -> TraceFiles.write(trace, dir.resolve("t.jsonl")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the column name \"id\" is used twice");
    }
}
