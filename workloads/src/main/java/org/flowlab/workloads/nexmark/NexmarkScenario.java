package org.flowlab.workloads.nexmark;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.text.RateText;

/**
 * The Nexmark auction benchmark's event stream — people register, auctions open, bids arrive —
 * generated as Apache Beam's {@code sdks/java/testing/nexmark} generator does, on one timeline.
 *
 * <p>Event number {@code m} (0, 1, 2 …) decides the kind ({@link EventNumbering}), the id of the
 * person or auction it creates and its event time ({@link EventTimeline}); the seed decides the
 * rest: states, cities, sellers, categories, prices, auction lengths, which auction a bid goes to
 * and by whom, and the disorder. Virtual time 0 is the spec's {@code baseTime}.
 *
 * <p>Columns: see {@link #SCHEMA} and the package documentation. People, auctions and bids never
 * name a person who does not exist yet unless {@code personIdLead > 0}; a bid names either the hot
 * auction or one of the newest {@code numInFlightAuctions} auctions, or one up to
 * {@code auctionIdLead} ids beyond the newest (so some bids precede their auction, as in Beam).
 *
 * <p>Disorder: Beam emits each group of {@code outOfOrderGroupSize} events in a pseudo-random
 * order. Here the group's events keep their event times and the group is emitted in a seeded
 * shuffled order, its j-th emission at the event time of the event numbered {@code size - 1 + j}
 * after the group's first: never before an event happens, groups one after another. Besides, each
 * event is held back with probability {@code probDelayedEvent} by a uniform extra delay in
 * (0, occasionalDelay], as Beam's
 * unbounded source does.
 */
public final class NexmarkScenario {
    /** Kind indices of the trace. */
    public static final int PERSON = 0;
    public static final int AUCTION = 1;
    public static final int BID = 2;

    /** Beam starts ids here so that its queries find matches even in small data sets. */
    public static final long FIRST_PERSON_ID = 1000;
    public static final long FIRST_AUCTION_ID = 1000;
    public static final long FIRST_CATEGORY_ID = 10;
    /** Categories are {@code FIRST_CATEGORY_ID} to {@code FIRST_CATEGORY_ID + CATEGORIES - 1}. */
    public static final int CATEGORIES = 5;

    /** A person's {@code attr1} indexes this list (Beam's generator uses these six). */
    public static final List<String> US_STATES = List.of("AZ", "CA", "ID", "OR", "WA", "WY");
    /** A person's {@code attr2} indexes this list (drawn independently of the state, as in Beam). */
    public static final List<String> US_CITIES = List.of("Phoenix", "Los Angeles", "San Francisco",
            "Boise", "Portland", "Bend", "Redmond", "Seattle", "Kent", "Cheyenne");

    /** Hot auctions and people are the first (hot bidders: the second) of each run of this many ids. */
    public static final int HOT_ID_STRIDE = 100;

    /**
     * Column names; each names the column for every kind that uses it, in kind order, separated by
     * {@code |}. Prices are in cents, times in virtual nanoseconds.
     */
    public static final TraceSchema SCHEMA = new TraceSchema(
            List.of("person", "auction", "bid"),
            "person.id|auction.id|bid.auction",
            "auction.reserve_cents|bid.price_cents",
            "person.state|auction.seller|bid.bidder",
            "person.city|auction.category",
            "auction.expires_ns",
            List.of("none"));

    private NexmarkScenario() {
    }

