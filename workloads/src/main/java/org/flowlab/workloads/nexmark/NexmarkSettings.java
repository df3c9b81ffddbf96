package org.flowlab.workloads.nexmark;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * The validated knobs of the {@code nexmark} scenario (see {@code scenarios/nexmark.json} for
 * each one's meaning and default). Read them with {@link #from(WorkloadSpec)}; a bad value is an
 * {@link InvalidInputException} naming the spec's source and the field.
 *
 * @param duration            span of event time generated, nanoseconds
 * @param rate                mean total event rate, events per second
 * @param maxEvents           cap on the number of events, 0 for none
 * @param baseTime            the instant that virtual time 0 stands for
 * @param numbering           the person : auction : bid proportions
 * @param rateShape           square or sine
 * @param ratePeriod          nanoseconds of one full cycle of the rate shape
 * @param firstEventRate      the shape's first rate before scaling to {@code rate}, events per second
 * @param nextEventRate       the shape's next rate before scaling to {@code rate}, events per second
 * @param hotAuctionRatio     a bid goes to the hot auction with probability 1 - 1/ratio
 * @param hotSellersRatio     an auction is by the hot seller with probability 1 - 1/ratio
 * @param hotBiddersRatio     a bid is by the hot bidder with probability 1 - 1/ratio
 * @param numInFlightAuctions how many of the newest auctions a cold bid chooses from
 * @param numActivePeople     how many of the newest people a cold seller or bidder is chosen from
 * @param auctionIdLead       how many not-yet-created auction ids a cold bid may name
 * @param personIdLead        how many not-yet-created person ids a cold seller or bidder may name
 * @param avgAuctionLength    mean auction length in nanoseconds, or {@link #AUTO_AUCTION_LENGTH}
 * @param outOfOrderGroupSize events per group emitted in shuffled order; 1 keeps order
 * @param occasionalDelay     the longest occasional extra delay, nanoseconds; 0 for none
 * @param probDelayedEvent    probability that an event gets an occasional delay
 */
public record NexmarkSettings(long duration, double rate, long maxEvents, Instant baseTime,
                              EventNumbering numbering, RateShape rateShape, long ratePeriod,
                              double firstEventRate, double nextEventRate,
                              int hotAuctionRatio, int hotSellersRatio, int hotBiddersRatio,
                              int numInFlightAuctions, int numActivePeople,
                              int auctionIdLead, int personIdLead, long avgAuctionLength,
                              int outOfOrderGroupSize, long occasionalDelay, double probDelayedEvent) {

    /** {@link #avgAuctionLength()} when auctions last as long as Beam derives from the in-flight count. */
    public static final long AUTO_AUCTION_LENGTH = 0;

    /** The most events one trace may hold; beyond it the arrays would not fit a laptop's heap. */
    public static final long MAX_EVENTS = 100_000_000L;

    private static final List<String> FIELDS = List.of("scenario", "description", "duration", "rate",
            "maxEvents", "baseTime", "proportions", "rateShape", "ratePeriod", "firstEventRate",
            "nextEventRate", "hotAuctionRatio", "hotSellersRatio", "hotBiddersRatio",
            "numInFlightAuctions", "numActivePeople", "auctionIdLead", "personIdLead",
            "avgAuctionLength", "outOfOrderGroupSize", "occasionalDelay", "probDelayedEvent");

    /** Reads and validates the knobs of a {@code nexmark} spec. */
    public static NexmarkSettings from(WorkloadSpec spec) {
        SpecReader r = spec.reader().rejectUnknown(FIELDS);
        SpecReader proportions = r.object("proportions").rejectUnknown("person", "auction", "bid");
        EventNumbering numbering = new EventNumbering(
                (int) proportions.integer("person", 1, 1_000),
                (int) proportions.integer("auction", 1, 1_000),
                (int) proportions.integer("bid", 1, 1_000));
        return new NexmarkSettings(
                r.duration("duration"),
                r.rate("rate"),
                r.integer("maxEvents", 0, MAX_EVENTS),
                instant(r, "baseTime"),
                numbering,
                RateShape.fromJson(r.oneOf("rateShape", List.of("square", "sine"))),
                r.duration("ratePeriod"),
                r.rate("firstEventRate"),
                r.rate("nextEventRate"),
                (int) r.integer("hotAuctionRatio", 1, 1_000_000),
                (int) r.integer("hotSellersRatio", 1, 1_000_000),
                (int) r.integer("hotBiddersRatio", 1, 1_000_000),
                (int) r.integer("numInFlightAuctions", 1, 10_000_000),
                (int) r.integer("numActivePeople", 1, 10_000_000),
                (int) r.integer("auctionIdLead", 0, 1_000_000),
                (int) r.integer("personIdLead", 0, 1_000_000),
                auctionLength(r, "avgAuctionLength"),
                (int) r.integer("outOfOrderGroupSize", 1, 1_000_000),
                r.durationOrZero("occasionalDelay"),
                r.probability("probDelayedEvent"));
    }

    /** Whether auctions last as long as Beam derives from {@link #numInFlightAuctions()}. */
    public boolean autoAuctionLength() {
        return avgAuctionLength == AUTO_AUCTION_LENGTH;
    }

    /**
     * The rate of each step of the shape, events per second: the shape of the first and next
     * rates, scaled so that their mean is {@link #rate()} (which the command line's {@code --rate}
     * sets).
     */
    public double[] stepRates() {
        double scale = rate / ((firstEventRate + nextEventRate) / 2);
        return rateShape.stepRates(firstEventRate * scale, nextEventRate * scale);
    }

    /** The length of one step of the rate shape, nanoseconds. */
    public long stepLength() {
        return ratePeriod / stepRates().length;
    }

    private static Instant instant(SpecReader r, String field) {
        String text = r.string(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw r.error(field, "must be an ISO-8601 instant such as 2015-07-15T00:00:00Z (got \"" + text + "\")");
        }
    }

    private static long auctionLength(SpecReader r, String field) {
        String text = r.string(field);
        if (text.equals("auto")) {
            return AUTO_AUCTION_LENGTH;
        }
        long nanos;
        try {
            nanos = DurationText.parse(text);
        } catch (DurationText.TooLongException e) {
            throw r.error(field, "must be \"auto\" or a positive duration " + DurationText.LONGEST + " (got \"" + text + "\")");
        } catch (IllegalArgumentException e) {
            nanos = -1;
        }
        if (nanos <= 0) {
            throw r.error(field, "must be \"auto\" or a positive duration such as 500ms, 10s or 5m (got \"" + text + "\")");
        }
        return nanos;
    }
}
