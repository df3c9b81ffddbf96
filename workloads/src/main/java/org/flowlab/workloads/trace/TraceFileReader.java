package org.flowlab.workloads.trace;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Reads a trace file line by line, checking each line completely before the next; the first
 * problem ends the read with an {@link InvalidInputException} naming the file and line.
 */
final class TraceFileReader {
    private static final int MAX_HEADER_BYTES = 64 << 20;
    private static final int MAX_EVENT_BYTES = 1 << 20;

    private final String file;
    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkEnd;
    private byte[] lineBytes = new byte[512];
    private int lineNumber;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private EventColumns columns;
    private final Map<String, Integer> columnOf = new HashMap<>();
    private final Map<String, Integer> kindOf = new HashMap<>();
    private final Map<String, Integer> labelOf = new HashMap<>();
    private int required;
    private final long[] numbers = new long[EventColumns.COUNT];
    private String kindNames;
    private String labelNames;

    TraceFileReader(String file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    Trace read() throws IOException {
        String first = nextLine(MAX_HEADER_BYTES);
        if (first == null) {
            lineNumber = 1;
            throw fail("empty file; expected a " + TraceHeader.FORMAT + " header line");
        }
        TraceHeader header = TraceHeader.parse(where(), first);
        prepare(header);
        WorkloadSpec spec = new WorkloadSpec(header.scenario(), file, header.spec());
        TraceBuilder builder = new TraceBuilder(spec, header.seed(), header.schema(), Math.min(header.events(), 1 << 16))
                .groundTruth(header.groundTruth());
        long previousArrival = Long.MIN_VALUE;
        long previousEventTime = Long.MIN_VALUE;
        long firstArrival = 0;
        for (int i = 0; i < header.events(); i++) {
            String line = nextLine(MAX_EVENT_BYTES);
            if (line == null) {
                lineNumber++;
                throw fail("the file ends after " + i + " events but the header announces " + header.events());
            }
            double value = parseEvent(line, i);
            long eventTime = numbers[EventColumns.EVENT_TIME];
            long arrival = numbers[EventColumns.ARRIVAL_TIME];
            if (arrival < previousArrival) {
                throw fail("not in arrival order: arrivalTime " + arrival + " is before the previous event's "
                        + previousArrival);
            }
            if (arrival == previousArrival && eventTime < previousEventTime) {
                throw fail("not in order: events that arrive together are in eventTime order, but eventTime "
                        + eventTime + " follows " + previousEventTime);
            }
            if (i == 0) {
                firstArrival = arrival;
            } else if (beyondSpan(arrival, firstArrival)) {
                throw fail("arrivalTime " + arrival + " is more than " + Trace.MAX_SPAN_YEARS + " years after the first event's, "
                        + firstArrival + "; a trace spans at most " + Trace.MAX_SPAN_YEARS + " years");
            }
            if (beyondSpan(arrival, eventTime)) {
                throw fail("arrivalTime " + arrival + " is more than " + Trace.MAX_SPAN_YEARS + " years after eventTime "
                        + eventTime + "; a trace spans at most " + Trace.MAX_SPAN_YEARS + " years");
            }
            previousArrival = arrival;
            previousEventTime = eventTime;
            builder.add(eventTime, arrival, (int) numbers[EventColumns.KIND], numbers[EventColumns.KEY], value,
                    numbers[EventColumns.ATTR1], numbers[EventColumns.ATTR2], numbers[EventColumns.ATTR3],
                    (int) numbers[EventColumns.LABEL]);
        }
        if (nextLine(MAX_EVENT_BYTES) != null) {
            throw fail("unexpected line after the last of the " + header.events()
                    + " events the header announces (wrong \"events\" count, or trailing content)");
        }
        return builder.build();
    }

    /** Whether {@code later} lies more than {@link Trace#MAX_SPAN_NANOS} after {@code earlier} (a difference past a long counts). */
    private static boolean beyondSpan(long later, long earlier) {
        long span = later - earlier;
        return span > Trace.MAX_SPAN_NANOS || span < 0;
    }

    private void prepare(TraceHeader header) {
        columns = EventColumns.of(header.schema());
        for (int c = 0; c < EventColumns.COUNT; c++) {
            if (columns.used(c)) {
                columnOf.put(columns.name(c), c);
                required |= 1 << c;
            }
        }
        for (int k = 0; k < header.schema().kinds().size(); k++) {
            kindOf.put(header.schema().kinds().get(k), k);
        }
        for (int l = 0; l < header.schema().labels().size(); l++) {
            labelOf.put(header.schema().labels().get(l), l);
        }
        kindNames = names(header.schema().kinds());
        labelNames = names(header.schema().labels());
    }

    private static String names(java.util.List<String> names) {
        String all = String.join(", ", names.stream().map(EventColumns::quote).toList());
        return all.length() <= 200 ? all : all.substring(0, 200) + " …";
    }

    /** Parses one event line into {@link #numbers} (kind and label as indices) and returns its value. */
    private double parseEvent(String line, int expectedId) throws IOException {
        if (line.isEmpty()) {
            throw fail("empty line where event " + expectedId + " was expected");
        }
        JsonReader r = new JsonReader(new StringReader(line));
        r.setStrictness(Strictness.STRICT);
        double value = 0;
        int seen = 0;
        try {
            if (r.peek() != JsonToken.BEGIN_OBJECT) {
                throw fail("an event line must be a JSON object {…} (got " + token(r.peek()) + ")");
            }
            r.beginObject();
            while (r.hasNext()) {
                String name = r.nextName();
                Integer column = columnOf.get(name);
                if (column == null) {
                    throw fail("unknown field " + EventColumns.quote(name) + "; an event line has the fields "
                            + String.join(", ", columns.usedNames()));
                }
                if ((seen & (1 << column)) != 0) {
                    throw fail("field " + EventColumns.quote(name) + " appears twice");
                }
                seen |= 1 << column;
                switch (column) {
                    case EventColumns.KIND -> numbers[column] = named(r, name, kindOf, "kinds", kindNames);
                    case EventColumns.LABEL -> numbers[column] = named(r, name, labelOf, "labels", labelNames);
                    case EventColumns.VALUE -> value = number(r, name);
                    default -> numbers[column] = whole(r, name);
                }
            }
            r.endObject();
            if (!atEnd(r)) {
                throw fail("unexpected text after the event object");
            }
        } catch (IOException | IllegalStateException e) {
            throw fail(MalformedJson.describe(e));
        }
        if (seen != required) {
            for (int c = 0; c < EventColumns.COUNT; c++) {
                if ((required & (1 << c)) != 0 && (seen & (1 << c)) == 0) {
                    throw fail("missing field " + EventColumns.quote(columns.name(c)));
                }
            }
        }
        if (numbers[EventColumns.ID] != expectedId) {
            throw fail("id is " + numbers[EventColumns.ID] + " but must be " + expectedId
                    + " (ids number the events from 0 in file order)");
        }
        if (numbers[EventColumns.ARRIVAL_TIME] < numbers[EventColumns.EVENT_TIME]) {
            throw fail("arrivalTime " + numbers[EventColumns.ARRIVAL_TIME] + " is before eventTime "
                    + numbers[EventColumns.EVENT_TIME] + "; an event cannot arrive before it happens");
        }
        for (int c = EventColumns.ATTR1; c <= EventColumns.ATTR3; c++) {
            if (!columns.used(c)) {
                numbers[c] = 0;
            }
        }
        return value;
    }

    /** Whether nothing but white space follows; Gson reports anything else as malformed JSON. */
    static boolean atEnd(JsonReader r) {
        try {
            return r.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException e) {
            return false;
        }
    }

    private long whole(JsonReader r, String name) throws IOException {
        JsonToken t = r.peek();
        if (t != JsonToken.NUMBER) {
            throw fail("field " + EventColumns.quote(name) + " must be a whole number (got " + token(t) + ")");
        }
        String text = r.nextString();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw fail("field " + EventColumns.quote(name) + " must be a whole number within 64 bits (got " + text + ")");
        }
    }

