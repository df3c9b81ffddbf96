package org.flowlab.workloads.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.assertNexmarkRules;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.eventOrder;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.hot;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.spec;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.scenario.ScenarioCatalog;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.Test;

class NexmarkScenarioTest {
    private static final long SECOND = DurationText.NANOS_PER_SECOND;

    private static Trace generate(String overrides, long seed) {
        return WorkloadGenerator.generate(spec(overrides), seed);
    }

    @Test
    void theCatalogServesAModestDefaultTraceOnAFixedTimeBase() {
        assertThat(ScenarioCatalog.get("nexmark").summary()).contains("1 : 3 : 46");
        Trace t = WorkloadGenerator.generate("nexmark", 1);

        assertThat(t.size()).isBetween(100_000, 1_000_000);
        assertThat(t.schema()).isEqualTo(NexmarkScenario.schema(Instant.parse("2015-07-15T00:00:00Z")));
        assertThat(t.schema().tables().names()).containsExactly("bid", "auction", "person");
        assertThat(t.schema().tables().originMillis()).isEqualTo(Instant.parse("2015-07-15T00:00:00Z").toEpochMilli());
        assertThat(t.schema().labels()).containsExactly("none");
        assertThat(t.groundTruth().episodes()).isEmpty();
        assertThat(NexmarkScenario.baseTime(t.spec())).isEqualTo(Instant.parse("2015-07-15T00:00:00Z"));
        assertThat(t.spec().toJson()).contains("\"baseTime\":\"2015-07-15T00:00:00Z\"");
        assertNexmarkRules(t, NexmarkSettings.from(t.spec()));
    }

    @Test
    void everyBlockOf50EventsHasOnePersonThreeAuctionsAnd46Bids() {
        Trace t = WorkloadGenerator.generate("nexmark", 2);
        int[] order = eventOrder(t);
        int blocks = order.length / 50;
        for (int b = 0; b < blocks; b++) {
            int[] counts = new int[3];
            for (int m = 50 * b; m < 50 * b + 50; m++) {
                counts[t.kind(order[m])]++;
            }
            assertThat(counts).as("block %d", b).containsExactly(1, 3, 46);
        }
        assertThat(t.kind(order[0])).isEqualTo(NexmarkScenario.PERSON);
        assertThat(t.kind(order[1])).isEqualTo(NexmarkScenario.AUCTION);
        assertThat(t.kind(order[4])).isEqualTo(NexmarkScenario.BID);
    }

