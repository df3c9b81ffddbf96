package org.flowlab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ListArbitrary;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/** The kernel runs actions in (time, scheduling order), whatever they schedule, stop or cancel. */
class SimulationProperties {

    /**
     * Forests, three in four built so that an action schedules another. Only those are edge cases,
     * so a try has one with probability 3/4 at least, and fewer than half of 300 tries have one
     * with probability 1.2e-20 (the binomial tail).
     */
    @Provide
    Arbitrary<ActionForest> forests() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, ActionForest.withAChild(60, 20)),
                Tuple.of(1, ActionForest.arbitrary(60, 20).withoutEdgeCases()));
    }

    @Property(tries = 300)
    void runsInTheReferenceOrderAndNeverBeforeAnEarlierAction(@ForAll("forests") ActionForest forest,
                                                              @ForAll @LongRange(min = 0, max = 1_000_000) long start) {
        Simulation sim = new Simulation(1, start);
        List<Integer> log = new ArrayList<>();
        List<Long> clock = new ArrayList<>();
        forest.install(sim, log, s -> clock.add(s.now()));
        sim.run();

        assertThat(log).isEqualTo(forest.referenceOrder());
        assertThat(clock).isSortedAccordingTo(Comparator.naturalOrder());
        long[] times = forest.times(start);
        for (int i = 0; i < log.size(); i++) {
            assertThat(clock.get(i)).isEqualTo(times[log.get(i)]);
        }
        assertThat(sim.executedEvents()).isEqualTo(forest.size());
        assertThat(sim.pending()).isZero();
        Statistics.label("actions scheduled by actions").collect(forest.size() > forest.children(-1).size());
        Statistics.label("actions scheduled by actions").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 200)
    void tiesRunInSchedulingOrder(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 5) Integer> times) {
        Simulation sim = new Simulation(7);
        List<Integer> log = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            int id = i;
            sim.schedule(times.get(i), s -> log.add(id));
        }
        sim.run();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            expected.add(i);
        }
        expected.sort(Comparator.comparingInt(times::get)); // stable: ties keep scheduling order
        assertThat(log).isEqualTo(expected);
    }

    @Property(tries = 300)
    void runUntilRunsExactlyTheActionsAtOrBeforeItsTime(@ForAll("forests") ActionForest forest,
                                                        @ForAll @LongRange(min = 0, max = 80) long until) {
        Simulation sim = new Simulation(1);
        List<Integer> log = new ArrayList<>();
        forest.install(sim, log, s -> {});
        sim.runUntil(until);

        long[] times = forest.times(0);
        List<Integer> expected = forest.referenceOrder().stream().filter(i -> times[i] <= until).toList();
        assertThat(log).isEqualTo(expected);
        assertThat(sim.now()).isEqualTo(until);
        assertThat(sim.executedEvents()).isEqualTo(expected.size());
        // Still pending: the later actions whose parent has run (or that are roots).
        Set<Integer> ran = new HashSet<>(log);
        long stillPending = 0;
        for (int i = 0; i < forest.size(); i++) {
            int parent = forest.nodes().get(i).parent();
            if (!ran.contains(i) && (parent < 0 || ran.contains(parent))) {
                stillPending++;
            }
        }
        assertThat(sim.pending()).isEqualTo(stillPending);
        assertThat(sim.nextEventTime()).isEqualTo(minPendingTime(forest, times, ran));
    }

    /** Long.MAX_VALUE when nothing is pending, as nextEventTime promises. */
    private static long minPendingTime(ActionForest forest, long[] times, Set<Integer> ran) {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < forest.size(); i++) {
            int parent = forest.nodes().get(i).parent();
            if (!ran.contains(i) && (parent < 0 || ran.contains(parent))) {
                min = Math.min(min, times[i]);
            }
        }
        return min;
    }

    @Property(tries = 200)
    void runUntilInStepsIsTheSameRunAsOneRun(@ForAll("forests") ActionForest forest,
                                             @ForAll @Size(max = 8) List<@LongRange(min = 0, max = 15) Long> steps) {
        Simulation sim = new Simulation(1);
        List<Integer> log = new ArrayList<>();
        forest.install(sim, log, s -> {});
        long t = 0;
        for (long step : steps) {
            t += step;
            sim.runUntil(t);
            assertThat(sim.now()).isEqualTo(t);
        }
        sim.run();
        assertThat(log).isEqualTo(forest.referenceOrder());
    }

    @Property(tries = 200)
    void schedulingInThePastThrowsNamingBothTimes(@ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long now,
                                                  @ForAll @LongRange(min = 1, max = 1_000_000_000_000L) long back) {
        Simulation sim = new Simulation(3);
        sim.runUntil(now);
        long past = now - back;
        assertThatThrownBy(() -> sim.schedule(past, s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(past))
                .hasMessageContaining(Long.toString(now));
        assertThatThrownBy(() -> sim.scheduleAfter(-back, s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(-back))
                .hasMessageContaining(Long.toString(past))
                .hasMessageContaining(Long.toString(now));
        assertThatThrownBy(() -> sim.runUntil(past))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(past))
                .hasMessageContaining(Long.toString(now));
        assertThat(sim.pending()).isZero();
        assertThat(sim.now()).isEqualTo(now);
    }

    @Property(tries = 200)
    void stopEndsTheRunAfterTheCurrentActionAndRunResumesIt(@ForAll("forests") ActionForest forest,
                                                           @ForAll @IntRange(min = 1, max = 60) int stopAfter) {
        Simulation sim = new Simulation(1);
        List<Integer> log = new ArrayList<>();
        List<Long> clock = new ArrayList<>();
        forest.install(sim, log, s -> {
            clock.add(s.now());
            if (s.executedEvents() == stopAfter) {
                s.stop();
            }
        });
        sim.runUntil(Long.MAX_VALUE - 1);

        List<Integer> reference = forest.referenceOrder();
        int ran = Math.min(stopAfter, forest.size());
        assertThat(log).isEqualTo(reference.subList(0, ran));
        assertThat(sim.executedEvents()).isEqualTo(ran);
        if (stopAfter <= forest.size()) {
            // Stopped: the clock stays at the last action's time, not the runUntil target.
            assertThat(sim.now()).isEqualTo(clock.get(clock.size() - 1));
        } else {
            assertThat(sim.now()).isEqualTo(Long.MAX_VALUE - 1);
        }
        sim.run();
        assertThat(log).isEqualTo(reference);
    }

    /** Actions' times, the action each one cancels when it runs (by index, modulo their number), and actions cancelled before the run. */
    record Cancellations(List<Integer> times, List<Integer> victims, List<Integer> cancelledUpFront) {
    }

    /**
     * Three in four built so that an action surely cancels a pending one: action 0 runs at time 0,
     * so first (ties run in scheduling order), and cancels action 1, which was not cancelled before
     * the run. Only those are edge cases, so a try has such a cancellation with probability 3/4 at
     * least, and fewer than half of 300 tries have one with probability 1.2e-20 (the binomial tail).
     */
    @Provide
    Arbitrary<Cancellations> cancellations() {
        ListArbitrary<Integer> times = Arbitraries.integers().between(0, 30).list().ofMinSize(1).ofMaxSize(150);
        ListArbitrary<Integer> victims = Arbitraries.integers().between(0, 149).list().ofMaxSize(150);
        ListArbitrary<Integer> upFront = Arbitraries.integers().between(0, 149).list().ofMaxSize(40);
        Arbitrary<Cancellations> built = Combinators.combine(times.ofMinSize(2), victims, upFront).as((t, v, u) -> {
            List<Integer> firstAtZero = new ArrayList<>(t);
            firstAtZero.set(0, 0);
            List<Integer> firstCancelsTheSecond = new ArrayList<>(v);
            if (firstCancelsTheSecond.isEmpty()) {
                firstCancelsTheSecond.add(1);
            } else {
                firstCancelsTheSecond.set(0, 1);
            }
            return new Cancellations(firstAtZero, firstCancelsTheSecond, u.stream().filter(i -> i != 1).toList());
        });
        return Arbitraries.frequencyOf(
                Tuple.of(3, built),
                Tuple.of(1, Combinators.combine(times, victims, upFront).as(Cancellations::new).withoutEdgeCases()));
    }

    @Property(tries = 300)
    void cancelledActionsNeverRun(@ForAll("cancellations") Cancellations plan) {
        List<Integer> times = plan.times();
        List<Integer> victims = plan.victims();
        List<Integer> cancelledUpFront = plan.cancelledUpFront();
        Simulation sim = new Simulation(5);
        int n = times.size();
        ScheduledAction[] handles = new ScheduledAction[n];
        List<Integer> log = new ArrayList<>();
        Set<Integer> cancelled = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int id = i;
            // Action i cancels its victim (if any), as a superseded timer would be.
            int victim = i < victims.size() ? victims.get(i) % n : -1;
            handles[i] = sim.schedule(times.get(i), s -> {
                log.add(id);
                if (victim >= 0) {
                    boolean wasPending = handles[victim].isPending();
                    assertThat(handles[victim].cancel()).isEqualTo(wasPending);
                    if (wasPending) {
                        cancelled.add(victim);
                    }
                }
            });
        }
        for (int i : cancelledUpFront) {
            if (i < n) {
                assertThat(handles[i].cancel()).isEqualTo(cancelled.add(i));
            }
        }
        assertThat(sim.pending()).isEqualTo(n - cancelled.size());
        sim.run();

        assertThat(log).filteredOn(cancelled::contains).isEmpty();
        assertThat(log.size() + cancelled.size()).isEqualTo(n);
        assertThat(sim.executedEvents()).isEqualTo(log.size());
        assertThat(sim.pending()).isZero();
        for (int i = 0; i < n; i++) {
            assertThat(handles[i].isCancelled()).isEqualTo(cancelled.contains(i));
            assertThat(handles[i].hasStarted()).isEqualTo(!cancelled.contains(i));
        }
        List<Integer> expected = new ArrayList<>(log);
        expected.sort(Comparator.comparingInt(times::get));
        assertThat(log).isEqualTo(expected);
        Statistics.label("an action cancelled another").collect(!cancelled.isEmpty());
        Statistics.label("an action cancelled another").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    @Property(tries = 100)
    void aNamedStreamDrawsTheSameWhateverOtherStreamsDo(@ForAll long seed,
                                                        @ForAll("names") String name,
                                                        @ForAll("names") String other,
                                                        @ForAll @IntRange(min = 1, max = 5) int otherDrawsPerDraw) {
        Assume.that(!other.equals(name));
        Simulation alone = new Simulation(seed);
        double[] expected = new double[20];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = alone.rng(name).nextDouble();
        }
        // The same run with another consumer created first and drawing in between.
        Simulation crowded = new Simulation(seed);
        crowded.rng(other).nextLong();
        double[] actual = new double[expected.length];
        for (int i = 0; i < actual.length; i++) {
            for (int k = 0; k < otherDrawsPerDraw; k++) {
                crowded.rng(other).nextInt();
            }
            crowded.rng(other + "/more").nextGaussian();
            actual[i] = crowded.rng(name).nextDouble();
        }
        assertThat(actual).isEqualTo(expected);
    }

    @Example
    void askingAgainForAStreamContinuesIt() {
        Simulation sim = new Simulation(11);
        long first = sim.rng("arrivals").nextLong();
        assertThat(sim.rng("arrivals")).isSameAs(sim.rng("arrivals"));
        assertThat(sim.rng("arrivals").nextLong()).isNotEqualTo(first);
        assertThat(sim.randomStreams().stream("arrivals").nextLong()).isEqualTo(first);
        assertThat(sim.seed()).isEqualTo(11);
    }

    @Property(tries = 100)
    void theSameNameAndSeedGiveTheSameDrawsAndOtherNamesDiffer(@ForAll long seed,
                                                               @ForAll("names") String name,
                                                               @ForAll("names") String other) {
        long[] first = draws(new Simulation(seed), name);
        assertThat(draws(new Simulation(seed), name)).isEqualTo(first);
        if (!other.equals(name)) {
            assertThat(draws(new Simulation(seed), other)).isNotEqualTo(first);
        }
        assertThat(draws(new Simulation(seed + 1), name)).isNotEqualTo(first);
    }

    private static long[] draws(Simulation sim, String name) {
        long[] draws = new long[8];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = sim.rng(name).nextLong();
        }
        return draws;
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("arrivals", "faults", "keys", "disorder", "worker-1", "worker-2"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
    }
}
