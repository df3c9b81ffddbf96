package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final long M = 60_000_000_000L;
    private static final long H = 60 * M;
    private static final long D = 24 * H;

    @Test
    void eachFormReadsFromItsText() {
        assertThat(Schedule.parse("every 1h")).isEqualTo(new Schedule.FixedInterval(H));
        assertThat(Schedule.parse("  Every   90s ")).isEqualTo(new Schedule.FixedInterval(90_000_000_000L));
        assertThat(Schedule.parse("daily 02:00")).isEqualTo(new Schedule.DailyAt(LocalTime.of(2, 0)));
        assertThat(Schedule.parse("off-peak 00:00..06:00 below 0.3"))
                .isEqualTo(new Schedule.OffPeak(LocalTime.MIDNIGHT, LocalTime.of(6, 0), 0.3));
        assertThat(Schedule.parse("when 1000000 records staged")).isEqualTo(new Schedule.BatchSize(1_000_000));
        assertThat(Schedule.parse("when 1 record staged")).isEqualTo(new Schedule.BatchSize(1));
        assertThat(Schedule.parse("end of trace")).isEqualTo(new Schedule.EndOfTrace());
    }

    @Test
    void badTextGetsOneLineNamingItAndTheAllowedForms() {
        assertThatThrownBy(() -> Schedule.parse("every 0s")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("schedule 'every 0s': the interval must be positive; allowed: every DURATION");
        assertThatThrownBy(() -> Schedule.parse("every -5m"))
                .hasMessageStartingWith("schedule 'every -5m': the interval must be positive; allowed:");
        assertThatThrownBy(() -> Schedule.parse("every soon"))
                .hasMessageStartingWith("schedule 'every soon': 'soon' is not a duration; expected a duration such as 500ms");
        assertThatThrownBy(() -> Schedule.parse("daily 25:00"))
                .hasMessageStartingWith("schedule 'daily 25:00': the hour in 25:00 must be 00 to 23; allowed:");
        assertThatThrownBy(() -> Schedule.parse("daily 02:61")).hasMessageContaining("the minute in 02:61 must be 00 to 59");
        assertThatThrownBy(() -> Schedule.parse("daily noon")).hasMessageContaining("'noon' is not a time of day HH:MM");
        assertThatThrownBy(() -> Schedule.parse("hourly")).hasMessage("schedule 'hourly': unknown schedule; allowed: "
                + Schedule.ALLOWED);
        assertThatThrownBy(() -> Schedule.parse("when 0 records staged")).hasMessageContaining("the record count must be at least 1");
        assertThatThrownBy(() -> Schedule.parse("when many records staged")).hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> Schedule.parse("off-peak 01:00..01:00 below 0.3")).hasMessageContaining("the window is empty");
        assertThatThrownBy(() -> Schedule.parse("off-peak 01:00..05:00 below 1.5")).hasMessageContaining("above 0 and at most 1");
        for (String bad : new String[]{"every 0s", "every -5m", "daily 25:00", "hourly", ""}) {
            assertThatThrownBy(() -> Schedule.parse(bad)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void fixedIntervalsFireOnTheirMultiples() {
        Schedule every = Schedule.parse("every 1h");
        assertThat(every.nextAfter(-1, BackgroundLoad.none())).isZero();
        assertThat(every.nextAfter(0, BackgroundLoad.none())).isEqualTo(H);
        assertThat(every.nextAfter(H - 1, BackgroundLoad.none())).isEqualTo(H);
        assertThat(every.nextAfter(H, BackgroundLoad.none())).isEqualTo(2 * H);
    }

    @Test
    void dailyFiresAtItsTimeOfEachDayFromMidnightOfDayZero() {
        Schedule daily = Schedule.parse("daily 02:00");
        assertThat(daily.nextAfter(-1, BackgroundLoad.none())).isEqualTo(2 * H);
        assertThat(daily.nextAfter(2 * H, BackgroundLoad.none())).isEqualTo(D + 2 * H);
        assertThat(daily.nextAfter(D + H, BackgroundLoad.none())).isEqualTo(D + 2 * H);
    }

    @Test
    void offPeakWaitsInsideItsWindowForTheLoadToDrop() {
        // Busy until 03:00, then quiet: the run waits for 03:00, once a day.
        double[] loads = new double[24];
        loads[0] = 0.8;
        loads[1] = 0.5;
        loads[2] = 0.4;
        loads[22] = 0.7;
        loads[23] = 0.7;
        BackgroundLoad load = BackgroundLoad.hourly(loads);
        Schedule offPeak = Schedule.parse("off-peak 00:00..06:00 below 0.3");
        assertThat(offPeak.nextAfter(-1, load)).isEqualTo(3 * H);
        assertThat(offPeak.nextAfter(3 * H, load)).isEqualTo(D + 3 * H);
        assertThat(offPeak.nextAfter(6 * H, load)).isEqualTo(D + 3 * H);
        // A window past midnight that is never quiet enough fires at its end, a scheduler's deadline.
        Schedule late = Schedule.parse("off-peak 22:00..02:00 below 0.3");
        assertThat(late.nextAfter(12 * H, load)).isEqualTo(D + 2 * H);
        // With no load at all, at the window's start.
        assertThat(late.nextAfter(12 * H, BackgroundLoad.none())).isEqualTo(22 * H);
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<LocalTime> times = Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59))
                .as(LocalTime::of);
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 10_000).flatMap(n -> Arbitraries.of(1L, 1_000L, 1_000_000L, 1_000_000_000L, M, H, D)
                        .map(unit -> (Schedule) new Schedule.FixedInterval(n * unit))),
                times.map(Schedule.DailyAt::new),
                Combinators.combine(times, times, Arbitraries.integers().between(1, 100).map(p -> p / 100.0))
                        .filter((a, b, p) -> !a.equals(b)).as(Schedule.OffPeak::new),
                Arbitraries.longs().between(1, Long.MAX_VALUE).map(Schedule.BatchSize::new),
                Arbitraries.just(new Schedule.EndOfTrace()));
    }

    @Property(tries = 300)
    void everyScheduleReadsBackFromItsText(@ForAll("schedules") Schedule schedule) {
        assertThat(Schedule.parse(schedule.toString())).isEqualTo(schedule);
    }

    @Property(tries = 300)
    void timeSchedulesFireStrictlyLaterAndNeverSkipAFiring(@ForAll("schedules") Schedule schedule,
                                                           @ForAll("instants") long after) {
        BackgroundLoad load = BackgroundLoad.peak(9, 17, 0.6);
        long next = schedule.nextAfter(after, load);
        if (schedule instanceof Schedule.BatchSize || schedule instanceof Schedule.EndOfTrace) {
            assertThat(next).isEqualTo(Long.MAX_VALUE);
            return;
        }
        assertThat(next).isGreaterThan(after);
        // Asking from just before the firing finds the same one: none lies between.
        assertThat(schedule.nextAfter(next - 1, load)).isEqualTo(next);
    }

    @Provide
    Arbitrary<Long> instants() {
        return Arbitraries.longs().between(-D, 30 * D);
    }
}
