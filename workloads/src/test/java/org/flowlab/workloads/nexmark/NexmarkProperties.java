package org.flowlab.workloads.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.assertNexmarkRules;
import static org.flowlab.workloads.nexmark.NexmarkTraceChecks.spec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;

class NexmarkProperties {

    @Property(tries = 60)
    void everySmallConfigKeepsNexmarksRules(@ForAll("smallSpecs") String overrides, @ForAll long seed) {
        WorkloadSpec spec = spec(overrides);
        NexmarkSettings s = NexmarkSettings.from(spec);
        Trace t = WorkloadGenerator.generate(spec, seed);
        assertNexmarkRules(t, s);

        boolean occasional = s.probDelayedEvent() > 0 && s.occasionalDelay() > 0;
        boolean disorder = s.outOfOrderGroupSize() > 1 || occasional;
        long delayed = 0;
        for (int i = 0; i < t.size(); i++) {
            delayed += t.arrivalTime(i) > t.eventTime(i) ? 1 : 0;
        }
        if (!disorder) {
            assertThat(delayed).as("no disorder configured, none delayed").isZero();
        }
        if (s.outOfOrderGroupSize() > 1 && t.size() > 0) {
            assertThat(delayed).as("groups arrive after their last event").isPositive();
        }
        if (occasional && s.probDelayedEvent() == 1.0) {
            assertThat(delayed).as("every event held back").isEqualTo(t.size());
        }
        Statistics.label("disorder").collect(disorder);
        Statistics.label("shape").collect(s.rateShape());

        Trace again = WorkloadGenerator.generate(spec, seed);
        for (int i = 0; i < t.size(); i++) {
            assertThat(again.event(i)).isEqualTo(t.event(i));
        }
    }

