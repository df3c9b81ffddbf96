package org.flowlab.workloads.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.arrival.ArrivalBound;
import org.flowlab.workloads.arrival.ArrivalClock;
import org.flowlab.workloads.arrival.ArrivalProcess;
import org.flowlab.workloads.arrival.PoissonArrivals;
import org.flowlab.workloads.disorder.DelaySampler;
import org.flowlab.workloads.disorder.Disorder;
import org.flowlab.workloads.keys.KeyDistribution;
import org.flowlab.workloads.keys.KeySampler;
import org.flowlab.workloads.random.RandomStreams;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;
import org.flowlab.workloads.values.ValueDistribution;
import org.flowlab.workloads.values.ValueSampler;

/**
 * {@code card-fraud}: card transactions with injected fraud bursts, the stream-shaped use case
 * where detection latency is money. Every card has a home country where nearly all its
 * transactions happen. A fraud burst takes a card: a genuine purchase at home, then within
 * minutes a run of large purchases at random merchants in a foreign country.
 *
 * <p>Events: kind {@code purchase}; key = card; value = amount in currency units (log-normal,
 * rounded to cents); attr1 = country (an index, 0 the most common home country); attr2 =
 * merchant. Fraudulent purchases carry the label {@code fraud}; the ground truth has one
 * {@code fraud-burst} episode per burst on its card, from the first fraudulent purchase to just
 * after the last. The genuine purchase before each burst is not labelled.
 *
 * <p>{@code rate} counts every event, fraud included: ordinary purchases arrive at the rate minus
 * the expected rate of the bursts' events.
 */
public final class CardFraudScenario {

    /** The columns of a card-fraud trace. */
    public static final TraceSchema SCHEMA = new TraceSchema(List.of("purchase"), "card", "amount",
            "country", "merchant", null, List.of("none", "fraud"));

    /** The ground-truth kind of a burst. */
    public static final String FRAUD_BURST = "fraud-burst";

    private static final int FRAUD = 1;
    private static final double HOUR_SECONDS = DurationText.NANOS_PER_HOUR / (double) DurationText.NANOS_PER_SECOND;

    private CardFraudScenario() {
    }

    /** The knobs of the injected bursts. */
    private record Fraud(double burstsPerHour, int minTransactions, int maxTransactions, long burstLength,
                         long homeLead, ValueDistribution amount) {

        static Fraud fromJson(SpecReader r) {
            r.rejectUnknown("burstsPerHour", "minTransactions", "maxTransactions", "burstLength", "homeLead", "amount");
            double perHour = r.nonNegative("burstsPerHour");
            int min = r.positiveInt("minTransactions");
            int max = (int) r.integer("maxTransactions", min, 1000);
            return new Fraud(perHour, min, max, r.duration("burstLength"), r.duration("homeLead"),
                    ValueDistribution.fromJson(r.object("amount")));
        }

        /** Expected events per burst: the fraudulent purchases plus the genuine one before them. */
        double eventsPerBurst() {
            return (minTransactions + maxTransactions) / 2.0 + 1;
        }
    }

