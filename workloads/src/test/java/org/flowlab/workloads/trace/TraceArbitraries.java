package org.flowlab.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/** Random small traces for properties: random names, kinds, values, attributes, labels, disorder, ground truth. */
public final class TraceArbitraries {
    private static final Set<String> RESERVED = Set.of("id", "eventTime", "arrivalTime", "kind", "label");
    /** The file round trip's traces: wide and negative times, big delays. */
    private static final long FILE_MIN_TIME = -1_000_000_000_000L;
    private static final long FILE_MAX_TIME = 1_000_000_000_000_000L;
    private static final long FILE_MAX_DELAY = 100_000_000_000L;
    private static final int FILE_MAX_EVENTS = 30;

    private TraceArbitraries() {
    }

    /** Names with the characters JSON must escape, non-ASCII text and whole emoji (never a lone surrogate). */
    public static Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings().withChars("abcxyz_-. \"\\/\t\n\u0001\u2028é€").ofMaxLength(6);
        return Arbitraries.frequencyOf(
                Tuple.of(6, plain),
                Tuple.of(1, Arbitraries.of("😀", "card", "price", "naïve", "", "ключ")));
    }

    /** Schemas whose column names are distinct and not the fixed event fields. */
    public static Arbitrary<TraceSchema> schemas() {
        Arbitrary<List<String>> columns = names().list().ofSize(5).uniqueElements()
                .filter(l -> l.stream().noneMatch(RESERVED::contains));
        Arbitrary<List<String>> kinds = names().list().ofMinSize(1).ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> labels = names().list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<List<Boolean>> used = Arbitraries.of(true, false).list().ofSize(3);
        return Combinators.combine(columns, kinds, labels, used).as((c, k, l, u) -> new TraceSchema(k, c.get(0), c.get(1),
                u.get(0) ? c.get(2) : null, u.get(1) ? c.get(3) : null, u.get(2) ? c.get(4) : null, l));
    }

    /** Any finite double, weighted towards the awkward ones. */
    public static Arbitrary<Double> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(-1e6, 1e6).ofScale(4)),
                Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite)),
                Tuple.of(1, Arbitraries.of(0.0, -0.0, 0.1, 1e23, 4.4896727262930272E16, Double.MIN_VALUE,
                        Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 1e-3, 1e7, 9999999.999999998)));
    }

    private record Row(long eventTime, long delay, int kind, long key, double value, List<Long> attrs, int label) {
    }

    /**
     * Traces over {@code schemas} with event times in [minTime, maxTime] and delays up to
     * {@code maxDelay}, often zero, sometimes large, so that arrival order differs from event order.
     */
    public static Arbitrary<Trace> traces(long minTime, long maxTime, long maxDelay, int maxEvents) {
        return traces(minTime, maxTime, maxDelay, maxEvents, 1);
    }

    /** As above, with times and delays whole multiples of {@code grain}, so that ties and exact thresholds happen. */
    public static Arbitrary<Trace> traces(long minTime, long maxTime, long maxDelay, int maxEvents, long grain) {
        return traces(minTime, maxTime, maxDelay, maxEvents, grain, 0);
    }

    /**
     * As {@link #traces(long, long, long, int, long)}, with two of the events built so that one
     * overtakes the other: the later happens {@code lead} after the earlier and arrives first, and
     * the earlier arrives {@code lead + grain} after it happened (which may exceed {@code maxDelay}).
     * So every such trace has an event that arrives {@code lead} or more behind the latest event time
     * seen before it: out of order, and late for any threshold below {@code lead}.
     */
    public static Arbitrary<Trace> withOvertaking(long minTime, long maxTime, long maxDelay, int maxEvents, long grain, long lead) {
        return traces(minTime, maxTime, maxDelay, maxEvents, grain, lead);
    }

    /** Traces for the file round trip that surely have events out of order ({@link #withOvertaking}, by 1 ns). */
    public static Arbitrary<Trace> withOvertaking() {
        return withOvertaking(FILE_MIN_TIME, FILE_MAX_TIME, FILE_MAX_DELAY, FILE_MAX_EVENTS, 1, 1);
    }

    private static Arbitrary<Trace> traces(long minTime, long maxTime, long maxDelay, int maxEvents, long grain, long lead) {
        Arbitrary<Long> times = Arbitraries.longs().between(minTime / grain, maxTime / grain).map(t -> t * grain);
        Arbitrary<Long> delays = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.longs().between(0, Math.max(1, maxDelay / 1000 / grain))),
                Tuple.of(2, Arbitraries.longs().between(0, maxDelay / grain))).map(d -> d * grain);
        Arbitrary<Long> keys = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 5)),
                Tuple.of(1, Arbitraries.longs()));
        Arbitrary<List<Long>> attrs = Arbitraries.longs().list().ofSize(3);
        Arbitrary<Row> rows = Combinators.combine(times, delays, Arbitraries.integers().between(0, 126), keys, values(),
                attrs, Arbitraries.integers().between(0, 126)).as(Row::new);
        Arbitrary<GroundTruth.Episode> episodes = Combinators.combine(names(), Arbitraries.longs(),
                Arbitraries.longs().between(minTime, maxTime), Arbitraries.longs().between(0, maxDelay))
                .as((kind, key, start, length) -> new GroundTruth.Episode(kind, key, start, start + length));
        Arbitrary<List<Row>> rowLists = rows.list().ofMaxSize(maxEvents);
        if (lead > 0) {
            Arbitrary<Long> overtaken = Arbitraries.longs().between(minTime / grain, (maxTime - lead) / grain).map(t -> t * grain);
            rowLists = Combinators.combine(rows.list().ofMaxSize(maxEvents - 2), rows, rows, overtaken).as((list, a, b, t) -> {
                List<Row> out = new ArrayList<>(list);
                out.add(new Row(t, lead + grain, a.kind, a.key, a.value, a.attrs, a.label));
                out.add(new Row(t + lead, 0, b.kind, b.key, b.value, b.attrs, b.label));
                return out;
            });
        }
        return Combinators.combine(schemas(), rowLists, episodes.list().ofMaxSize(3), Arbitraries.longs(), specs(), names())
                .as(TraceArbitraries::build);
    }

    /** Traces for the file round trip: wide and negative times, big delays. */
    public static Arbitrary<Trace> traces() {
        return traces(FILE_MIN_TIME, FILE_MAX_TIME, FILE_MAX_DELAY, FILE_MAX_EVENTS);
    }

    private static Trace build(TraceSchema schema, List<Row> rows, List<GroundTruth.Episode> episodes, long seed,
                               JsonObject settings, String scenario) {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec(scenario, "test.json", settings), seed, schema, rows.size())
                .groundTruth(new GroundTruth(episodes));
        for (Row r : rows) {
            b.add(r.eventTime, r.eventTime + r.delay, r.kind % schema.kinds().size(), r.key, r.value,
                    schema.attr1() == null ? 0 : r.attrs.get(0),
                    schema.attr2() == null ? 0 : r.attrs.get(1),
                    schema.attr3() == null ? 0 : r.attrs.get(2),
                    r.label % schema.labels().size());
        }
        return b.build();
    }

    /** Spec settings with strings, whole and fractional numbers, booleans, null, nesting and arrays. */
    public static Arbitrary<JsonObject> specs() {
        Arbitrary<JsonElement> leaves = Arbitraries.oneOf(
                names().map(JsonPrimitive::new),
                Arbitraries.longs().map(JsonPrimitive::new),
                values().map(JsonPrimitive::new),
                Arbitraries.of(true, false).map(JsonPrimitive::new),
                Arbitraries.just(JsonNull.INSTANCE));
        Arbitrary<JsonElement> arrays = leaves.list().ofMaxSize(3).map(l -> {
            JsonArray a = new JsonArray();
            l.forEach(a::add);
            return a;
        });
        Arbitrary<JsonElement> values = Arbitraries.frequencyOf(
                Tuple.of(4, leaves), Tuple.of(1, arrays));
        Arbitrary<JsonObject> flat = Combinators.combine(names().list().ofMaxSize(4).uniqueElements(), values.list().ofSize(4))
                .as((n, v) -> object(n, new ArrayList<>(v)));
        return Combinators.combine(flat, flat).as((outer, inner) -> {
            JsonObject o = outer.deepCopy();
            o.add("nested", inner);
            o.addProperty("duration", "10s");
            return o;
        });
    }

    private static JsonObject object(List<String> names, List<JsonElement> values) {
        JsonObject o = new JsonObject();
        for (int i = 0; i < names.size(); i++) {
            o.add(names.get(i), values.get(i));
        }
        return o;
    }

    /** Every column, the spec, seed, schema and ground truth of two traces are equal (doubles bit for bit). */
    public static void assertSameTrace(Trace actual, Trace expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.seed()).isEqualTo(expected.seed());
        assertThat(actual.schema()).isEqualTo(expected.schema());
        assertThat(actual.groundTruth()).isEqualTo(expected.groundTruth());
        assertThat(actual.spec().scenario()).isEqualTo(expected.spec().scenario());
        assertThat(actual.spec().settings()).isEqualTo(expected.spec().settings());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.eventTime(i)).as("eventTime %d", i).isEqualTo(expected.eventTime(i));
            assertThat(actual.arrivalTime(i)).as("arrivalTime %d", i).isEqualTo(expected.arrivalTime(i));
            assertThat(actual.kind(i)).as("kind %d", i).isEqualTo(expected.kind(i));
            assertThat(actual.key(i)).as("key %d", i).isEqualTo(expected.key(i));
            assertThat(Double.doubleToRawLongBits(actual.value(i))).as("value %d: %s vs %s", i, actual.value(i),
                    expected.value(i)).isEqualTo(Double.doubleToRawLongBits(expected.value(i)));
            assertThat(actual.attr1(i)).as("attr1 %d", i).isEqualTo(expected.attr1(i));
            assertThat(actual.attr2(i)).as("attr2 %d", i).isEqualTo(expected.attr2(i));
            assertThat(actual.attr3(i)).as("attr3 %d", i).isEqualTo(expected.attr3(i));
            assertThat(actual.label(i)).as("label %d", i).isEqualTo(expected.label(i));
        }
    }
}