    @Property(tries = 60)
    void withoutDisorderArrivalIsEventTime(@ForAll("smallSpecs") String overrides, @ForAll long seed) {
        WorkloadSpec spec = spec(overrides).merge("test",
                WorkloadSpec.parseObject("test", "{\"outOfOrderGroupSize\": 1, \"probDelayedEvent\": 0}"));
        Trace t = WorkloadGenerator.generate(spec, seed);
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.arrivalTime(i)).isEqualTo(t.eventTime(i));
        }
    }

    @Property(tries = 200)
    void theTimelineCountsWhatItTimes(@ForAll @Size(min = 1, max = 10) double[] rawRates,
                                      @ForAll @LongRange(min = 1_000, max = 50_000_000) long stepLength,
                                      @ForAll @LongRange(min = 0, max = 100_000_000) long limit) {
        double[] rates = new double[rawRates.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = 10 + Math.abs(rawRates[i]) % 5_000;
        }
        EventTimeline timeline = new EventTimeline(rates, stepLength);
        long before = 0;
        long previous = -1;
        for (long m = 0; ; m++) {
            long time = timeline.eventTime(m);
            if (time <= previous) {
                throw new AssertionError("event " + m + " at " + time + " ns, not after " + previous + " ns");
            }
            previous = time;
            if (time >= limit) {
                break;
            }
            before++;
        }
        assertThat(timeline.countBefore(limit)).isEqualTo(before);
    }

    @Property(tries = 200)
    void theNumberingCountsPeopleAndAuctionsAsTheyAppear(@ForAll @IntRange(min = 1, max = 6) int person,
                                                        @ForAll @IntRange(min = 1, max = 6) int auction,
                                                        @ForAll @IntRange(min = 1, max = 60) int bid) {
        EventNumbering numbering = new EventNumbering(person, auction, bid);
        long people = 0;
        long auctions = 0;
        for (long m = 0; m < 5 * numbering.blockSize(); m++) {
            int kind = numbering.kindOf(m);
            people += kind == NexmarkScenario.PERSON ? 1 : 0;
            auctions += kind == NexmarkScenario.AUCTION ? 1 : 0;
            assertThat(numbering.lastPersonId(m)).isEqualTo(people - 1);
            assertThat(numbering.lastAuctionId(m)).isEqualTo(auctions - 1);
        }
        assertThat(people).isEqualTo(5L * person);
        assertThat(auctions).isEqualTo(5L * auction);
    }

    @Property(tries = 50)
    void theRateSetsTheMeanOverWholePeriods(@ForAll @DoubleRange(min = 200, max = 20_000) double rate,
                                            @ForAll @IntRange(min = 1, max = 4) int periods,
                                            @ForAll("shapes") String shape) {
        WorkloadSpec spec = spec(String.format(Locale.ROOT,
                "{\"rateShape\": \"%s\", \"ratePeriod\": \"2s\", \"duration\": \"%ds\"}", shape, 2 * periods))
                .withRate(rate);
        int size = WorkloadGenerator.generate(spec, 1).size();
        // Each of the steps of a period may add one event for the fraction it rounds up.
        assertThat((double) size).isBetween(rate * 2 * periods - 1, rate * 2 * periods + 10.0 * periods);
    }

    @Property(tries = 40)
    void theLeastRateARefusalNamesIsKept(@ForAll("shapes") String shape, @ForAll @IntRange(min = 1, max = 20) int first,
                                         @ForAll @IntRange(min = 1, max = 20) int next, @ForAll @LongRange(min = 20, max = 600_000) long periodMs,
                                         @ForAll @DoubleRange(min = 0.001, max = 1) @Scale(4) double fraction) {
        Assume.that(first != next);
        String shapeFields = String.format(Locale.ROOT, "\"firstEventRate\": \"%d/s\", \"nextEventRate\": \"%d/s\", \"rateShape\": \"%s\","
                + " \"ratePeriod\": \"%dms\", \"maxEvents\": 10", first, next, shape, periodMs);
        // A rate under one event per period is below the least for sure; a fraction of it, more so.
        // Rounded up to three digits, the least named: 1 % below it is below the least.
        assertTheNamedRateIsKeptAndOnePercentBeyondIsNot(shapeFields, fraction * 1000.0 / periodMs, "it keeps rates from (\\S+)/s",
                0.99, "is too low for the " + shape + " rate shape");
    }

    @Property(tries = 40)
    void theHighestRateARefusalNamesIsKept(@ForAll("shapes") String shape, @ForAll @IntRange(min = 1, max = 20) int first,
                                           @ForAll @IntRange(min = 1, max = 20) int next, @ForAll @DoubleRange(min = 1.01, max = 1000) double over) {
        String shapeFields = String.format(Locale.ROOT, "\"firstEventRate\": \"%d/s\", \"nextEventRate\": \"%d/s\", \"rateShape\": \"%s\","
                + " \"maxEvents\": 10", first, next, shape);
        // A mean rate of 1e9/s or more puts some step at 1e9/s or above; more than that, past it.
        // Rounded down to four digits, the highest named: 1 % above it is past it.
        assertTheNamedRateIsKeptAndOnePercentBeyondIsNot(shapeFields, over * 1e9, "the rate may be at most (\\S+)/s",
                1.01, "the rate may be at most");
    }

    /**
     * The refusal of {@code refusedRate} with {@code shapeFields} names a rate ({@code named}'s group 1) that is
     * kept, and {@code beyond} times it is refused, saying {@code refusal}.
     */
    private static void assertTheNamedRateIsKeptAndOnePercentBeyondIsNot(String shapeFields, double refusedRate, String named,
                                                                       double beyond, String refusal) {
        String message = catchThrowableOfType(() -> WorkloadGenerator.generate(atRate(shapeFields, refusedRate), 1),
                InvalidInputException.class).getMessage();
        Matcher m = Pattern.compile(named).matcher(message);
        assertThat(m.find()).as(message).isTrue();
        double rate = Double.parseDouble(m.group(1));
        assertThat(WorkloadGenerator.generate(atRate(shapeFields, rate), 1).size()).isPositive();
        assertThatThrownBy(() -> WorkloadGenerator.generate(atRate(shapeFields, rate * beyond), 1)).hasMessageContaining(refusal);
    }

    private static WorkloadSpec atRate(String shapeFields, double rate) {
        return spec(String.format(Locale.ROOT, "{%s, \"rate\": %s}", shapeFields, rate));
    }

    @Provide
    Arbitrary<String> shapes() {
        return Arbitraries.of("square", "sine");
    }

    /**
     * Small random configurations: a few thousand events each, every knob in play. Every step of a
     * shape holds an event (the least: 200/s, at 1 : 4 a sine's slowest step of 20 ms at 80/s holds 1.6).
     */
    @Provide
    Arbitrary<String> smallSpecs() {
        Arbitrary<String> proportions = Combinators.combine(
                Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 5), Arbitraries.integers().between(1, 60))
                .as((p, a, b) -> String.format(Locale.ROOT, "\"proportions\": {\"person\": %d, \"auction\": %d, \"bid\": %d}", p, a, b));
        Arbitrary<String> rates = Combinators.combine(
                Arbitraries.integers().between(200, 4000), Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 4),
                Arbitraries.of("square", "sine"), Arbitraries.integers().between(200, 2000))
                .as((rate, first, next, shape, periodMs) -> String.format(Locale.ROOT,
                        "\"rate\": \"%d/s\", \"firstEventRate\": \"%d/s\", \"nextEventRate\": \"%d/s\", \"rateShape\": \"%s\", \"ratePeriod\": \"%dms\"",
                        rate, first, next, shape, periodMs));
        Arbitrary<String> hot = Combinators.combine(
                Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(1, 300), Arbitraries.integers().between(1, 2000),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20))
                .as((ha, hs, hb, inFlight, active, auctionLead, personLead) -> String.format(Locale.ROOT,
                        "\"hotAuctionRatio\": %d, \"hotSellersRatio\": %d, \"hotBiddersRatio\": %d, \"numInFlightAuctions\": %d,"
                                + " \"numActivePeople\": %d, \"auctionIdLead\": %d, \"personIdLead\": %d",
                        ha, hs, hb, inFlight, active, auctionLead, personLead));
        Arbitrary<String> disorder = Combinators.combine(
                Arbitraries.of(1, 1, 2, 7, 10, 50), Arbitraries.of(0.0, 0.0, 0.05, 0.5, 1.0), Arbitraries.of("0s", "1ms", "500ms", "2s"),
                Arbitraries.of("auto", "auto", "50ms", "3s"), Arbitraries.of(0, 0, 0, 777))
                .as((group, p, delay, length, max) -> String.format(Locale.ROOT,
                        "\"outOfOrderGroupSize\": %d, \"probDelayedEvent\": %s, \"occasionalDelay\": \"%s\", \"avgAuctionLength\": \"%s\", \"maxEvents\": %d",
                        group, p, delay, length, max));
        Arbitrary<Integer> durationMs = Arbitraries.integers().between(1, 2500);
        return Combinators.combine(proportions, rates, hot, disorder, durationMs)
                .as((a, b, c, d, ms) -> "{" + a + ", " + b + ", " + c + ", " + d + ", \"duration\": \"" + ms + "ms\"}");
    }
}