    private double number(JsonReader r, String name) throws IOException {
        JsonToken t = r.peek();
        if (t != JsonToken.NUMBER) {
            throw fail("field " + EventColumns.quote(name) + " must be a number (got " + token(t) + ")");
        }
        String text = r.nextString();
        double d = Double.parseDouble(text);
        if (!Double.isFinite(d)) {
            throw fail("field " + EventColumns.quote(name) + " must be a finite number (got " + text + ")");
        }
        return d;
    }

    private int named(JsonReader r, String name, Map<String, Integer> index, String what, String allowed) throws IOException {
        JsonToken t = r.peek();
        if (t != JsonToken.STRING) {
            throw fail("field " + EventColumns.quote(name) + " must be a string (got " + token(t) + ")");
        }
        String text = r.nextString();
        Integer i = index.get(text);
        if (i == null) {
            throw fail("field " + EventColumns.quote(name) + " is " + EventColumns.quote(text)
                    + ", not one of the schema's " + what + ": " + allowed);
        }
        return i;
    }

    private static String token(JsonToken t) {
        return switch (t) {
            case BEGIN_OBJECT -> "an object";
            case BEGIN_ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The next line without its terminator ({@code \n} or {@code \r\n}), or null at the end of the file. */
    private String nextLine(int maxBytes) throws IOException {
        int length = 0;
        boolean any = false;
        boolean ascii = true;
        while (true) {
            if (chunkPos == chunkEnd) {
                chunkEnd = in.read(chunk, 0, chunk.length);
                chunkPos = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = chunkPos;
            int end = chunkEnd;
            int nl = -1;
            for (int p = start; p < end; p++) {
                byte b = chunk[p];
                if (b == '\n') {
                    nl = p;
                    break;
                }
                if (b < 0) {
                    ascii = false;
                }
            }
            int stop = nl < 0 ? end : nl;
            int n = stop - start;
            if (length + n > maxBytes) {
                lineNumber++;
                throw fail("line is longer than " + (maxBytes >> 20) + " MiB; this is not a trace file line");
            }
            if (length + n > lineBytes.length) {
                lineBytes = Arrays.copyOf(lineBytes, Math.max(lineBytes.length * 2, length + n));
            }
            System.arraycopy(chunk, start, lineBytes, length, n);
            length += n;
            if (nl >= 0) {
                chunkPos = nl + 1;
                break;
            }
            chunkPos = end;
        }
        lineNumber++;
        if (length > 0 && lineBytes[length - 1] == '\r') {
            length--;
        }
        if (ascii) {
            return new String(lineBytes, 0, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.decode(ByteBuffer.wrap(lineBytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw fail("not valid UTF-8 text");
        }
    }

    private String where() {
        return file + ":" + lineNumber;
    }

    private InvalidInputException fail(String problem) {
        return new InvalidInputException(where() + ": " + problem);
    }
}
