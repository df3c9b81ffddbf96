package org.flowlab.sim.engine;

import com.google.gson.JsonObject;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Small random traces in Nexmark's three kinds: events a random gap apart, most delayed by at most
 * {@link #ORDERLY_DELAY}, and in some traces a few delayed much more (late for a stream whose
 * watermark trails by {@code ORDERLY_DELAY}).
 */
public final class ContractTraces {
    public static final int PERSON = 0;
    public static final int AUCTION = 1;
    public static final int BID = 2;
    public static final long MS = 1_000_000L;
    /** The most an orderly event is delayed. */
    public static final long ORDERLY_DELAY = 1_500 * MS;

    static final TraceSchema SCHEMA = new TraceSchema(List.of("person", "auction", "bid"),
            "id", "price", "attr1", "attr2", "attr3", List.of("none"));

    private ContractTraces() {
    }

    public static TraceBuilder builder() {
        return new TraceBuilder(new WorkloadSpec("contract", "contract traces", new JsonObject()), 1, SCHEMA);
    }

    /** One event: the gap to the previous one, its delay, and its fields. */
    record Happening(long gap, long delay, boolean veryLate, int kind, long key, double value, long attr1) {
    }

    /** Traces of 20 to {@code maxEvents} events; about half have some very late events. */
    public static Arbitrary<Trace> traces(int maxEvents) {
        Arbitrary<Happening> one = Combinators.combine(
                Arbitraries.longs().between(0, 400).map(ms -> ms * MS),
                Arbitraries.longs().between(0, ORDERLY_DELAY / MS).map(ms -> ms * MS),
                Arbitraries.integers().between(0, 99).map(p -> p < 10),
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 11),
                Arbitraries.integers().between(-10, 400).map(c -> c / 4.0),
                Arbitraries.longs().between(0, 6)
        ).as(Happening::new);
        Arbitrary<Boolean> disorderly = Arbitraries.integers().between(0, 1).map(x -> x == 0);
        Arbitrary<Long> lateDelay = Arbitraries.longs().between(5_000, 15_000).map(ms -> ms * MS);
        return Combinators.combine(one.list().ofMinSize(Math.min(20, maxEvents)).ofMaxSize(maxEvents), disorderly, lateDelay)
                .as((events, messy, late) -> {
                    TraceBuilder b = builder();
                    long t = 0;
                    for (Happening h : events) {
                        t += h.gap();
                        long delay = messy && h.veryLate() ? late : h.delay();
                        b.add(t, t + delay, h.kind(), h.key(), h.value(), h.attr1(), 0, 0, 0);
                    }
                    return b.build();
                });
    }
}