    public static Trace generate(WorkloadSpec spec, long seed, RandomStreams streams) {
        SpecReader r = spec.reader();
        CommonFields common = CommonFields.read(r, "arrival", "cards", "countries", "abroadFraction", "merchants",
                "amount", "fraud", "disorder");
        Fraud fraud = Fraud.fromJson(r.object("fraud"));
        double fraudRate = fraud.burstsPerHour() / HOUR_SECONDS * fraud.eventsPerBurst();
        double ordinaryRate = common.ratePerSecond() - fraudRate;
        if (ordinaryRate < common.ratePerSecond() / 2) {
            throw r.error(List.of("fraud.burstsPerHour", "rate"), String.format(Locale.ROOT,
                    "fraud bursts would make %.4g of the %.4g events/s of the rate; at most half may be fraud, so the rate "
                            + "must be at least %.4g/s (or the bursts fewer)",
                    fraudRate, common.ratePerSecond(), 2 * fraudRate));
        }
        ArrivalProcess arrival = ArrivalProcess.fromJson(r.object("arrival"), ordinaryRate);
        KeyDistribution cards = CommonFields.keysWithState(r, "cards");
        KeyDistribution countries = KeyDistribution.fromJson(r.object("countries"));
        if (countries.keyCount() < 2) {
            throw r.error("countries.n", "must be at least 2, so that a card can be used abroad (got "
                    + countries.keyCount() + ")");
        }
        double abroadFraction = r.probability("abroadFraction");
        KeyDistribution merchants = KeyDistribution.fromJson(r.object("merchants"));
        ValueDistribution amount = ValueDistribution.fromJson(r.object("amount"));
        Disorder disorder = Disorder.fromJson(r.object("disorder"));

        int countryCount = countries.keyCount();
        // A card's home country is fixed for the whole trace: drawn once per card, in key order.
        KeySampler homeOf = countries.sampler(streams.stream("home-countries"));
        int[] home = new int[cards.keyCount()];
        for (int c = 0; c < home.length; c++) {
            home[c] = (int) homeOf.next();
        }
        long end = common.durationNanos();
        long[] times = ArrivalBound.duration(0, end).times(arrival.clock(streams.stream("arrivals"), 0));
        KeySampler card = cards.sampler(streams.stream("cards"));
        KeySampler merchant = merchants.sampler(streams.stream("merchants"));
        ValueSampler amounts = amount.sampler(streams.stream("amounts"));
        RandomGenerator travel = streams.stream("abroad");
        DelaySampler delay = disorder.sampler(streams.stream("disorder"));

        TraceBuilder trace = new TraceBuilder(spec, seed, SCHEMA, common.expectedEvents() + 16);
        for (long t : times) {
            int c = (int) card.next();
            int country = home[c];
            if (travel.nextDouble() < abroadFraction) {
                country = otherCountry(travel, country, countryCount);
            }
            trace.add(t, t + delay.nextDelay(), 0, c, Math.max(0.01, CommonFields.cents(amounts.next())),
                    country, merchant.next(), 0, 0);
        }

        List<GroundTruth.Episode> episodes = new ArrayList<>();
        if (fraud.burstsPerHour() > 0) {
            // The bursts draw only from their own streams, so the same seed injects the same fraud
            // whatever the ordinary traffic is.
            RandomGenerator rng = streams.stream("fraud");
            ValueSampler fraudAmounts = fraud.amount().sampler(streams.stream("fraud-amounts"));
            ValueSampler homeAmounts = amount.sampler(streams.stream("fraud-home-amounts"));
            KeySampler homeMerchant = merchants.sampler(streams.stream("fraud-home-merchants"));
            DelaySampler fraudDelay = disorder.sampler(streams.stream("fraud-disorder"));
            ArrivalClock bursts = new PoissonArrivals(fraud.burstsPerHour() / HOUR_SECONDS).clock(streams.stream("fraud-bursts"), 0);
            // A card already taken over by a burst is not taken again until that burst and the next
            // one's lead-in are over: two bursts on one card would blur into one episode.
            java.util.Map<Integer, Long> takenUntil = new java.util.HashMap<>();
            for (long start = bursts.next(); start < end; start = bursts.next()) {
                int c = rng.nextInt(cards.keyCount());
                for (int redraw = 0; takenUntil.getOrDefault(c, Long.MIN_VALUE) > start - fraud.homeLead() - 1
                        && redraw < 1_000; redraw++) {
                    c = rng.nextInt(cards.keyCount());
                }
                takenUntil.put(c, start + fraud.burstLength());
                int foreign = otherCountry(rng, home[c], countryCount);
                int n = fraud.minTransactions() + rng.nextInt(fraud.maxTransactions() - fraud.minTransactions() + 1);
                // The genuine purchase at home shortly before the burst: the "country change within minutes".
                long before = start - 1 - (long) (rng.nextDouble() * fraud.homeLead());
                if (before >= 0) {
                    trace.add(before, before + fraudDelay.nextDelay(), 0, c,
                            Math.max(0.01, CommonFields.cents(homeAmounts.next())), home[c], homeMerchant.next(), 0, 0);
                }
                long last = start;
                for (int i = 0; i < n; i++) {
                    long t = i == 0 ? start : start + (long) (rng.nextDouble() * fraud.burstLength());
                    if (t >= end) {
                        continue;
                    }
                    last = Math.max(last, t);
                    trace.add(t, t + fraudDelay.nextDelay(), 0, c, Math.max(0.01, CommonFields.cents(fraudAmounts.next())),
                            foreign, rng.nextInt(merchants.keyCount()), 0, FRAUD);
                }
                episodes.add(new GroundTruth.Episode(FRAUD_BURST, c, start, last + 1));
            }
        }
        return trace.groundTruth(new GroundTruth(episodes)).build();
    }

    /** A country other than {@code home}, uniformly. */
    private static int otherCountry(RandomGenerator rng, int home, int countryCount) {
        int other = rng.nextInt(countryCount - 1);
        return other >= home ? other + 1 : other;
    }
}
