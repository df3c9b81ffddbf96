package org.flowlab.sim.stream;

import java.util.Objects;
import java.util.function.Consumer;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.RowPredicate;
import org.flowlab.sim.kernel.SimTimer;
import org.flowlab.sim.kernel.Simulation;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * One run of a job over a trace in the stream engine, in its own {@link Simulation}. Usually run
 * to the end in one call ({@link StreamEngine#run}); tests and lessons can also step it — advance
 * virtual time, crash a worker now — and look at it between steps.
 *
 * <p>The run owns what outlives a restart: the visible outputs, when each input record became
 * visible, which records were late, the last completed checkpoint and the fault bookkeeping. The
 * tasks and channels are rebuilt from the job at every restart, from fresh function instances
 * ({@link TaskGraph}). Its {@link Failover} meets crashes and task failures, and its
 * {@link StreamFigures} count what the outcome reports.
 */
public final class StreamRun {

    /** Running; a worker crashed and is not yet noticed; cancelled, waiting to restart; over. */
    enum Phase { RUNNING, FAILING, DOWN, FINISHED, FAILED }

    final StreamConfig config;
    final Job job;
    final Trace trace;
    final PhysicalPlan plan;
    final Simulation sim;
    final CostModel costs;
    final RowPredicate sourceFilter;
    final RecordVisibility visibility;
    final LateLog late;
    final Sink sink;
    final CheckpointCoordinator coordinator;
    final Failover failover;
    final StreamFigures figures;

    private final FaultPlan faults;
    private final boolean hasStalls;
    private final boolean hasSlowdowns;
    /** Each partition's log of trace positions, which the sources of every incarnation read. */
    private final int[][] logs;
    private final long startTime;

    Phase phase = Phase.RUNNING;
    private int incarnation = -1;
    private TaskGraph graph;
    private long activity;
    /** Scratch for {@link #tick}, by source: whether its tick changes nothing. */
    private boolean[] tickChangesNothing = new boolean[0];
    /** How many source ticks were taken in one step ({@link SourceTask#takeTickInOneStep}), and how many of them made the source idle: for tests. */
    int ticksInOneStep;
    int idleTicksInOneStep;
    /** The ticks' grid: the ticker is armed a whole number of intervals after this time (the last tick, or the start). */
    private long tickOrigin;

    /** Watermark ticks taken, as kernel events: for tests. */
    int ticks;
    /** How many records a source handed to its consumer to take in line ({@link Task#mayHandOff}): for tests. */
    int handOffs;
    /**
     * Whether a keyed task may take a record in line, in the event of the source that sent it
     * ({@link Task#mayHandOff}): not in the {@code updates} output mode, where taking a record may
     * ask for an early fire, whose time follows the event's.
     */
    final boolean recordsInLine;
    /**
     * For tests: take every watermark tick, an interval apart, none skipped and none in one step —
     * the run the skipping must equal ({@link #tick}). Set before the run goes past its start.
     */
    boolean everyTick;
    private long activityAtTrigger = -1;

    /**
     * Whether a checkpoint may ever be restored: the fault plan crashes a worker or fails a task,
     * or the run was handed out to be stepped (and so may be crashed by {@link #crashWorker}).
     * Otherwise checkpoints still run — barriers, alignment, the virtual time of a snapshot of every
     * state entry, the commit of what the tasks staged — but a task's snapshot says only whether it
     * finished (what completing a checkpoint reads), with no offsets, watermarks or copy of the
     * keyed state, which nothing would read.
     */
    final boolean restorable;
    /**
     * The watermark ticker: one timer, armed for each tick (a pending tick is cancelled by arming it
     * again). A tick is the last action of its instant ({@link Simulation#lastTimer}): it sees what
     * was read then, and its place does not depend on when it was armed, so skipping ticks moves it
     * nowhere among the others.
     */
    private final SimTimer ticker;
    /** The checkpoint timer, armed again each time it fires. */
    private final SimTimer checkpointTrigger;
    /** The time the simulation runs to in the call running now: nothing outside looks at the run before it. */
    private long horizon = Long.MIN_VALUE;
    private long endTime = -1;
    private RunOutcome outcome;
    private Consumer<WatermarkEvent> watermarkListener = e -> { };

    private StreamRun(Job job, Trace trace, StreamConfig config, boolean attended) {
        this.job = Objects.requireNonNull(job, "job");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.config = Objects.requireNonNull(config, "config").validated();
        this.plan = new PhysicalPlan(job);
        this.costs = config.costs();
        this.faults = config.faults();
        try {
            this.sourceFilter = job.source().bind(trace.schema());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("job " + job.name() + ": " + e.getMessage());
        }
        this.startTime = Math.min(0, trace.firstArrival());
        this.sim = new Simulation(config.seed(), startTime);
        this.ticker = sim.lastTimer(this::tick);
        this.checkpointTrigger = sim.timer(this::checkpointTimer);
        this.hasStalls = !faults.stalls().isEmpty();
        this.hasSlowdowns = !faults.slowdowns().isEmpty();
        this.restorable = attended || !faults.crashes().isEmpty() || faults.hasTaskFailures();
        this.recordsInLine = config.output() == OutputMode.FINAL;
        this.failover = new Failover(this);
        this.visibility = new RecordVisibility(trace.size());
        if (plan.lastStateful < 0) {
            // A stateless job's output for a row is keyed by the row's id, its record's trace position.
            visibility.placingOutputs();
        }
        this.late = new LateLog(trace.size());
        this.sink = new Sink(this);
        this.coordinator = new CheckpointCoordinator(this);
        this.logs = TaskGraph.partitionLogs(trace, config.sourcePartitions());
        this.figures = new StreamFigures(config.sourcePartitions());
    }

    /** A run of {@code job} over {@code trace}, set up at the trace's start and not yet run. */
    public static StreamRun start(Job job, Trace trace, StreamConfig config) {
        return start(job, trace, config, true);
    }

    /**
     * A run set up as {@link #start(Job, Trace, StreamConfig)}, for the engine to run through
     * itself: nothing outside sees it before it ends, so with no crash and no task failure in its
     * fault plan no checkpoint is ever restored, and none keeps a copy of the state
     * ({@link #restorable}).
     */
    static StreamRun startUnattended(Job job, Trace trace, StreamConfig config) {
        return start(job, trace, config, false);
    }

    private static StreamRun start(Job job, Trace trace, StreamConfig config, boolean attended) {
        StreamRun run = new StreamRun(job, trace, config, attended);
        run.build(null, run.startTime);
        run.armTicker(run.startTime, run.startTime + config.watermarkInterval());
        if (config.checkpointing()) {
            run.checkpointTrigger.arm(run.startTime + config.checkpointInterval());
        }
        run.failover.schedule(run.startTime);
        return run;
    }

    // ---------------------------------------------------------------- stepping and looking

    /** The run's virtual time. */
    public long now() {
        return sim.now();
    }

    /**
     * Whether the run is over: every task has finished (and, with checkpoints, the final one has
     * completed), or the job has failed for good ({@link #status()}).
     */
    public boolean isFinished() {
        return phase == Phase.FINISHED || phase == Phase.FAILED;
    }

    /** Whether the job has failed for good so far, and why. */
    public RunStatus status() {
        return failover.status();
    }

    /** Runs the simulation up to virtual time {@code t}. */
    public void advanceTo(long t) {
        horizon = Math.max(t, sim.now());
        sim.runUntil(horizon);
    }

    /** Runs the simulation for {@code nanos} more virtual time. */
    public void advanceBy(long nanos) {
        advanceTo(sim.now() + nanos);
    }

    /**
     * Worker {@code worker} crashes now, and is back {@code restartDelay} after the crash is detected.
     *
     * @throws InvalidInputException if the cluster has no such worker
     */
    public void crashWorker(int worker, long restartDelay) {
        if (restartDelay < 0) {
            throw new InvalidInputException("crashWorker: the restart delay must be >= 0 (got " + restartDelay + " ns)");
        }
        if (worker < 0 || worker >= config.cluster().workers()) {
            throw new InvalidInputException("crashWorker: the cluster has " + config.cluster().workers()
                    + " workers (0 to " + (config.cluster().workers() - 1) + "), not worker " + worker);
        }
        failover.crash(worker, restartDelay);
    }

    /** Runs to the end and returns the outcome (the same one on every call). */
    public RunOutcome finish() {
        if (outcome == null) {
            horizon = Long.MAX_VALUE;
            sim.run();
            if (!isFinished()) {
                throw new IllegalStateException("the stream run stopped at " + sim.now() + " ns without finishing");
            }
            outcome = figures.outcome(this, startTime, endTime);
        }
        return outcome;
    }

    /** Calls {@code listener} whenever a keyed task's watermark advances or is restored. */
    public void onWatermark(Consumer<WatermarkEvent> listener) {
        this.watermarkListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Calls {@code listener} whenever an output becomes visible to consumers, in the order they see
     * them: each pane as it fires, each update and retraction, with its time.
     */
    public void onOutput(Consumer<OutputEvent> listener) {
        sink.onOutput(Objects.requireNonNull(listener, "listener"));
    }

    /** The current watermark of every keyed task, stage by stage; empty for a job without keyBy. */
    public long[] watermarks() {
        int n = 0;
        for (KeyedTask[] stage : graph.stages) {
            n += stage.length;
        }
        long[] out = new long[n];
        int i = 0;
        for (KeyedTask[] stage : graph.stages) {
            for (KeyedTask t : stage) {
                out[i++] = t.watermark;
            }
        }
        return out;
    }

    /** The outputs visible now. */
    public ResultTable visibleResults() {
        return sink.table();
    }

    /** Outputs written again with the same value so far. */
    public long duplicates() {
        return sink.duplicates();
    }

    /** How many input records are visible now. */
    public int visibleRecords() {
        return visibility.visibleCount();
    }

    /** Whether input record {@code i} (a trace position) is visible now. */
    public boolean isVisible(int i) {
        return visibility.isVisible(i);
    }

    /** Input records whose latest decision was late, so far. */
    public long lateRecords() {
        return late.count();
    }

    /** How many times the job has restarted so far. */
    public int restarts() {
        return failover.restarts();
    }

    /** How many restarts came before the tasks running now. */
    public int incarnation() {
        return incarnation;
    }

    /** Completed checkpoints so far. */
    public int completedCheckpoints() {
        return coordinator.completedCount();
    }

    /** The id of the checkpoint in flight, or -1. */
    public long checkpointInProgress() {
        return coordinator.pendingId();
    }

    /**
     * The time the simulation runs to in the call running now ({@link #advanceTo}, {@link #finish}):
     * what happens up to then may be computed in one step, since nothing outside can look at the run
     * or act on it half-way.
     */
    long horizon() {
        return horizon;
    }

    // ---------------------------------------------------------------- tasks

    Task[] tasks() {
        return graph.tasks;
    }

    SourceTask[] sources() {
        return graph.sources;
    }

    /** Builds the tasks and channels of a new incarnation, restored from {@code from} if given, and starts them. */
    private void build(CheckpointCoordinator.Completed from, long t) {
        incarnation++;
        graph = new TaskGraph(this, logs, from, t);
        for (KeyedTask[] stage : graph.stages) {
            for (KeyedTask k : stage) {
                watermarkListener.accept(new WatermarkEvent(k.stage, k.index, incarnation, t, k.watermark, true));
                k.resume(t);
            }
        }
        for (SourceTask s : graph.sources) {
            s.scheduleWake(t);
        }
    }

    /** The job restarts at {@code t} from its last completed checkpoint (or its start), after a failure. */
    void restart(long t) {
        phase = Phase.RUNNING;
        build(coordinator.last(), t);
        armTicker(t, t + config.watermarkInterval());
        if (allFinished()) {
            taskFinished(graph.tasks[0], t);
        }
    }

    /** A source read the record at {@code offset} of its log at {@code t}. */
    void recordRead(SourceTask source, int offset, long t) {
        activity++;
        figures.read(source.partition, offset, t);
    }

    /** Something changed that a checkpoint should cover (a checkpoint is skipped while nothing has). */
    void noteActivity() {
        activity++;
    }

    void watermarkAdvanced(KeyedTask task, long t, boolean restored) {
        activity++;
        watermarkListener.accept(new WatermarkEvent(task.stage, task.index, incarnation, t, task.watermark, restored));
    }

    double slowFactor(int worker, long t) {
        return hasSlowdowns ? faults.slowFactor(worker, t) : 1;
    }

    long stallEnd(long t) {
        return hasStalls ? faults.stallEnd(t) : t;
    }

    // ---------------------------------------------------------------- visibility

    void commitId(Task task, int id, long t) {
        if (config.delivery() == Delivery.AT_LEAST_ONCE) {
            visibility.mark(id, t);
        } else {
            task.epoch.addId(id);
        }
    }

    void commitLineage(Task task, Lineage lineage, long t) {
        if (config.delivery() == Delivery.AT_LEAST_ONCE) {
            lineage.mark(visibility, t);
        } else {
            task.epoch.lineages.add(lineage);
        }
    }

    void commitFinalId(Task task, int id, long t) {
        if (config.delivery() == Delivery.AT_LEAST_ONCE) {
            visibility.markFinal(id, t);
        } else {
            task.epoch.addFinalId(id);
        }
    }

    void commitFinalLineage(Task task, Lineage lineage, long t) {
        if (config.delivery() == Delivery.AT_LEAST_ONCE) {
            lineage.markFinal(visibility, t);
        } else {
            task.epoch.addFinalLineage(lineage);
        }
    }

    // ---------------------------------------------------------------- watermarks and checkpoints

    /** Arms the ticker at {@code at}, a tick {@code k} intervals after {@code origin} (the ticks' grid, from then on). */
    private void armTicker(long origin, long at) {
        tickOrigin = origin;
        ticker.arm(Math.max(at, sim.now()));
    }

    /** The first tick of the ticks' grid at or after {@code t} (at or after the last tick taken). */
    private long firstTickFrom(long t) {
        return tickOrigin + ticksUntil(t - tickOrigin, config.watermarkInterval()) * config.watermarkInterval();
    }

    /**
     * A checkpoint's barrier reaches the sources at {@code t} and keeps them busy until {@code until}
     * at the latest (+inf when not known yet): if the ticker skipped ahead of a tick in that span that
     * could change something, it is taken back to the first tick from {@code t}. A tick that finds a
     * busy source is processed when the source is free; the skipped ticks of a settled source change
     * nothing then either, unless the source's idle timeout has passed by then — the tick makes it idle
     * there, earlier than the first tick at or after the timeout would. Called before the barriers are sent,
     * in every phase that sends them and ticks: running, and failing (a crash not detected yet).
     */
    void barrierBusiesSources(long t, long until) {
        if (phase != Phase.RUNNING && phase != Phase.FAILING || !ticker.isPending()) {
            return;
        }
        long first = firstTickFrom(t);
        if (first >= ticker.time() || first >= until) {
            return;
        }
        for (SourceTask source : graph.sources) {
            if (!source.finished && !source.dead && source.mayGoIdleBy(until)) {
                ticker.arm(first);
                return;
            }
        }
    }

    /**
     * Every watermark interval: each source emits its watermark. While every source is quiet, skip
     * ahead to its next read; while every source is settled — nothing read since its last tick, so
     * its watermark cannot move — or settles with this tick (it takes it now, at rest with nothing
     * else waiting), skip the ticks that would change nothing, up to the first one at or after a
     * source reads again or goes idle; a barrier that keeps a source busy in the meantime takes the
     * ticker back ({@link #barrierBusiesSources}). A tick that changes nothing for a source leaves it alone, and a tick comes last in
     * its instant wherever it was armed, so the skipped ticks change no number and no order: a run
     * that takes every tick is the same run ({@code TickSkipProperties}). When a single source's
     * tick changes something, it may be taken here in one step, with its consumers' wake-ups
     * ({@link SourceTask#takeTickInOneStep}).
     */
    private void tick(Simulation s) {
        if (phase == Phase.FINISHED || phase == Phase.FAILED || phase == Phase.DOWN) {
            return;
        }
        ticks++;
        long now = s.now();
        boolean quiet = true;
        boolean settled = true;
        boolean anyLeft = false;
        long nextRead = Long.MAX_VALUE;
        long nextChange = Long.MAX_VALUE;
        SourceTask[] sources = graph.sources;
        if (tickChangesNothing.length != sources.length) {
            tickChangesNothing = new boolean[sources.length];
        }
        SourceTask changing = null;
        int changes = 0;
        for (int i = 0; i < sources.length; i++) {
            SourceTask source = sources[i];
            quiet &= source.quiet();
            if (!source.finished && !source.dead) {
                anyLeft = true;
                long read = source.nextReadTime(now);
                nextRead = Math.min(nextRead, read);
                tickChangesNothing[i] = source.tickChangesNothing(now);
                if (tickChangesNothing[i]) {
                    nextChange = Math.min(nextChange, source.nextTickChange(read));
                } else {
                    changing = source;
                    changes++;
                    // Settled once it has taken this tick, if it takes it now: a settled source's next tick to skip to.
                    settled &= source.settlesWithTick(now);
                    nextChange = Math.min(nextChange, source.nextTickChangeAfterTick(now, read));
                }
            }
        }
        if (anyLeft && !(quiet && nextRead == Long.MAX_VALUE)) {
            long interval = config.watermarkInterval();
            long next = now + interval;
            if (everyTick) {
                // the reference: no tick skipped
            } else if (quiet && nextRead != Long.MAX_VALUE && nextRead > next) {
                next = now + ticksUntil(nextRead - now, interval) * interval;
            } else if (!quiet && settled && nextChange != Long.MAX_VALUE && nextChange > next) {
                // Every source is settled, now or once it has taken this tick: the ticks before the next
                // change change nothing (a barrier meanwhile takes the ticker back: barrierBusiesSources).
                next = now + ticksUntil(nextChange - now, interval) * interval;
            }
            armTicker(now, next);
        }
        // After the next tick is armed: a source that re-arms its wake-up for that time comes after it.
        boolean inOneStep = changes == 1 && phase == Phase.RUNNING && !everyTick && changing.canTakeTickInOneStep(now);
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] != changing || !inOneStep) {
                sources[i].tick(now, tickChangesNothing[i]);
            }
        }
        if (inOneStep) {
            ticksInOneStep++;
            changing.takeTickInOneStep(now);
        }
    }

    /** How many intervals from now to the first tick at or after {@code span} from now. */
    private static long ticksUntil(long span, long interval) {
        return Math.floorDiv(span + interval - 1, interval);
    }

    private void checkpointTimer(Simulation s) {
        if (phase == Phase.FINISHED || phase == Phase.FAILED) {
            return;
        }
        if (phase == Phase.RUNNING && s.pending() == failover.pendingFailureEvents() && !coordinator.inProgress()) {
            // Only this timer (and future task failures) is left: no task will ever run again, so the job can never finish.
            throw new IllegalStateException("job " + job.name() + ": the stream stopped making progress at "
                    + s.now() + " ns without finishing (a bug in the engine)");
        }
        if (phase == Phase.RUNNING || phase == Phase.FAILING) {
            // Nothing was read, processed or fired since the last trigger: another checkpoint would
            // snapshot the same state, so it is skipped (long quiet periods cost no kernel events).
            if (activity != activityAtTrigger || coordinator.last() == null) {
                activityAtTrigger = activity;
                coordinator.triggerByTimer(s.now());
            }
        }
        checkpointTrigger.arm(nextCheckpointTimer(s));
    }

    /**
     * When the checkpoint timer fires next: an interval from now, or, while nothing else is due for
     * longer, at the first interval on or after the next other action. The timers in between would
     * find the run as this one leaves it (nothing runs between them to change it) and do what it
     * did, so skipping them changes nothing — the timer armed now comes after every action pending
     * at its time and before every one scheduled later, as the one armed an interval before would.
     * Only up to the {@linkplain #horizon horizon}, past which a caller may act on the run (a crash
     * between two timers would need them); never while only task failures are left, which the next
     * timer reports.
     */
    private long nextCheckpointTimer(Simulation s) {
        long now = s.now();
        long interval = config.checkpointInterval();
        long next = now + interval;
        long other = s.nextEventTime();
        if (other == Long.MAX_VALUE || other <= next || s.pending() <= failover.pendingFailureEvents()) {
            return next;
        }
        long skipTo = now + ticksUntil(other - now, interval) * interval;
        return skipTo <= horizon ? skipTo : next;
    }

    /** A task finished; once all have, the job ends (with checkpoints: after a final one commits everything). */
    void taskFinished(Task task, long t) {
        if (config.checkpointing()) {
            coordinator.acknowledgeFinished(task, t);
        }
        if (!allFinished()) {
            return;
        }
        if (!config.checkpointing()) {
            end(Phase.FINISHED, t);
        } else if (!coordinator.inProgress()) {
            coordinator.trigger(t);
        }
    }

    private boolean allFinished() {
        for (Task task : graph.tasks) {
            if (!task.finished) {
                return false;
            }
        }
        return true;
    }

    void checkpointCompleted(CheckpointCoordinator.Completed c) {
        failover.progressMade();
        if (c.allFinished()) {
            end(Phase.FINISHED, c.completedAt());
        } else if (allFinished() && phase == Phase.RUNNING) {
            coordinator.trigger(sim.now());
        }
    }

    /** The job is over at {@code t}, finished or failed for good: no more watermark ticks. */
    void end(Phase how, long t) {
        phase = how;
        endTime = t;
        ticker.cancel();
    }
}
