package org.flowlab.sim.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.flowlab.workloads.random.RandomStreams;

/**
 * A deterministic discrete-event simulation: a virtual clock in nanoseconds, a queue of actions
 * ordered by (time, scheduling order) — a {@linkplain #lastTimer last timer}'s action after every
 * other at its time — and named random streams split from one seed.
 *
 * <p>The loop takes the first pending action, sets the clock to its time and runs it; actions
 * schedule further actions. Nothing here reads the wall clock or holds static state, so the same
 * seed and the same schedule calls give the same run, every time.
 *
 * <pre>{@code
 * Simulation sim = new Simulation(42);
 * List<Long> seen = new ArrayList<>();
 * sim.scheduleAfter(1_000_000, s -> seen.add(s.now()));   // seen becomes [1000000] when run
 * sim.run();
 * }</pre>
 *
 * <p>Single-threaded: call it only from the thread that runs it, and only {@code schedule},
 * {@code scheduleAfter}, {@code stop}, {@code rng} and the accessors from inside an action.
 */
public final class Simulation {
    private final RandomStreams randomStreams;
    // Looked up by name only, never iterated, so its order cannot leak into a run.
    private final Map<String, RandomGenerator> rngs = new HashMap<>();
    private final EventQueue<SimAction> queue = new EventQueue<>(1024);

    private long now;
    private long executedEvents;
    private boolean running;
    private boolean stopRequested;

    /** A simulation whose clock starts at 0 and whose random streams split from {@code seed}. */
    public Simulation(long seed) {
        this(seed, 0L);
    }

    /** A simulation whose clock starts at {@code startTime} nanoseconds. */
    public Simulation(long seed, long startTime) {
        this.randomStreams = new RandomStreams(seed);
        this.now = startTime;
    }

    /** The virtual time in nanoseconds: the time of the action running now, or where the last run stopped. */
    public long now() {
        return now;
    }

    /** The run seed every random stream is split from. */
    public long seed() {
        return randomStreams.seed();
    }

    /** The run's random streams, for a component that wants its own family ({@code child(name)}). */
    public RandomStreams randomStreams() {
        return randomStreams;
    }

    /**
     * The random stream named {@code name}. Its draws depend only on the seed and the name, so
     * adding another stream never changes them. Asking again for the same name returns the same
     * generator, which continues where it left off.
     */
    public RandomGenerator rng(String name) {
        Objects.requireNonNull(name, "name");
        return rngs.computeIfAbsent(name, randomStreams::stream);
    }

    /**
     * Schedules {@code action} to run at virtual time {@code at}; actions at the same time run in
     * the order they were scheduled.
     *
     * @throws IllegalArgumentException if {@code at} is before {@link #now()}
     */
    public ScheduledAction schedule(long at, SimAction action) {
        int slot = enqueue(at, action, false);
        return new ScheduledAction(queue, slot, queue.sequenceAt(slot), at);
    }

    /**
     * A timer that runs {@code action} each time it is armed: for an action a component schedules
     * again and again, at most once pending, without a new {@link ScheduledAction} per call.
     */
    public SimTimer timer(SimAction action) {
        return new SimTimer(this, Objects.requireNonNull(action, "action"), false);
    }

    /**
     * A {@link #timer} whose action runs after every other action at its time, whenever either was
     * armed or scheduled ({@link EventQueue#addTrackedLast}): a clock tick that closes its instant
     * by rule, so that arming it long before its time (skipping the ticks before it) puts it where
     * arming it an interval before would. Two such timers at one time run in the order they were
     * armed; an action scheduled at that time by the tick itself runs after it.
     */
    public SimTimer lastTimer(SimAction action) {
        return new SimTimer(this, Objects.requireNonNull(action, "action"), true);
    }