    /**
     * {@link #SCHEMA} read as Nexmark's three SQL tables, named and typed as in the benchmark's Flink SQL
     * definitions (the columns this generator has; prices in cents as BIGINT), virtual time 0 at {@code baseTime}:
     * {@code person(id, city, state, dateTime)}, {@code auction(id, reserve, dateTime, expires, seller, category)}
     * and {@code bid(auction, bidder, price, dateTime)}.
     */
    public static TraceSchema schema(Instant baseTime) {
        TraceColumn dateTime = TraceColumn.of("dateTime", SqlType.TIMESTAMP, TraceField.EVENT_TIME);
        TraceTable person = new TraceTable("person", List.of("person"), List.of(
                TraceColumn.of("id", SqlType.BIGINT, TraceField.KEY),
                TraceColumn.strings("city", TraceField.ATTR2, US_CITIES),
                TraceColumn.strings("state", TraceField.ATTR1, US_STATES),
                dateTime), "dateTime");
        TraceTable auction = new TraceTable("auction", List.of("auction"), List.of(
                TraceColumn.of("id", SqlType.BIGINT, TraceField.KEY),
                TraceColumn.of("reserve", SqlType.BIGINT, TraceField.VALUE),
                dateTime,
                TraceColumn.of("expires", SqlType.TIMESTAMP, TraceField.ATTR3),
                TraceColumn.of("seller", SqlType.BIGINT, TraceField.ATTR1),
                TraceColumn.of("category", SqlType.BIGINT, TraceField.ATTR2)), "dateTime");
        TraceTable bid = new TraceTable("bid", List.of("bid"), List.of(
                TraceColumn.of("auction", SqlType.BIGINT, TraceField.KEY),
                TraceColumn.of("bidder", SqlType.BIGINT, TraceField.ATTR1),
                TraceColumn.of("price", SqlType.BIGINT, TraceField.VALUE),
                dateTime), "dateTime");
        return SCHEMA.withTables(new TraceTables(baseTime.toEpochMilli(), List.of(bid, auction, person)));
    }

