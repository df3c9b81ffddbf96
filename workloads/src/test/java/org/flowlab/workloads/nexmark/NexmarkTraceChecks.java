package org.flowlab.workloads.nexmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadSpec;

/** Specs and checks shared by the Nexmark tests: the rules every Nexmark trace must keep. */
final class NexmarkTraceChecks {
    private NexmarkTraceChecks() {
    }

    /** The defaults with {@code overrides} (a JSON object) merged in, errors naming the defaults file. */
    static WorkloadSpec spec(String overrides) {
        return WorkloadSpec.defaults("nexmark")
                .merge("scenarios/nexmark.json", WorkloadSpec.parseObject("test", overrides));
    }

    /**
     * Positions of the trace sorted by event time. Event times strictly increase with the event
     * number, so position {@code m} of the result holds event number {@code m}.
     */
    static int[] eventOrder(Trace t) {
        long[] packed = new long[t.size()];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = t.eventTime(i);
        }
        Integer[] boxed = new Integer[t.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, Comparator.comparingLong(i -> packed[i]));
        int[] order = new int[boxed.length];
        for (int m = 0; m < order.length; m++) {
            order[m] = boxed[m];
            check(m == 0 || packed[order[m]] > packed[order[m - 1]], "event times are distinct: event %d", m);
        }
        return order;
    }

    /**
     * Asserts the generator's documented rules: kinds and ids by event number, the timeline, and
     * which people and auctions each event may name. Plain checks rather than AssertJ in the loop,
     * so that properties over many traces stay fast.
     */
    static void assertNexmarkRules(Trace t, NexmarkSettings s) {
        EventNumbering numbering = s.numbering();
        EventTimeline timeline = NexmarkScenario.timeline(s, spec("{}").reader());
        long expected = timeline.countBefore(s.duration());
        if (s.maxEvents() > 0) {
            expected = Math.min(expected, s.maxEvents());
        }
        assertThat((long) t.size()).as("events before the duration").isEqualTo(expected);
        for (int i = 1; i < t.size(); i++) {
            check(t.arrivalTime(i) >= t.arrivalTime(i - 1), "sorted by arrival at %d", i);
        }
        int[] order = eventOrder(t);
        for (int m = 0; m < order.length; m++) {
            int i = order[m];
            check(t.eventTime(i) == timeline.eventTime(m), "event time of event %d", m);
            check(t.eventTime(i) >= 0 && t.eventTime(i) < s.duration(), "event %d within the duration", m);
            check(t.arrivalTime(i) >= t.eventTime(i), "event %d arrives after it happens", m);
            check(t.kind(i) == numbering.kindOf(m), "kind of event %d", m);
            long lastPerson = numbering.lastPersonId(m);
            long lastAuction = numbering.lastAuctionId(m);
            switch (t.kind(i)) {
                case NexmarkScenario.PERSON -> {
                    check(t.key(i) == NexmarkScenario.FIRST_PERSON_ID + lastPerson, "id of person at event %d", m);
                    check(t.attr1(i) >= 0 && t.attr1(i) < NexmarkScenario.US_STATES.size(), "state at event %d", m);
                    check(t.attr2(i) >= 0 && t.attr2(i) < NexmarkScenario.US_CITIES.size(), "city at event %d", m);
                    check(t.value(i) == 0, "person value at event %d", m);
                }
                case NexmarkScenario.AUCTION -> {
                    check(t.key(i) == NexmarkScenario.FIRST_AUCTION_ID + lastAuction, "id of auction at event %d", m);
                    long seller = t.attr1(i) - NexmarkScenario.FIRST_PERSON_ID;
                    check(seller == hot(lastPerson) || isActivePerson(seller, lastPerson, s),
                            "seller %d of auction at event %d (newest person %d)", seller, m, lastPerson);
                    check(t.attr2(i) >= NexmarkScenario.FIRST_CATEGORY_ID
                            && t.attr2(i) < NexmarkScenario.FIRST_CATEGORY_ID + NexmarkScenario.CATEGORIES,
                            "category at event %d", m);
                    check(t.attr3(i) > t.eventTime(i), "auction at event %d expires after it opens", m);
                    check(t.value(i) >= 200 && t.value(i) <= 2e8 && t.value(i) == Math.rint(t.value(i)),
                            "reserve in whole cents at event %d", m);
                }
                default -> {
                    long auction = t.key(i) - NexmarkScenario.FIRST_AUCTION_ID;
                    boolean inFlight = auction >= Math.max(lastAuction - s.numInFlightAuctions(), 0)
                            && auction <= lastAuction + s.auctionIdLead();
                    check(auction == hot(lastAuction) || inFlight,
                            "auction %d of bid at event %d (newest auction %d)", auction, m, lastAuction);
                    long bidder = t.attr1(i) - NexmarkScenario.FIRST_PERSON_ID;
                    long hotBidder = Math.min(hot(lastPerson) + 1, lastPerson + s.personIdLead());
                    check(bidder == hotBidder || isActivePerson(bidder, lastPerson, s),
                            "bidder %d of bid at event %d (newest person %d)", bidder, m, lastPerson);
                    check(t.value(i) >= 100 && t.value(i) <= 1e8 && t.value(i) == Math.rint(t.value(i)),
                            "price in whole cents at event %d", m);
                }
            }
        }
    }

    private static void check(boolean ok, String what, Object... args) {
        if (!ok) {
            throw new AssertionError("violated: " + String.format(what, args));
        }
    }

    /** The first id of the newest run of {@link NexmarkScenario#HOT_ID_STRIDE} ids. */
    static long hot(long newest) {
        return (newest / NexmarkScenario.HOT_ID_STRIDE) * NexmarkScenario.HOT_ID_STRIDE;
    }

    /** Whether a base-0 person id is one of the newest numActivePeople, or within the lead beyond them. */
    static boolean isActivePerson(long person, long lastPerson, NexmarkSettings s) {
        long people = lastPerson + 1;
        return person >= people - Math.min(people, s.numActivePeople()) && person <= lastPerson + s.personIdLead();
    }
}
