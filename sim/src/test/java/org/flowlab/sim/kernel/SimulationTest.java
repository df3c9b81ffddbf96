package org.flowlab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void theClockStartsAtZeroOrAtTheGivenStart() {
        assertThat(new Simulation(1).now()).isZero();
        Simulation sim = new Simulation(1, 5_000);
        assertThat(sim.now()).isEqualTo(5_000);
        List<Long> seen = new ArrayList<>();
        sim.scheduleAfter(250, s -> seen.add(s.now()));
        sim.run();
        assertThat(seen).containsExactly(5_250L);
        assertThat(sim.now()).isEqualTo(5_250);
    }

    @Test
    void schedulingAtNowIsAllowedAndRunsAfterWhatIsAlreadyDueThen() {
        Simulation sim = new Simulation(1);
        List<String> log = new ArrayList<>();
        sim.schedule(10, s -> {
            log.add("a");
            s.schedule(s.now(), t -> log.add("c"));
        });
        sim.schedule(10, s -> log.add("b"));
        sim.run();
        assertThat(log).containsExactly("a", "b", "c");
    }

    @Test
    void aNullActionIsRejected() {
        Simulation sim = new Simulation(1);
        assertThatThrownBy(() -> sim.schedule(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> sim.scheduleAfter(1, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDelayThatOverflowsTheClockIsRejected() {
        Simulation sim = new Simulation(1, 10);
        assertThatThrownBy(() -> sim.scheduleAfter(Long.MAX_VALUE, s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Long.toString(Long.MAX_VALUE))
                .hasMessageContaining("overflows");
        sim.scheduleAfter(Long.MAX_VALUE - 10, s -> {});
        assertThat(sim.nextEventTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void runningFromInsideAnActionIsRefused() {
        Simulation sim = new Simulation(1);
        List<Throwable> refused = new ArrayList<>();
        sim.schedule(1, s -> {
            for (Runnable nested : List.<Runnable>of(s::run, () -> s.runUntil(5), s::step)) {
                try {
                    nested.run();
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
            }
        });
        sim.schedule(2, s -> {});
        sim.run();
        assertThat(refused).hasSize(3).allSatisfy(e -> assertThat(e).hasMessageContaining("already running"));
        assertThat(sim.executedEvents()).isEqualTo(2);
    }

    @Test
    void anExceptionFromAnActionPropagatesAndLeavesTheSimulationUsable() {
        Simulation sim = new Simulation(1);
        List<Long> log = new ArrayList<>();
        sim.schedule(1, s -> {
            throw new IllegalStateException("boom");
        });
        sim.schedule(2, s -> log.add(s.now()));
        assertThatThrownBy(sim::run).hasMessage("boom");
        assertThat(sim.now()).isEqualTo(1);
        assertThat(sim.pending()).isEqualTo(1);
        sim.run();
        assertThat(log).containsExactly(2L);
    }

    @Test
    void stepRunsOneActionAtATime() {
        Simulation sim = new Simulation(1);
        sim.schedule(3, s -> {});
        sim.schedule(1, s -> {});
        assertThat(sim.step()).isTrue();
        assertThat(sim.now()).isEqualTo(1);
        assertThat(sim.step()).isTrue();
        assertThat(sim.now()).isEqualTo(3);
        assertThat(sim.step()).isFalse();
        assertThat(sim.executedEvents()).isEqualTo(2);
    }

    @Test
    void stopOutsideARunHasNoEffectOnTheNextRun() {
        Simulation sim = new Simulation(1);
        sim.schedule(1, s -> {});
        sim.schedule(2, s -> {});
        sim.stop();
        sim.run();
        assertThat(sim.executedEvents()).isEqualTo(2);
    }

    @Test
    void runUntilWithNothingPendingJustMovesTheClock() {
        Simulation sim = new Simulation(1);
        sim.runUntil(1_000);
        assertThat(sim.now()).isEqualTo(1_000);
        sim.runUntil(1_000);
        assertThat(sim.now()).isEqualTo(1_000);
        assertThat(sim.executedEvents()).isZero();
    }

    @Test
    void aHandleKnowsItsTimeAndState() {
        Simulation sim = new Simulation(1);
        ScheduledAction first = sim.schedule(7, s -> {});
        ScheduledAction second = sim.schedule(7, s -> {});
        assertThat(first.time()).isEqualTo(7);
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(first.isPending()).isTrue();
        sim.run();
        assertThat(first.hasStarted()).isTrue();
        assertThat(first.cancel()).isFalse();
        assertThat(first.isCancelled()).isFalse();
        assertThat(first.toString()).contains("time=7", "started");
    }

    @Test
    void nextEventTimeSkipsCancelledActions() {
        Simulation sim = new Simulation(1);
        ScheduledAction early = sim.schedule(5, s -> {});
        sim.schedule(9, s -> {});
        assertThat(sim.nextEventTime()).isEqualTo(5);
        assertThat(early.cancel()).isTrue();
        assertThat(early.cancel()).isFalse();
        assertThat(sim.nextEventTime()).isEqualTo(9);
        assertThat(sim.pending()).isEqualTo(1);
        sim.run();
        assertThat(sim.nextEventTime()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void manySupersededTimersLeaveNothingBehindAndTheRestRunInOrder() {
        // A timeout cancelled and scheduled again many times: each cancel takes its entry out at once.
        Simulation sim = new Simulation(1);
        List<Long> log = new ArrayList<>();
        List<ScheduledAction> kept = new ArrayList<>();
        ScheduledAction timeout = null;
        for (int i = 0; i < 10_000; i++) {
            if (i % 10 == 0) {
                long at = 1_000_000 - i;
                kept.add(sim.schedule(at, s -> log.add(s.now())));
            }
            if (timeout != null) {
                assertThat(timeout.cancel()).isTrue();
            }
            timeout = sim.schedule(2_000_000 + i, s -> log.add(-s.now()));
            assertThat(sim.pending()).isEqualTo(kept.size() + 1);
        }
        sim.run();
        List<Long> expected = new ArrayList<>();
        for (int i = kept.size() - 1; i >= 0; i--) {
            expected.add(kept.get(i).time());
        }
        expected.add(-(2_000_000L + 9_999));
        assertThat(log).isEqualTo(expected);
        assertThat(sim.executedEvents()).isEqualTo(kept.size() + 1);
    }
}
