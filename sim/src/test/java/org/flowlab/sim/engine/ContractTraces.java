package org.flowlab.sim.engine;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/**
 * Small random traces in Nexmark's three kinds: events a random gap apart, most delayed by at most
 * {@link #ORDERLY_DELAY}, and in some traces a few delayed much more (late for a stream whose
 * watermark trails by {@code ORDERLY_DELAY}); and traces built so that every engine surely counts
 * some records late ({@link #withLateBids}).
 */
public final class ContractTraces {
    public static final int PERSON = 0;
    public static final int AUCTION = 1;
    public static final int BID = 2;
    public static final long MS = 1_000_000L;
    /** The most an orderly event is delayed. */
    public static final long ORDERLY_DELAY = 1_500 * MS;
    /** How far the late bids of {@link #withLateBids} are delayed: twenty times {@link #ORDERLY_DELAY}. */
    public static final long LATE_BID_DELAY = 30_000 * MS;
    /** The steady tail of {@link #withLateBids}: an event every {@code TAIL_GAP} for {@code TAIL_EVENTS} events (40 s). */
    static final long TAIL_GAP = 250 * MS;
    static final int TAIL_EVENTS = 160;
    /** Which events of the tail are late bids: early in it, so that 30 s of orderly events follow them. */
    static final Set<Integer> LATE_IN_TAIL = Set.of(4, 9, 13);

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

    private static Arbitrary<Happening> happening() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 400).map(ms -> ms * MS),
                Arbitraries.longs().between(0, ORDERLY_DELAY / MS).map(ms -> ms * MS),
                Arbitraries.integers().between(0, 99).map(p -> p < 10),
                Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 11),
                Arbitraries.integers().between(-10, 400).map(c -> c / 4.0),
                Arbitraries.longs().between(0, 6)
        ).as(Happening::new);
    }

    /** Traces of 20 to 60 events, for {@code @ForAll(supplier = ContractTraces.UpToSixty.class)}. */
    public static final class UpToSixty implements ArbitrarySupplier<Trace> {
        @Override
        public Arbitrary<Trace> get() {
            return traces(60);
        }
    }

    /** Traces of 20 to {@code maxEvents} events; about half have some very late events. */
    public static Arbitrary<Trace> traces(int maxEvents) {
        Arbitrary<Happening> one = happening();
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

    /**
     * Traces built to hold records every engine of the contract counts late: an orderly random
     * prefix of up to {@code maxPrefix} events, then a steady tail of 160 orderly events 250 ms
     * apart (40 s) in which three bids are delayed by {@link #LATE_BID_DELAY}. By the time such a bid
     * arrives, the tail's orderly events have moved every engine's watermark (event-time or
     * arrival-based, trailing by {@code ORDERLY_DELAY}) some 25 s past its time, beyond every window
     * of the contract's jobs (at most 6 s long, sessions 3 s), even with a fault plan delaying the
     * runs by several seconds. Bids, because some jobs read bids only.
     */
    public static Arbitrary<Trace> withLateBids(int maxPrefix) {
        Arbitrary<List<Happening>> prefix = happening().list().ofMaxSize(maxPrefix);
        Arbitrary<List<Happening>> tail = happening().list().ofSize(TAIL_EVENTS);
        return Combinators.combine(prefix, tail).as((before, steady) -> {
            TraceBuilder b = builder();
            long t = 0;
            for (Happening h : before) {
                t += h.gap();
                b.add(t, t + h.delay(), h.kind(), h.key(), h.value(), h.attr1(), 0, 0, 0);
            }
            for (int i = 0; i < steady.size(); i++) {
                Happening h = steady.get(i);
                t += TAIL_GAP;
                boolean late = LATE_IN_TAIL.contains(i);
                b.add(t, t + (late ? LATE_BID_DELAY : h.delay()), late ? BID : h.kind(), h.key(), h.value(), h.attr1(), 0, 0, 0);
            }
            return b.build();
        });
    }
}
