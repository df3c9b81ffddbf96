package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.kernel.ScheduledAction;
import org.flowlab.sim.kernel.Simulation;

/**
 * One attempt at a run on the cluster, in virtual time: start-up, then its stages (a stage starts
 * when the one before it is complete), then the commit. Tasks go to free slots of the workers the
 * driver takes for alive, a task to each worker in turn, the workers in an order drawn afresh at each
 * placement, as Spark's scheduler shuffles its offers. A task attempt takes its cost times the
 * background-load slowdown at its start, and runs at the worker's speed of each moment: a slow
 * period slows the part of it within the period ({@link #serviceTime}). Faults:
 * <ul>
 *   <li>a task failure on a worker ({@link #taskFailure}) fails the attempts running there at that
 *       instant; each task is retried after a back-off, and the run fails when a task has failed
 *       {@code maxAttempts} times (Spark's {@code spark.task.maxFailures});</li>
 *   <li>a worker crash stops its running attempts, but the driver learns of it only when the
 *       heartbeat timeout has passed ({@link WorkerAvailability}): until then they hang, holding
 *       their slots, and tasks it places on the dead worker's free slots hang too; then they all
 *       run again elsewhere, without counting as failures. The finished outputs the worker held of
 *       stages still needed are lost and recomputed then (lineage), and so, transitively, are the
 *       outputs those recomputations need — only what was lost reruns;</li>
 *   <li>with speculation on, a straggler gets a copy on another worker and the first to finish wins.</li>
 * </ul>
 * A run that nothing can disturb is computed in one pass by {@link UndisturbedRun} instead.
 */
final class RunExecution {

    /** What the run loop hears from an execution. */
    interface Listener {
        /**
         * A map task read its records, or an attempt a fault killed had read some of them; {@code again}
         * for records read before (a recomputation, a rerun) and for a killed attempt's, which its
         * task's next attempt reads again.
         */
        void mapTaskRead(long at, long records, boolean again);

        void committed(long at);

        void failed(long at);

        /** Task attempts failed at {@code at} and the run goes on: the last of their tasks is retried at {@code retriedAt}. */
        void taskAttemptsFailed(long at, long retriedAt);

        /**
         * A crash of {@code worker} cost the run work: attempts hang on it, outputs it held are lost, or
         * a ready task waits while the driver knows every worker, this one too, is dead.
         */
        void workLostToCrash(int worker);
    }

    private enum State { QUEUED, RUNNING, DONE }

    private enum Phase { STARTING, TASKS, COMMITTING, COMMITTED, FAILED }

    private static final class Task {
        final int stage;
        final int index;
        final long cost;
        State state = State.QUEUED;
        long readyAt;
        int failures;
        int worker = -1;
        long doneDuration;
        final List<Attempt> running = new ArrayList<>(2);

        Task(int stage, int index, long cost) {
            this.stage = stage;
            this.index = index;
            this.cost = cost;
        }
    }

    private static final class Attempt {
        final Task task;
        final int slot;
        final long start;
        final boolean copy;
        /** When it would end, undisturbed. */
        long end;
        ScheduledAction finish;
        /** When its worker died under it, or never: it does no work after that. */
        long diedAt = Long.MAX_VALUE;

        Attempt(Task task, int slot, long start, boolean copy) {
            this.task = task;
            this.slot = slot;
            this.start = start;
            this.copy = copy;
        }
    }

    private final Simulation sim;
    private final RunPlan plan;
    private final ExecutionSettings settings;
    private final ClusterSpec cluster;
    private final FaultPlan faults;
    private final WorkerAvailability workers;
    private final boolean[] mapReadBefore;
    private final BatchTally tally;
    private final Listener listener;
    private final Task[][] tasks;
    private final int[] doneCount;
    private final List<List<Long>> doneDurations = new ArrayList<>();
    private final Attempt[] slots;
    /** Orders the workers afresh at each placement round, as Spark shuffles its resource offers. */
    private final SplittableRandom offers;
    /** The workers, in the order the last placement round offered them. */
    private final int[] offerOrder;
    private Phase phase = Phase.STARTING;
    private ScheduledAction wake;
    private long wakeAt = Long.MAX_VALUE;