    /** The trace of a {@code nexmark} spec; a pure function of {@code spec} and the streams. */
    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        NexmarkSettings s = NexmarkSettings.from(spec);
        EventTimeline timeline = timeline(s, spec.reader());
        int count = eventCount(s, timeline, spec.reader());
        return new Run(s, timeline, streams).trace(spec, seed, count);
    }

    /** The instant that virtual time 0 stands for in traces of {@code spec}. */
    public static Instant baseTime(WorkloadSpec spec) {
        return NexmarkSettings.from(spec).baseTime();
    }

    /** The event timeline of the settings; a rate or period it cannot keep is a user error. */
    static EventTimeline timeline(NexmarkSettings s, SpecReader reader) {
        double[] rates = s.stepRates();
        double fastest = Arrays.stream(rates).max().orElse(0);
        if (fastest > EventTimeline.MAX_RATE) {
            // Every step scales with the mean rate, so the highest mean rate allowed follows from the fastest step.
            throw reader.error("rate", String.format(Locale.ROOT,
                    "must keep every step of the rate shape at most 1e9/s, one event per nanosecond (a step would run at "
                            + "%.4g/s); with the %s shape the rate may be at most %s/s",
                    fastest, s.rateShape().jsonName(), new BigDecimal(s.rate() * EventTimeline.MAX_RATE / fastest)
                            .round(new MathContext(4, RoundingMode.FLOOR)).stripTrailingZeros().toPlainString()));
        }
        if (rates.length > 1 && s.stepLength() < 1) {
            throw reader.error("ratePeriod", "must be at least " + rates.length + "ns, 1 ns for each step of the "
                    + s.rateShape().jsonName() + " shape (got " + s.ratePeriod() + "ns)");
        }
        if (rates.length > 1) {
            // Each step starts with an event (as in Beam): a step meant to hold less than one would run faster than asked.
            double slowest = Arrays.stream(rates).min().orElseThrow();
            double eventsInSlowestStep = slowest * s.stepLength() / DurationText.NANOS_PER_SECOND;
            if (eventsInSlowestStep < 1 - 1e-9) { // (a step that holds 0.9999999 events holds one)
                throw reader.error("rate", String.format(Locale.ROOT, "%s is too low for the %s rate shape of period %s: each of its %d steps"
                                + " starts with an event, and the slowest would hold %.3g; it keeps rates from %s/s"
                                + " (or make the shape constant: equal firstEventRate and nextEventRate)",
                        RateText.format(s.rate()), s.rateShape().jsonName(), DurationText.format(s.ratePeriod()), rates.length,
                        eventsInSlowestStep, leastRate(s.rate(), eventsInSlowestStep).toPlainString()));
            }
        }
        return new EventTimeline(rates, s.stepLength());
    }

    /**
     * The least rate per second, three significant digits rounded up (written as {@code --rate} reads it), at which every step of the shape holds
     * an event, when {@code rate} gives the slowest step {@code eventsInSlowestStep} of them.
     */
    static BigDecimal leastRate(double rate, double eventsInSlowestStep) {
        return new BigDecimal(rate / eventsInSlowestStep).round(new MathContext(3, RoundingMode.CEILING)).stripTrailingZeros();
    }

    private static int eventCount(NexmarkSettings s, EventTimeline timeline, SpecReader reader) {
        long count = timeline.countBefore(s.duration());
        if (s.maxEvents() > 0) {
            count = Math.min(count, s.maxEvents());
        }
        if (count > NexmarkSettings.MAX_EVENTS) {
            throw reader.error(List.of("duration", "rate"), String.format(Locale.ROOT,
                    "at this rate gives %,d events, more than a trace holds (%,d); shorten duration, lower rate or set maxEvents",
                    count, NexmarkSettings.MAX_EVENTS));
        }
        return (int) count;
    }

    /** One generation: the settings, the timeline and the named random streams it draws from. */
    private static final class Run {
        private final NexmarkSettings s;
        private final EventTimeline timeline;
        private final EventNumbering numbering;
        private final RandomGenerator people;
        private final RandomGenerator auctions;
        private final RandomGenerator bids;
        private final RandomGenerator order;
        private final RandomGenerator delays;
        /** Events ahead of an auction's own number by which Beam's auto auction length is measured. */
        private final long auctionHorizonEvents;

        Run(NexmarkSettings s, EventTimeline timeline, RandomStreams streams) {
            this.s = s;
            this.timeline = timeline;
            this.numbering = s.numbering();
            this.people = streams.stream("nexmark.person");
            this.auctions = streams.stream("nexmark.auction");
            this.bids = streams.stream("nexmark.bid");
            this.order = streams.stream("nexmark.order");
            this.delays = streams.stream("nexmark.delay");
            this.auctionHorizonEvents = (long) s.numInFlightAuctions() * numbering.blockSize() / numbering.auction();
        }

        Trace trace(WorkloadSpec spec, long seed, int count) {
            TraceBuilder out = new TraceBuilder(spec, seed, schema(s.baseTime()), count);
            int group = s.outOfOrderGroupSize();
            int[] rank = new int[group];
            for (long base = 0; base < count; base += group) {
                int size = (int) Math.min(group, count - base);
                // Only whole groups are shuffled; the last, partial one keeps its order.
                boolean shuffled = size == group && group > 1;
                if (shuffled) {
                    shuffle(rank);
                }
                for (int k = 0; k < size; k++) {
                    long m = base + k;
                    // Slot j of a group is emitted when event number base + (group - 1) + j happens:
                    // after the group's last event, and before the next group's first slot.
                    long slot = shuffled ? rank[k] : k;
                    long arrival = timeline.eventTime(base + group - 1 + slot);
                    add(out, m, timeline.eventTime(m), arrival + occasionalDelay());
                }
            }
            return out.build();
        }

        private void add(TraceBuilder out, long m, long eventTime, long arrival) {
            switch (numbering.kindOf(m)) {
                case PERSON -> {
                    long id = FIRST_PERSON_ID + numbering.lastPersonId(m);
                    int state = people.nextInt(US_STATES.size());
                    int city = people.nextInt(US_CITIES.size());
                    out.add(eventTime, arrival, PERSON, id, 0, state, city, 0, 0);
                }
                case AUCTION -> {
                    long id = FIRST_AUCTION_ID + numbering.lastAuctionId(m);
                    long lastPerson = numbering.lastPersonId(m);
                    long seller = auctions.nextInt(s.hotSellersRatio()) > 0
                            ? (lastPerson / HOT_ID_STRIDE) * HOT_ID_STRIDE
                            : coldPerson(lastPerson, auctions);
                    long category = FIRST_CATEGORY_ID + auctions.nextInt(CATEGORIES);
                    long initialBid = price(auctions);
                    long reserve = initialBid + price(auctions);
                    long expires = eventTime + Math.min(auctionLength(m, eventTime), Long.MAX_VALUE - eventTime);
                    out.add(eventTime, arrival, AUCTION, id, reserve, FIRST_PERSON_ID + seller, category, expires, 0);
                }
                default -> {
                    long lastAuction = numbering.lastAuctionId(m);
                    long auction;
                    if (bids.nextInt(s.hotAuctionRatio()) > 0) {
                        auction = (lastAuction / HOT_ID_STRIDE) * HOT_ID_STRIDE;
                    } else {
                        long first = Math.max(lastAuction - s.numInFlightAuctions(), 0);
                        auction = first + bids.nextInt((int) (lastAuction - first + 1 + s.auctionIdLead()));
                    }
                    long lastPerson = numbering.lastPersonId(m);
                    long bidder = bids.nextInt(s.hotBiddersRatio()) > 0
                            ? hotBidder(lastPerson)
                            : coldPerson(lastPerson, bids);
                    long price = price(bids);
                    out.add(eventTime, arrival, BID, FIRST_AUCTION_ID + auction, price, FIRST_PERSON_ID + bidder, 0, 0, 0);
                }
            }
        }

        /**
         * The second person of the newest run of {@link #HOT_ID_STRIDE} ids, so hot bidders and hot
         * sellers differ; while that person does not exist yet (and the lead does not allow it), the
         * newest person.
         */
        private long hotBidder(long lastPerson) {
            return Math.min((lastPerson / HOT_ID_STRIDE) * HOT_ID_STRIDE + 1, lastPerson + s.personIdLead());
        }

        /** One of the newest {@code numActivePeople} people, or up to {@code personIdLead} beyond them (base 0). */
        private long coldPerson(long lastPerson, RandomGenerator rng) {
            long people = lastPerson + 1;
            long active = Math.min(people, s.numActivePeople());
            return people - active + rng.nextInt((int) (active + s.personIdLead()));
        }

        /**
         * Uniform in [1, 2L], mean about L: L is the given average, or (auto, as Beam) the event time
         * until {@code numInFlightAuctions} more auctions will have been created.
         */
        private long auctionLength(long m, long eventTime) {
            long mean = s.autoAuctionLength()
                    ? timeline.eventTime(m + auctionHorizonEvents) - eventTime
                    : s.avgAuctionLength();
            double bound = Math.max(2.0 * mean, 1.0);
            return 1 + Math.min((long) bound - 1, (long) (auctions.nextDouble() * bound));
        }

        /** The extra delay of an occasionally held-back event, else 0. */
        private long occasionalDelay() {
            if (s.probDelayedEvent() == 0 || s.occasionalDelay() == 0 || delays.nextDouble() >= s.probDelayedEvent()) {
                return 0;
            }
            return 1 + Math.min(s.occasionalDelay() - 1, (long) (delays.nextDouble() * s.occasionalDelay()));
        }

        /** Fisher–Yates: {@code rank[k]} becomes the emission slot of the group's k-th event. */
        private void shuffle(int[] rank) {
            for (int i = 0; i < rank.length; i++) {
                rank[i] = i;
            }
            for (int i = rank.length - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                int t = rank[i];
                rank[i] = rank[j];
                rank[j] = t;
            }
        }

        /** Beam's price: log-uniform from $1 to $1,000,000, in cents. */
        private static long price(RandomGenerator rng) {
            return Math.round(Math.pow(10.0, rng.nextDouble() * 6.0) * 100.0);
        }
    }
}
