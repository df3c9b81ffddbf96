package org.flowlab.workloads.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every exact form of a duration is read back by {@link DurationText#parse} to the same
 * nanoseconds, and each form looks the way flags, schedules, cost profiles and specs write it.
 */
class DurationTextProperties {
    private static final long EXACT_IN_A_DOUBLE = 1L << 53;

    @Property
    void exactIsReadBackToTheSameNanoseconds(@ForAll("durations") long nanos) {
        assertThat(DurationText.parse(DurationText.exact(nanos))).isEqualTo(nanos);
    }

    @Property
    void inOneUnitIsReadBackToTheSameNanoseconds(@ForAll("durations") long nanos) {
        String text = DurationText.inOneUnit(nanos);
        assertThat(DurationText.parse(text)).isEqualTo(nanos);
        assertThat(text).matches("\\d+(ns|us|ms|s|m|h|d)");
    }

    @Property
    void inMillisOrNanosIsReadBackToTheSameNanoseconds(@ForAll("durations") long nanos) {
        assertThat(DurationText.parse(DurationText.inMillisOrNanos(nanos))).isEqualTo(nanos);
    }

    @Property
    void formatIsWithinRoundingOfTheDuration(@ForAll("durations") long nanos) {
        String text = DurationText.format(nanos).replace(" ", "");
        // "3 h 05 m" keeps its two units; one decimal or whole minutes, hours, days are the rounding.
        assertThat((double) DurationText.parse(text)).isCloseTo(nanos, offset(nanos * 0.05 + 30e9));
    }

    @Provide
    Arbitrary<Long> durations() {
        // Round durations in each unit, as people give them, and any other. Up to 2^53 ns (about
        // 104 days) only: parse adds its parts up in a double, which is exact that far.
        Arbitrary<Long> round = Arbitraries.longs().between(0, 1000).flatMap(n -> Arbitraries.of(1L, 1_000L,
                DurationText.NANOS_PER_MILLI, DurationText.NANOS_PER_SECOND, DurationText.NANOS_PER_MINUTE,
                DurationText.NANOS_PER_HOUR, DurationText.NANOS_PER_DAY).map(unit -> n * unit)).filter(n -> n <= EXACT_IN_A_DOUBLE);
        return Arbitraries.oneOf(round, Arbitraries.longs().between(0, EXACT_IN_A_DOUBLE));
    }

    @Example
    void eachFormLooksAsItsWritersWriteIt() {
        long ninetyMinutes = 90 * DurationText.NANOS_PER_MINUTE;
        assertThat(DurationText.exact(ninetyMinutes)).isEqualTo("1h30m");
        assertThat(DurationText.exact(1_500_000_000L)).isEqualTo("1s500ms");
        assertThat(DurationText.exact(0)).isEqualTo("0s");
        assertThat(DurationText.exact(-ninetyMinutes)).isEqualTo("-1h30m");
        assertThat(DurationText.inOneUnit(ninetyMinutes)).isEqualTo("90m");
        assertThat(DurationText.inOneUnit(364)).isEqualTo("364ns");
        assertThat(DurationText.inOneUnit(100_000)).isEqualTo("100us");
        assertThat(DurationText.inOneUnit(2_000_000)).isEqualTo("2ms");
        assertThat(DurationText.inOneUnit(90_000_000_000L)).isEqualTo("90s");
        assertThat(DurationText.inOneUnit(1_500_000_000L)).isEqualTo("1500ms");
        assertThat(DurationText.inOneUnit(0)).isEqualTo("0s");
        assertThat(DurationText.inMillisOrNanos(ninetyMinutes)).isEqualTo("5400000ms");
        assertThat(DurationText.inMillisOrNanos(1_500_001)).isEqualTo("1500001ns");
        assertThat(DurationText.format(850 * DurationText.NANOS_PER_MILLI)).isEqualTo("850 ms");
        assertThat(DurationText.format(2_400_000_000L)).isEqualTo("2.4 s");
        assertThat(DurationText.format(3 * DurationText.NANOS_PER_HOUR + 5 * DurationText.NANOS_PER_MINUTE)).isEqualTo("3 h 05 m");
    }
}