    /**
     * @param workers       the workers' crashes (shared with the run loop, which records them)
     * @param mapReadBefore per map task, whether an earlier attempt at this run already read its
     *                      records (shared between the run's attempts)
     */
    RunExecution(Simulation sim, RunPlan plan, ExecutionSettings settings, WorkerAvailability workers, boolean[] mapReadBefore,
                 BatchTally tally, Listener listener) {
        this.sim = sim;
        this.plan = plan;
        this.settings = settings;
        this.cluster = settings.cluster();
        this.faults = settings.faults();
        this.workers = workers;
        this.mapReadBefore = mapReadBefore;
        this.tally = tally;
        this.listener = listener;
        this.tasks = new Task[plan.stages().size()][];
        this.doneCount = new int[tasks.length];
        for (int s = 0; s < tasks.length; s++) {
            long[] costs = plan.stages().get(s);
            tasks[s] = new Task[costs.length];
            for (int i = 0; i < costs.length; i++) {
                tasks[s][i] = new Task(s, i, costs[i]);
            }
            doneDurations.add(new ArrayList<>());
        }
        this.slots = new Attempt[cluster.totalSlots()];
        // Seeded by the run's seed and start: the same run places its tasks alike in every replay.
        this.offers = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + sim.now());
        this.offerOrder = new int[cluster.workers()];
        for (int w = 0; w < offerOrder.length; w++) {
            offerOrder[w] = w;
        }
    }

    /**
     * The service time of a task of cost {@code cost} launched at {@code start} on {@code worker}
     * under background-load slowdown {@code load} (the load at its start, as {@link BackgroundLoad}
     * says) and the slow periods of {@code faults}: its work goes at the worker's speed of each moment, so a slow period slows the part
     * of it that runs within the period, no more — as the stream engine charges each element by
     * the factor at its time — whether the task started before the period or runs on past its end.
     */
    static long serviceTime(FaultPlan faults, long cost, double load, int worker, long start) {
        long t = start;
        double work = cost;
        for (long change = faults.nextSlowChange(worker, t); change != Long.MAX_VALUE; change = faults.nextSlowChange(worker, t)) {
            double factor = load * faults.slowFactor(worker, t);
            if (work * factor <= change - t) {
                break;
            }
            work -= (change - t) / factor;
            t = change;
        }
        double factor = load * faults.slowFactor(worker, t);
        return t - start + (factor == 1 ? (long) Math.ceil(work) : (long) Math.ceil(work * factor));
    }

    boolean active() {
        return phase == Phase.STARTING || phase == Phase.TASKS || phase == Phase.COMMITTING;
    }

    boolean committing() {
        return phase == Phase.COMMITTING;
    }

    void start() {
        sim.scheduleAfter(plan.startup(), s -> beginTasks());
    }

    private void beginTasks() {
        if (phase != Phase.STARTING) {
            return;
        }
        phase = Phase.TASKS;
        if (firstIncompleteStage() < 0) {
            beginCommit();
        } else {
            dispatch();
        }
    }

    private int firstIncompleteStage() {
        for (int s = 0; s < tasks.length; s++) {
            if (doneCount[s] < tasks[s].length) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Puts ready tasks (or speculative copies) on free slots of workers the driver takes for alive,
     * and asks to be woken when more will be ready.
     */
    void dispatch() {
        if (phase != Phase.TASKS) {
            return;
        }
        int stage = firstIncompleteStage();
        if (stage < 0) {
            return;
        }
        long now = sim.now();
        if (somethingToPlace(stage, now)) {
            place(stage, now);
        }
        if (noWorkerSchedulable(now) && nextReady(stage, now) != null) {
            // The run stands still for want of any live worker: the crashes cost it work. Fewer
            // slots alone only slow it, as a slow worker does.
            for (int worker = 0; worker < cluster.workers(); worker++) {
                listener.workLostToCrash(worker);
            }
        }
        long next = Long.MAX_VALUE;
        for (Task t : tasks[stage]) {
            if (t.state == State.QUEUED && t.readyAt > now) {
                next = Math.min(next, t.readyAt);
            }
        }
        next = Math.min(next, nextSpeculationTime(stage, now));
        wakeAt(next);
    }

    /**
     * Whether a placement round would place anything: a free slot the driver may use, and a ready
     * task or a straggler to copy. Only then are the workers ordered, so that a call that can place
     * nothing (a fault that found no task, a worker back with no work waiting) draws nothing from
     * {@link #offers} and changes no later placement.
     */
    private boolean somethingToPlace(int stage, long now) {
        boolean ready = nextReady(stage, now) != null;
        for (int worker = 0; worker < cluster.workers(); worker++) {
            if (freeSlot(worker) >= 0 && workers.schedulable(worker, now)
                    && (ready || nextStraggler(stage, worker, now) != null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As Spark's TaskSchedulerImpl.resourceOffers: the workers in a random order, then a task to each
     * worker with a free slot in turn, round after round, so that tasks spread over the cluster; a run
     * of few tasks does not always land on the same workers, nor miss the faults of the others.
     */
    private void place(int stage, long now) {
        for (int i = offerOrder.length - 1; i > 0; i--) {
            int j = offers.nextInt(i + 1);
            int w = offerOrder[i];
            offerOrder[i] = offerOrder[j];
            offerOrder[j] = w;
        }
        boolean placed = true;
        while (placed) {
            placed = false;
            for (int worker : offerOrder) {
                int slot = freeSlot(worker);
                if (slot < 0 || !workers.schedulable(worker, now)) {
                    continue;
                }
                Task next = nextReady(stage, now);
                if (next != null) {
                    launch(next, slot, false);
                    placed = true;
                    continue;
                }
                Task straggler = nextStraggler(stage, worker, now);
                if (straggler != null) {
                    launch(straggler, slot, true);
                    tally.speculativeCopies++;
                    placed = true;
                }
            }
        }
    }

    private boolean noWorkerSchedulable(long now) {
        for (int worker = 0; worker < cluster.workers(); worker++) {
            if (workers.schedulable(worker, now)) {
                return false;
            }
        }
        return true;
    }

    /** A free slot of {@code worker}, the first; -1 if none. Its slots are every {@code workers}th from {@code worker} ({@link ClusterSpec#workerOfSlot}). */
    private int freeSlot(int worker) {
        for (int slot = worker; slot < slots.length; slot += cluster.workers()) {
            if (slots[slot] == null) {
                return slot;
            }
        }
        return -1;
    }

    private void wakeAt(long t) {
        if (t == Long.MAX_VALUE || (wake != null && wakeAt <= t && wakeAt > sim.now())) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAt = t;
        wake = sim.schedule(t, s -> {
            wake = null;
            wakeAt = Long.MAX_VALUE;
            dispatch();
        });
    }

    private Task nextReady(int stage, long now) {
        for (Task t : tasks[stage]) {
            if (t.state == State.QUEUED && t.readyAt <= now) {
                return t;
            }
        }
        return null;
    }

    /** The stage's median task duration, once enough of it is done to speculate; else -1. */
    private long speculationThreshold(int stage) {
        Speculation sp = settings.speculation();
        if (!sp.enabled()) {
            return -1;
        }
        List<Long> done = doneDurations.get(stage);
        long needed = Math.max(1, (long) Math.floor(sp.quantile() * tasks[stage].length));
        if (done.size() < needed) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(done);
        sorted.sort(null);
        long median = sorted.get(sorted.size() / 2);
        return (long) Math.ceil(sp.multiplier() * median);
    }

    private Task nextStraggler(int stage, int freeWorker, long now) {
        long threshold = speculationThreshold(stage);
        if (threshold < 0) {
            return null;
        }
        Task best = null;
        for (Task t : tasks[stage]) {
            if (t.state == State.RUNNING && t.running.size() == 1) {
                Attempt a = t.running.get(0);
                if (cluster.workerOfSlot(a.slot) != freeWorker && now - a.start > threshold
                        && (best == null || a.start < best.running.get(0).start)) {
                    best = t;
                }
            }
        }
        return best;
    }

    private long nextSpeculationTime(int stage, long now) {
        long threshold = speculationThreshold(stage);
        if (threshold < 0) {
            return Long.MAX_VALUE;
        }
        long next = Long.MAX_VALUE;
        for (Task t : tasks[stage]) {
            if (t.state == State.RUNNING && t.running.size() == 1) {
                long crossing = t.running.get(0).start + threshold + 1;
                if (crossing > now) {
                    next = Math.min(next, crossing);
                }
            }
        }
        return next;
    }

    private void launch(Task task, int slot, boolean copy) {
        long now = sim.now();
        int worker = cluster.workerOfSlot(slot);
        long duration = serviceTime(faults, task.cost, settings.backgroundLoad().slowdownAt(now), worker, now);
        Attempt a = new Attempt(task, slot, now, copy);
        slots[slot] = a;
        task.running.add(a);
        task.state = State.RUNNING;
        tally.taskAttempts++;
        a.end = now + duration;
        if (workers.dead(worker, now)) {
            hang(a, workers.diedAt(worker));
        } else {
            a.finish = sim.schedule(a.end, s -> finish(a));
        }
    }

    /**
     * Stops an attempt that a fault ends (its task failed, its run failed, the driver noticed its
     * worker dead): as {@link #stop}, and a map task's records it had read, at an even pace over its
     * service time until it stopped or its worker died, are read again by whatever attempt or run
     * takes its task — reprocessed, as the stream counts each record it reads again after a restart.
     */
    private void kill(Attempt a) {
        stop(a);
        long[] records = plan.mapRecords();
        // While another attempt of the task runs on (a speculative copy), nothing is read again for the fault.
        if (a.task.stage == 0 && records.length > 0 && a.task.running.isEmpty()) {
            long spent = Math.max(0, Math.min(sim.now(), a.diedAt) - a.start);
            long read = a.end <= a.start ? 0 : (long) Math.floor(records[a.task.index] * (double) spent / (a.end - a.start));
            if (read > 0) {
                listener.mapTaskRead(sim.now(), read, true);
            }
        }
    }

    /** Attempt {@code a}'s worker died at {@code diedAt}: it ends only when the driver notices. */
    private void hang(Attempt a, long diedAt) {
        int worker = cluster.workerOfSlot(a.slot);
        listener.workLostToCrash(worker);
        a.diedAt = diedAt;
        if (a.finish != null) {
            a.finish.cancel();
        }
        a.finish = sim.schedule(Math.max(sim.now(), workers.noticedAt(worker)), s -> lost(a));
    }

    /** The driver notices that attempt {@code a}'s worker is dead: the task runs again if no other attempt of it runs. */
    private void lost(Attempt a) {
        if (phase != Phase.TASKS) {
            return;
        }
        kill(a);
        tally.tasksKilledByCrash++;
        if (a.task.running.isEmpty()) {
            a.task.state = State.QUEUED;
            a.task.readyAt = sim.now();
        }
        dispatch();
    }

    /** Stops an attempt now: its slot is freed and its time so far, until its worker died if it did, counts as busy and wasted. */
    private void stop(Attempt a) {
        a.finish.cancel();
        long spent = Math.max(0, Math.min(sim.now(), a.diedAt) - a.start);
        tally.busySlotNanos += spent;
        tally.wastedSlotNanos += spent;
        slots[a.slot] = null;
        a.task.running.remove(a);
    }

    private void finish(Attempt a) {
        if (!active()) {
            return;
        }
        long now = sim.now();
        Task t = a.task;
        tally.busySlotNanos += now - a.start;
        slots[a.slot] = null;
        t.running.remove(a);
        for (Attempt other : new ArrayList<>(t.running)) {
            stop(other);
        }
        if (a.copy) {
            tally.speculativeWins++;
        }
        t.state = State.DONE;
        t.worker = cluster.workerOfSlot(a.slot);
        t.doneDuration = now - a.start;
        doneCount[t.stage]++;
        doneDurations.get(t.stage).add(t.doneDuration);
        if (t.stage == 0 && plan.mapRecords().length > 0) {
            boolean again = mapReadBefore[t.index];
            mapReadBefore[t.index] = true;
            listener.mapTaskRead(now, plan.mapRecords()[t.index], again);
        }
        if (firstIncompleteStage() < 0) {
            beginCommit();
        } else {
            dispatch();
        }
    }

    private void beginCommit() {
        phase = Phase.COMMITTING;
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
        sim.scheduleAfter(plan.commit(), s -> {
            phase = Phase.COMMITTED;
            listener.committed(s.now());
        });
    }

    private void failRun() {
        phase = Phase.FAILED;
        for (Attempt a : slots) {
            if (a != null) {
                kill(a);
            }
        }
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
        listener.failed(sim.now());
    }

    /**
     * A task failure on {@code worker} now: every attempt running there fails (its time so far is
     * wasted). A task is retried after its back-off once no attempt of it runs; the run fails when
     * a task has failed {@code maxAttempts} times. Outside the task phase nothing runs on workers.
     */
    void taskFailure(int worker) {
        long now = sim.now();
        if (phase != Phase.TASKS || workers.dead(worker, now)) {
            return;
        }
        boolean hit = false;
        long retriedAt = now;
        for (int slot = 0; slot < slots.length; slot++) {
            Attempt a = slots[slot];
            if (a == null || cluster.workerOfSlot(slot) != worker) {
                continue;
            }
            kill(a);
            hit = true;
            tally.failedAttempts++;
            Task t = a.task;
            t.failures++;
            if (t.failures >= settings.retries().maxAttempts()) {
                failRun();
                return;
            }
            if (t.running.isEmpty()) {
                t.state = State.QUEUED;
                t.readyAt = now + settings.retries().backoff(t.failures);
                retriedAt = Math.max(retriedAt, t.readyAt);
                tally.tasksRetried++;
            }
        }
        if (hit) {
            listener.taskAttemptsFailed(now, retriedAt);
        }
        dispatch();
    }

    /**
     * Worker {@code worker} has just died: its attempts hang until the driver notices, and finished
     * outputs it held that are still needed are recomputed from then.
     */
    void workerLost(int worker) {
        if (phase != Phase.TASKS) {
            return;
        }
        long now = sim.now();
        long noticed = workers.noticedAt(worker);
        for (Attempt a : slots) {
            if (a != null && cluster.workerOfSlot(a.slot) == worker && a.diedAt == Long.MAX_VALUE) {
                hang(a, now);
            }
        }
        // From the last stage down: a stage's outputs are needed while the next stage is not done,
        // and recomputing a lost task needs its whole input stage again.
        for (int s = tasks.length - 2; s >= 0; s--) {
            if (doneCount[s + 1] == tasks[s + 1].length || !plan.intermediate(s)) {
                continue;
            }
            for (Task t : tasks[s]) {
                if (t.state == State.DONE && t.worker == worker) {
                    listener.workLostToCrash(worker);
                    t.state = State.QUEUED;
                    t.readyAt = noticed;
                    t.worker = -1;
                    doneCount[s]--;
                    doneDurations.get(s).remove(Long.valueOf(t.doneDuration));
                    tally.tasksRecomputed++;
                    tally.wastedSlotNanos += t.doneDuration;
                }
            }
        }
        dispatch();
    }
}
