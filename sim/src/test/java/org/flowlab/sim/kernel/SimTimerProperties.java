package org.flowlab.sim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * A {@link SimTimer} runs its action exactly where a {@link ScheduledAction} cancelled and scheduled
 * again at the same calls would: the same times, the same order among ties, re-armed from inside
 * actions or not.
 */
class SimTimerProperties {
    private static final int TIMERS = 4;

    /**
     * Each int of the script is one call: arm a timer, cancel it, or schedule a plain action, at a
     * small time so that ties are common. A firing timer arms itself once more, later.
     */
    @Property(tries = 300)
    void runsInTheSameOrderAsCancelledAndRescheduledHandles(
            @ForAll @Size(max = 120) List<@IntRange(min = 0, max = 359) Integer> script) {
        assertThat(withTimers(script)).isEqualTo(withHandles(script));
    }

    @Example
    void isPendingUntilItStartsOrIsCancelled() {
        Simulation sim = new Simulation(1);
        List<String> seen = new ArrayList<>();
        SimTimer[] timer = new SimTimer[1];
        timer[0] = sim.timer(s -> seen.add("fired at " + s.now() + ", pending " + timer[0].isPending()));
        assertThat(timer[0].isPending()).isFalse();
        assertThat(timer[0].time()).isEqualTo(Long.MAX_VALUE);
        timer[0].arm(50);
        timer[0].arm(20);
        assertThat(timer[0].isPending()).isTrue();
        assertThat(timer[0].time()).isEqualTo(20);
        assertThat(sim.pending()).isEqualTo(1);
        sim.run();
        assertThat(seen).containsExactly("fired at 20, pending false");
        assertThat(timer[0].cancel()).isFalse();

        timer[0].arm(30);
        assertThat(timer[0].cancel()).isTrue();
        assertThat(timer[0].isPending()).isFalse();
        sim.run();
        assertThat(seen).hasSize(1);
        assertThat(sim.executedEvents()).isEqualTo(1);
    }

    @Example
    void cannotBeArmedInThePast() {
        Simulation sim = new Simulation(1, 100);
        SimTimer timer = sim.timer(s -> { });
        assertThatThrownBy(() -> timer.arm(99)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before now");
    }

    @Example
    void aRefusedTimeLeavesThePendingActionAsItWas() {
        Simulation sim = new Simulation(1, 100);
        List<Long> ran = new ArrayList<>();
        SimTimer timer = sim.timer(s -> ran.add(s.now()));
        timer.arm(200);
        assertThatThrownBy(() -> timer.arm(50)).isInstanceOf(IllegalArgumentException.class);
        assertThat(timer.isPending()).isTrue();
        assertThat(timer.time()).isEqualTo(200);
        sim.run();
        assertThat(ran).containsExactly(200L);
    }

    /**
     * A last timer runs after every other action at its time, scheduled before it was armed, after
     * it, or at that time itself; moved to another time, it is last there too, and an action it
     * schedules at its own time runs after it.
     */
    @Example
    void aLastTimerClosesItsInstantWheneverItWasArmed() {
        Simulation sim = new Simulation(1);
        List<String> log = new ArrayList<>();
        SimTimer tick = sim.lastTimer(s -> {
            log.add("tick at " + s.now());
            s.schedule(s.now(), t -> log.add("after the tick at " + t.now()));
        });
        sim.schedule(10, s -> log.add("scheduled before at 10"));
        tick.arm(10);
        sim.schedule(10, s -> {
            log.add("scheduled after at 10");
            s.schedule(10, t -> log.add("scheduled at 10 itself"));
        });
        sim.schedule(20, s -> log.add("scheduled before at 20"));
        sim.run();
        tick.arm(30);
        sim.schedule(30, s -> log.add("scheduled after at 30"));
        tick.arm(20 + 10); // moved in place: still last
        sim.run();

        assertThat(log).containsExactly("scheduled before at 10", "scheduled after at 10", "scheduled at 10 itself",
                "tick at 10", "after the tick at 10", "scheduled before at 20", "scheduled after at 30", "tick at 30",
                "after the tick at 30");
    }

    private static List<String> withTimers(List<Integer> script) {
        Simulation sim = new Simulation(3);
        List<String> log = new ArrayList<>();
        SimTimer[] timers = new SimTimer[TIMERS];
        boolean[] rearmed = new boolean[TIMERS];
        for (int i = 0; i < TIMERS; i++) {
            int id = i;
            timers[i] = sim.timer(s -> {
                log.add("timer " + id + " at " + s.now());
                if (!rearmed[id]) {
                    rearmed[id] = true;
                    timers[id].arm(s.now() + id);
                }
            });
        }
        for (int step = 0; step < script.size(); step++) {
            int v = script.get(step);
            int timer = (v / 3) % TIMERS;
            long at = v / (3 * TIMERS);
            switch (v % 3) {
                case 0 -> timers[timer].arm(at);
                case 1 -> timers[timer].cancel();
                default -> {
                    int id = step;
                    sim.schedule(at, s -> log.add("plain " + id + " at " + s.now()));
                }
            }
        }
        sim.run();
        return log;
    }

    private static List<String> withHandles(List<Integer> script) {
        Simulation sim = new Simulation(3);
        List<String> log = new ArrayList<>();
        ScheduledAction[] handles = new ScheduledAction[TIMERS];
        SimAction[] actions = new SimAction[TIMERS];
        boolean[] rearmed = new boolean[TIMERS];
        for (int i = 0; i < TIMERS; i++) {
            int id = i;
            actions[i] = s -> {
                handles[id] = null;
                log.add("timer " + id + " at " + s.now());
                if (!rearmed[id]) {
                    rearmed[id] = true;
                    handles[id] = s.schedule(s.now() + id, actions[id]);
                }
            };
        }
        for (int step = 0; step < script.size(); step++) {
            int v = script.get(step);
            int timer = (v / 3) % TIMERS;
            long at = v / (3 * TIMERS);
            switch (v % 3) {
                case 0 -> {
                    if (handles[timer] != null) {
                        handles[timer].cancel();
                    }
                    handles[timer] = sim.schedule(at, actions[timer]);
                }
                case 1 -> {
                    if (handles[timer] != null) {
                        handles[timer].cancel();
                        handles[timer] = null;
                    }
                }
                default -> {
                    int id = step;
                    sim.schedule(at, s -> log.add("plain " + id + " at " + s.now()));
                }
            }
        }
        sim.run();
        return log;
    }
}