    /**
     * Queues {@code action} at {@code at}, {@linkplain EventQueue#addTracked tracked} if
     * {@code tracked} (a timer's, moved and requeued again and again), and returns its slot.
     */
    int enqueue(long at, SimAction action, boolean tracked) {
        return enqueue(at, action, tracked, false);
    }

    /** {@link #enqueue(long, SimAction, boolean)}, last at its time if {@code last} (a tracked entry then). */
    int enqueue(long at, SimAction action, boolean tracked, boolean last) {
        Objects.requireNonNull(action, "action");
        if (at < now) {
            throw new IllegalArgumentException(
                    "cannot schedule at " + at + " ns: it is before now, " + now + " ns");
        }
        if (last) {
            return queue.addTrackedLast(at, action);
        }
        return tracked ? queue.addTracked(at, action) : queue.add(at, action);
    }

    EventQueue<SimAction> queue() {
        return queue;
    }

    /**
     * Schedules {@code action} to run {@code delay} nanoseconds from now.
     *
     * @throws IllegalArgumentException if {@code delay} is negative or {@code now + delay} overflows
     */
    public ScheduledAction scheduleAfter(long delay, SimAction action) {
        if (delay < 0) {
            throw new IllegalArgumentException(
                    "cannot schedule after a negative delay of " + delay + " ns: that is "
                            + (now + delay) + " ns, before now, " + now + " ns");
        }
        long at = now + delay;
        if (at < now) {
            throw new IllegalArgumentException(
                    "cannot schedule after " + delay + " ns: now (" + now + " ns) plus the delay overflows a long");
        }
        return schedule(at, action);
    }

    /** Runs actions until none is pending or {@link #stop()} is called. */
    public void run() {
        loop(Long.MAX_VALUE);
    }

    /**
     * Runs every pending action whose time is at most {@code t}, including those they schedule,
     * then sets the clock to {@code t}. If {@link #stop()} ends the run early, the clock stays at
     * the last action's time, since actions at or before {@code t} may still be pending.
     *
     * @throws IllegalArgumentException if {@code t} is before {@link #now()}
     */
    public void runUntil(long t) {
        if (t < now) {
            throw new IllegalArgumentException(
                    "cannot run until " + t + " ns: it is before now, " + now + " ns");
        }
        if (loop(t)) {
            now = t;
        }
    }

    /** Runs the first pending action, if any, and says whether there was one. */
    public boolean step() {
        enter();
        try {
            if (queue.isEmpty()) {
                return false;
            }
            execute();
            return true;
        } finally {
            running = false;
        }
    }

    /**
     * Asks the running loop to return after the current action. The request lasts until that loop
     * returns; called when no loop is running, it has no effect.
     */
    public void stop() {
        if (running) {
            stopRequested = true;
        }
    }

    /** How many actions are scheduled and neither started nor cancelled. */
    public int pending() {
        return queue.size();
    }

    /** How many actions have run (cancelled ones never do). */
    public long executedEvents() {
        return executedEvents;
    }

    /**
     * The time of the first pending action, or {@link Long#MAX_VALUE} if none is pending. Sources
     * use it to release records in one chunk up to the next kernel event.
     */
    public long nextEventTime() {
        return queue.isEmpty() ? Long.MAX_VALUE : queue.peekTime();
    }

    /** Runs actions up to {@code limit}; true if it ran out of them, false if stopped. */
    private boolean loop(long limit) {
        enter();
        try {
            while (!stopRequested) {
                if (queue.isEmpty() || queue.peekTime() > limit) {
                    return true;
                }
                execute();
            }
            return false;
        } finally {
            running = false;
        }
    }

    private void enter() {
        if (running) {
            throw new IllegalStateException(
                    "the simulation is already running: run, runUntil and step cannot be called from an action");
        }
        running = true;
        stopRequested = false;
    }

    /** Takes the first pending action, advances the clock to its time and runs it. */
    private void execute() {
        now = queue.peekTime();
        SimAction action = queue.poll();
        executedEvents++;
        action.run(this);
    }
}