    @Test
    void theSameSeedGivesTheSameTraceAndAnotherSeedAnother() {
        Trace a = WorkloadGenerator.generate("nexmark", 7);
        Trace b = WorkloadGenerator.generate("nexmark", 7);
        Trace c = WorkloadGenerator.generate("nexmark", 8);

        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.event(i)).isEqualTo(b.event(i));
        }
        int differing = 0;
        for (int i = 0; i < Math.min(a.size(), c.size()); i++) {
            if (!a.event(i).equals(c.event(i))) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(a.size() / 2);
    }

    @Test
    void bidsNameTheHotAuctionOrAnInFlightOneAndSomeNameAnAuctionStillToCome() {
        Trace t = WorkloadGenerator.generate("nexmark", 3);
        NexmarkSettings s = NexmarkSettings.from(t.spec());
        assertNexmarkRules(t, s);

        int[] order = eventOrder(t);
        int ahead = 0;
        for (int m = 0; m < order.length; m++) {
            int i = order[m];
            if (t.kind(i) == NexmarkScenario.BID
                    && t.key(i) - NexmarkScenario.FIRST_AUCTION_ID > s.numbering().lastAuctionId(m)) {
                ahead++;
            }
        }
        // Cold bids (1 in 2) name one of 111 ids, 10 of them ahead: about 4.5 % of all bids.
        assertThat(ahead).isGreaterThan(1000);
    }

    @Test
    void withoutALeadEveryBidNamesAnAuctionThatOpenedBeforeIt() {
        Trace t = generate("{\"auctionIdLead\": 0, \"duration\": \"20s\"}", 4);
        Map<Long, Long> opened = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == NexmarkScenario.AUCTION) {
                opened.put(t.key(i), t.eventTime(i));
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == NexmarkScenario.BID) {
                assertThat(opened).containsKey(t.key(i));
                assertThat(opened.get(t.key(i))).isLessThan(t.eventTime(i));
            }
        }
    }

    @Test
    void sellersAndBiddersArePeopleWhoAlreadyExist() {
        Trace t = WorkloadGenerator.generate("nexmark", 5);
        int[] order = eventOrder(t);
        long highestPerson = -1;
        for (int i : order) {
            switch (t.kind(i)) {
                case NexmarkScenario.PERSON -> highestPerson = Math.max(highestPerson, t.key(i));
                case NexmarkScenario.AUCTION, NexmarkScenario.BID -> assertThat(t.attr1(i))
                        .isBetween(NexmarkScenario.FIRST_PERSON_ID, highestPerson);
                default -> throw new AssertionError("kind " + t.kind(i));
            }
        }
    }

    @Test
    void hotAuctionsSellersAndBiddersTakeTheShareTheirRatiosImply() {
        assertHotShares(WorkloadGenerator.generate("nexmark", 6), 2, 4, 4);
        assertHotShares(generate("{\"hotAuctionRatio\": 10, \"hotSellersRatio\": 1, \"hotBiddersRatio\": 2}", 6), 10, 1, 2);
    }

    /**
     * A hot pick happens with probability 1 - 1/ratio; a cold pick lands on the hot id by chance
     * with probability 1 / (choices), which is small but counted.
     */
    private static void assertHotShares(Trace t, int auctionRatio, int sellerRatio, int bidderRatio) {
        NexmarkSettings s = NexmarkSettings.from(t.spec());
        int[] order = eventOrder(t);
        long bids = 0;
        long hotAuction = 0;
        long hotBidder = 0;
        long auctions = 0;
        long hotSeller = 0;
        for (int m = 0; m < order.length; m++) {
            int i = order[m];
            long lastPerson = s.numbering().lastPersonId(m);
            if (lastPerson < s.numActivePeople()) {
                continue; // until enough people exist, cold picks hit the hot person too often to count
            }
            if (t.kind(i) == NexmarkScenario.BID) {
                bids++;
                long auction = t.key(i) - NexmarkScenario.FIRST_AUCTION_ID;
                hotAuction += auction == hot(s.numbering().lastAuctionId(m)) ? 1 : 0;
                hotBidder += t.attr1(i) - NexmarkScenario.FIRST_PERSON_ID == Math.min(hot(lastPerson) + 1, lastPerson) ? 1 : 0;
            } else if (t.kind(i) == NexmarkScenario.AUCTION) {
                auctions++;
                hotSeller += t.attr1(i) - NexmarkScenario.FIRST_PERSON_ID == hot(lastPerson) ? 1 : 0;
            }
        }
        double inFlightChoices = s.numInFlightAuctions() + 1 + s.auctionIdLead();
        double auctionShare = 1 - 1.0 / auctionRatio + 1.0 / auctionRatio / inFlightChoices;
        double personShare = 1.0 / s.numActivePeople();
        assertThat(hotAuction / (double) bids).isCloseTo(auctionShare, within(0.01));
        assertThat(hotBidder / (double) bids).isCloseTo(1 - 1.0 / bidderRatio + personShare / bidderRatio, within(0.01));
        assertThat(hotSeller / (double) auctions).isCloseTo(1 - 1.0 / sellerRatio + personShare / sellerRatio, within(0.02));
    }

    @Test
    void theRateOverrideSetsTheNumberOfEvents() {
        WorkloadSpec sine = WorkloadSpec.defaults("nexmark").withRate(2000).withDuration(120 * SECOND);
        assertThat((double) WorkloadGenerator.generate(sine, 1).size()).isCloseTo(240_000, within(240.0));

        WorkloadSpec constant = spec("{\"firstEventRate\": \"1/s\", \"nextEventRate\": \"1/s\", \"duration\": \"10s\"}")
                .withRate(3000);
        assertThat(WorkloadGenerator.generate(constant, 1).size()).isEqualTo(30_000);
    }

    @Test
    void aSquareShapeAlternatesTheFirstAndNextRatesScaledToTheMean() {
        Trace t = generate("{\"rateShape\": \"square\", \"firstEventRate\": \"3/s\", \"nextEventRate\": \"1/s\","
                + " \"ratePeriod\": \"10s\", \"duration\": \"20s\", \"rate\": \"2000/s\"}", 1);
        long[] perHalfPeriod = new long[4];
        for (int i = 0; i < t.size(); i++) {
            perHalfPeriod[(int) (t.eventTime(i) / (5 * SECOND))]++;
        }
        assertThat(perHalfPeriod).containsExactly(15_000, 5_000, 15_000, 5_000);
    }

    @Test
    void withDisorderOffEventsArriveAsTheyHappen() {
        Trace t = generate("{\"outOfOrderGroupSize\": 1, \"probDelayedEvent\": 0, \"duration\": \"10s\"}", 1);
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.arrivalTime(i)).isEqualTo(t.eventTime(i));
            if (i > 0) {
                assertThat(t.eventTime(i)).isGreaterThan(t.eventTime(i - 1));
            }
        }
        Trace noDelayLength = generate("{\"probDelayedEvent\": 0.5, \"occasionalDelay\": \"0s\", \"duration\": \"5s\"}", 1);
        for (int i = 0; i < noDelayLength.size(); i++) {
            assertThat(noDelayLength.arrivalTime(i)).isEqualTo(noDelayLength.eventTime(i));
        }
    }

    @Test
    void outOfOrderGroupsArriveShuffledWithinTheirGroupAndNeverEarly() {
        Trace t = generate("{\"outOfOrderGroupSize\": 10, \"probDelayedEvent\": 0, \"duration\": \"10s\"}", 1);
        int[] order = eventOrder(t);
        int[] numberAt = new int[t.size()];
        for (int m = 0; m < order.length; m++) {
            numberAt[order[m]] = m;
        }
        int inversions = 0;
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.arrivalTime(i)).isGreaterThanOrEqualTo(t.eventTime(i));
            // Whole groups arrive one after another: the i-th arrival belongs to group i / 10.
            assertThat(numberAt[i] / 10).isEqualTo(i / 10);
            if (i > 0 && t.eventTime(i) < t.eventTime(i - 1)) {
                inversions++;
            }
        }
        assertThat(inversions).isGreaterThan(t.size() / 4);
    }

    @Test
    void occasionalDelaysHoldBackTheirShareByAtMostTheLength() {
        Trace t = generate("{\"probDelayedEvent\": 0.2, \"occasionalDelay\": \"2s\", \"duration\": \"20s\"}", 1);
        long delayed = 0;
        long late = 0;
        long maxEventTime = Long.MIN_VALUE;
        for (int i = 0; i < t.size(); i++) {
            long delay = t.arrivalTime(i) - t.eventTime(i);
            assertThat(delay).isBetween(0L, 2 * SECOND);
            delayed += delay > 0 ? 1 : 0;
            late += t.eventTime(i) < maxEventTime ? 1 : 0;
            maxEventTime = Math.max(maxEventTime, t.eventTime(i));
        }
        assertThat(delayed / (double) t.size()).isCloseTo(0.2, within(0.01));
        assertThat(late).isGreaterThan(t.size() / 10);
    }

    @Test
    void auctionsLastTheGivenMeanOrBeamsInFlightHorizon() {
        Trace fixed = generate("{\"avgAuctionLength\": \"5s\", \"duration\": \"20s\"}", 1);
        assertThat(meanAuctionLength(fixed)).isCloseTo(5.0 * SECOND, within(0.05 * 5 * SECOND));

        // Auto at a constant 10000/s: 100 auctions in flight take 100 × 50 / 3 events = 166.7 ms.
        Trace auto = generate("{\"firstEventRate\": \"1/s\", \"nextEventRate\": \"1/s\", \"duration\": \"20s\"}", 1);
        assertThat(meanAuctionLength(auto)).isCloseTo(0.1666 * SECOND, within(0.05 * 0.1666 * SECOND));
    }

    private static double meanAuctionLength(Trace t) {
        double total = 0;
        long auctions = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == NexmarkScenario.AUCTION) {
                assertThat(t.attr3(i)).isGreaterThan(t.eventTime(i));
                total += t.attr3(i) - t.eventTime(i);
                auctions++;
            }
        }
        return total / auctions;
    }

    @Test
    void maxEventsCapsTheTraceAtAPrefixOfTheStream() {
        Trace capped = generate("{\"maxEvents\": 1234, \"probDelayedEvent\": 0}", 9);
        Trace full = generate("{\"duration\": \"1s\", \"probDelayedEvent\": 0}", 9);
        assertThat(capped.size()).isEqualTo(1234);
        for (int i = 0; i < capped.size(); i++) {
            assertThat(capped.event(i)).isEqualTo(full.event(i));
        }
    }
}
