package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.ClusterTenancy;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.TaskFailureTimes;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.RowPredicate;
import org.flowlab.sim.job.SessionWindows;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.kernel.ScheduledAction;
import org.flowlab.sim.kernel.Simulation;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * One run of a job over a trace in the stream engine, in its own {@link Simulation}. Usually run
 * to the end in one call ({@link StreamEngine#run}); tests and lessons can also step it — advance
 * virtual time, crash a worker now — and look at it between steps.
 *
 * <p>The run owns what outlives a restart: the visible outputs, when each input record became
 * visible, which records were late, the last completed checkpoint and the fault bookkeeping. The
 * tasks and channels are rebuilt from the job at every restart, from fresh function instances.
 */
public final class StreamRun {

    private enum Phase { RUNNING, FAILING, DOWN, FINISHED, FAILED }

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

    private final FaultPlan faults;
    private final boolean hasStalls;
    private final boolean hasSlowdowns;
    private final TaskFailureTimes failureTimes;
    private final RestartStrategy.Backoff backoff;
    /** How many task-failure events are pending in the simulation. */
    private IntSupplier pendingFailureEvents = () -> 0;
    private final int[][] logs;
    private final int[] highWater;
    private final ThroughputTimeline.Builder throughput = ThroughputTimeline.builder(1_000_000_000L);
    private final long startTime;

    private Phase phase = Phase.RUNNING;
    private int incarnation = -1;
    private SourceTask[] sources;
    private KeyedTask[][] stages;
    private Task[] tasks;
    private long activity;
    private long activityAtTrigger = -1;

    private ScheduledAction ticker;
    private ScheduledAction detection;
    private ScheduledAction restart;
    private long failedAt;
    private long restartNotBefore = Long.MIN_VALUE;
    private final List<long[]> failures = new ArrayList<>();
    private int workerCrashes;
    private int crashesDuringCheckpoint;
    private int taskFailures;
    private int restarts;
    private int restartsWithoutProgress;
    private RunStatus status = RunStatus.COMPLETED;

    private long reprocessed;
    private long lastFirstRead = Long.MIN_VALUE;
    private long retiredBusyNanos;
    private long retiredBackPressuredNanos;
    private long endTime = -1;
    private RunOutcome outcome;
    private Consumer<WatermarkEvent> watermarkListener = e -> { };

    private StreamRun(Job job, Trace trace, StreamConfig config) {
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
        this.hasStalls = !faults.stalls().isEmpty();
        this.hasSlowdowns = !faults.slowdowns().isEmpty();
        this.failureTimes = faults.taskFailureTimes(config.cluster().workers(), config.seed());
        this.backoff = config.restartStrategy().start();
        this.visibility = new RecordVisibility(trace.size());
        this.late = new LateLog(trace.size());
        this.sink = new Sink(this);
        this.coordinator = new CheckpointCoordinator(this);
        int partitions = config.sourcePartitions();
        int[] counts = new int[partitions];
        int[] partitionOf = new int[trace.size()];
        for (int i = 0; i < trace.size(); i++) {
            partitionOf[i] = StreamRecord.partition(trace.key(i), partitions);
            counts[partitionOf[i]]++;
        }
        logs = new int[partitions][];
        for (int p = 0; p < partitions; p++) {
            logs[p] = new int[counts[p]];
        }
        int[] fill = new int[partitions];
        for (int i = 0; i < trace.size(); i++) {
            int p = partitionOf[i];
            logs[p][fill[p]++] = i;
        }
        highWater = new int[partitions];
    }

    /** A run of {@code job} over {@code trace}, set up at the trace's start and not yet run. */
    public static StreamRun start(Job job, Trace trace, StreamConfig config) {
        StreamRun run = new StreamRun(job, trace, config);
        run.build(null, run.startTime);
        run.armTicker(run.startTime + config.watermarkInterval());
        if (config.checkpointing()) {
            run.sim.schedule(run.startTime + config.checkpointInterval(), run::checkpointTimer);
        }
        for (WorkerCrash crash : config.faults().crashes()) {
            if (crash.at() >= run.startTime) {
                run.sim.schedule(crash.at(), s -> run.crash(crash.worker(), crash.restartDelay()));
            }
        }
        run.pendingFailureEvents = run.failureTimes.scheduleIn(run.sim, run.startTime, run::taskFailure);
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
        return status;
    }

    /** Runs the simulation up to virtual time {@code t}. */
    public void advanceTo(long t) {
        sim.runUntil(Math.max(t, sim.now()));
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
        crash(worker, restartDelay);
    }

    /** Runs to the end and returns the outcome (the same one on every call). */
    public RunOutcome finish() {
        if (outcome == null) {
            sim.run();
            if (!isFinished()) {
                throw new IllegalStateException("the stream run stopped at " + sim.now() + " ns without finishing");
            }
            outcome = buildOutcome();
        }
        return outcome;
    }

    /** Calls {@code listener} whenever a keyed task's watermark advances or is restored. */
    public void onWatermark(Consumer<WatermarkEvent> listener) {
        this.watermarkListener = Objects.requireNonNull(listener, "listener");
    }

    /** The current watermark of every keyed task, stage by stage; empty for a job without keyBy. */
    public long[] watermarks() {
        int n = 0;
        for (KeyedTask[] stage : stages) {
            n += stage.length;
        }
        long[] out = new long[n];
        int i = 0;
        for (KeyedTask[] stage : stages) {
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
        return restarts;
    }

    /** How many restarts came before the tasks running now. */
    public int incarnation() {
        return incarnation;
    }

    /** Completed checkpoints so far. */
    public int completedCheckpoints() {
        return coordinator.durations().size();
    }

    /** The id of the checkpoint in flight, or -1. */
    public long checkpointInProgress() {
        return coordinator.pendingId();
    }

    // ---------------------------------------------------------------- tasks

    Task[] tasks() {
        return tasks;
    }

    /** Builds the tasks and channels of a new incarnation, restored from {@code from} if given. */
    private void build(CheckpointCoordinator.Completed from, long t) {
        incarnation++;
        ClusterSpec cluster = config.cluster();
        int partitions = config.sourcePartitions();
        int parallelism = config.parallelism();
        int stageCount = plan.stages();
        tasks = new Task[partitions + (stageCount - 1) * parallelism];
        sources = new SourceTask[partitions];
        for (int p = 0; p < partitions; p++) {
            sources[p] = new SourceTask(this, p, p, cluster.workerOfSlot(p), logs[p], t);
            tasks[p] = sources[p];
        }
        stages = new KeyedTask[stageCount - 1][];
        for (int s = 1; s < stageCount; s++) {
            KeyedTask[] stage = new KeyedTask[parallelism];
            for (int j = 0; j < parallelism; j++) {
                int slot = partitions + (s - 1) * parallelism + j;
                stage[j] = new KeyedTask(this, s, j, slot, cluster.workerOfSlot(j), newOperator(plan.stateful[s]));
                tasks[slot] = stage[j];
            }
            stages[s - 1] = stage;
            Task[] producers = s == 1 ? sources : stages[s - 2];
            for (Task producer : producers) {
                producer.outputs = new Channel[parallelism];
            }
            for (int j = 0; j < parallelism; j++) {
                Channel[] in = new Channel[producers.length];
                for (int i = 0; i < producers.length; i++) {
                    in[i] = new Channel(producers[i], stage[j], i, config.channelCapacity());
                    producers[i].outputs[j] = in[i];
                }
                stage[j].connect(in);
            }
        }
        if (from != null) {
            for (Task task : tasks) {
                Object snapshot = from.snapshots()[task.slot];
                if (task instanceof SourceTask s) {
                    s.restore((SourceTask.Snapshot) snapshot);
                } else {
                    ((KeyedTask) task).restore((KeyedTask.Snapshot) snapshot);
                }
                task.lastAckedCheckpoint = from.id();
            }
        }
        for (KeyedTask[] stage : stages) {
            for (KeyedTask k : stage) {
                watermarkListener.accept(new WatermarkEvent(k.stage, k.index, incarnation, t, k.watermark, true));
                k.resume(t);
            }
        }
        for (SourceTask s : sources) {
            s.scheduleWake(t);
        }
    }

    private StatefulOperator newOperator(int opIndex) {
        if (opIndex < 0) {
            return null;
        }
        Operator op = plan.ops[opIndex];
        boolean last = job.isLast(opIndex);
        if (op instanceof WindowAggregate w) {
            if (w.window() instanceof SessionWindows session) {
                return new SessionOperator(w, session.gap(), opIndex, last, config.eventTime(), job.name());
            }
            return new WindowOperator(w, opIndex, last, config.eventTime(), config.output(), job.name(),
                    config.checkpointing());
        }
        return new ProcessOperator((KeyedProcess) op, opIndex, last, opIndex == plan.lastStateful, config.eventTime(),
                config.output(), job.name(), config.checkpointing());
    }

    /** A source read the record at {@code offset} of its log at {@code t}. */
    void recordRead(SourceTask source, int offset, long t) {
        activity++;
        if (offset < highWater[source.partition]) {
            reprocessed++;
            throughput.read(t, true);
        } else {
            highWater[source.partition] = offset + 1;
            throughput.read(t, false);
            lastFirstRead = Math.max(lastFirstRead, t);
        }
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

    /** A completed checkpoint makes what a task staged before its barrier visible (and final). */
    void commit(Epoch epoch, long t) {
        for (SinkOutput out : epoch.outputs) {
            sink.publish(out, t);
        }
        for (int i = 0; i < epoch.idCount(); i++) {
            visibility.mark(epoch.id(i), t);
        }
        for (Lineage l : epoch.lineages) {
            l.mark(visibility, t);
        }
        for (int i = 0; i < epoch.finalIdCount(); i++) {
            visibility.markFinal(epoch.finalId(i), t);
        }
        for (Lineage l : epoch.finalLineages()) {
            l.markFinal(visibility, t);
        }
    }

    // ---------------------------------------------------------------- watermarks and checkpoints

    private void armTicker(long at) {
        if (ticker != null) {
            ticker.cancel();
        }
        ticker = sim.schedule(Math.max(at, sim.now()), this::tick);
    }

    /**
     * Every watermark interval: each source emits its watermark. While every source is quiet, skip
     * ahead to its next read; while every source is settled — nothing read since its last tick, so
     * its watermark cannot move — skip the ticks that would change nothing, up to the last one
     * before a source reads again or goes idle (kept, since a barrier may delay its processing past
     * that time).
     */
    private void tick(Simulation s) {
        ticker = null;
        if (phase == Phase.FINISHED || phase == Phase.FAILED || phase == Phase.DOWN) {
            return;
        }
        long now = s.now();
        boolean quiet = true;
        boolean settled = true;
        boolean anyLeft = false;
        long nextRead = Long.MAX_VALUE;
        long nextChange = Long.MAX_VALUE;
        for (SourceTask source : sources) {
            quiet &= source.quiet();
            settled &= source.settled(now);
            nextChange = Math.min(nextChange, source.nextTickChange(now));
            if (!source.finished && !source.dead) {
                anyLeft = true;
                nextRead = Math.min(nextRead, source.nextReadTime(now));
            }
            source.tick(now);
        }
        if (!anyLeft) {
            return;
        }
        long interval = config.watermarkInterval();
        long next = now + interval;
        if (quiet && nextRead != Long.MAX_VALUE && nextRead > next) {
            next = now + ticksUntil(nextRead - now, interval) * interval;
        } else if (!quiet && settled && nextChange != Long.MAX_VALUE && nextChange - interval > next) {
            next = now + ticksUntil(nextChange - interval - now, interval) * interval;
        }
        if (quiet && nextRead == Long.MAX_VALUE) {
            return;
        }
        armTicker(next);
    }

    /** How many intervals from now to the first tick at or after {@code span} from now. */
    private static long ticksUntil(long span, long interval) {
        return Math.floorDiv(span + interval - 1, interval);
    }

    private void checkpointTimer(Simulation s) {
        if (phase == Phase.FINISHED || phase == Phase.FAILED) {
            return;
        }
        if (phase == Phase.RUNNING && s.pending() == pendingFailureEvents.getAsInt() && !coordinator.inProgress()) {
            // Only this timer (and future task failures) is left: no task will ever run again, so the job can never finish.
            throw new IllegalStateException("job " + job.name() + ": the stream stopped making progress at "
                    + s.now() + " ns without finishing (a bug in the engine)");
        }
        if (phase == Phase.RUNNING || phase == Phase.FAILING) {
            // Nothing was read, processed or fired since the last trigger: another checkpoint would
            // snapshot the same state, so it is skipped (long quiet periods cost no kernel events).
            if (activity != activityAtTrigger || coordinator.last() == null) {
                activityAtTrigger = activity;
                coordinator.trigger(s.now());
            }
        }
        s.schedule(s.now() + config.checkpointInterval(), this::checkpointTimer);
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
            finishJob(t);
        } else if (!coordinator.inProgress()) {
            coordinator.trigger(t);
        }
    }

    private boolean allFinished() {
        for (Task task : tasks) {
            if (!task.finished) {
                return false;
            }
        }
        return true;
    }

    void checkpointCompleted(CheckpointCoordinator.Completed c) {
        restartsWithoutProgress = 0;
        if (c.allFinished()) {
            finishJob(c.completedAt());
        } else if (allFinished() && phase == Phase.RUNNING) {
            coordinator.trigger(sim.now());
        }
    }

    private void finishJob(long t) {
        phase = Phase.FINISHED;
        endTime = t;
        if (ticker != null) {
            ticker.cancel();
            ticker = null;
        }
    }

    // ---------------------------------------------------------------- faults

    /**
     * A task failure on {@code worker} now: if the job runs a task there, the job fails and
     * restarts from its last completed checkpoint (every task, as Flink's restart-all and, for a
     * job whose stages are joined by keyBy, its region failover do). A job that is down or already
     * failing has nothing running to fail.
     *
     * @return whether the job is still going, and so meets this worker's next failure
     */
    private boolean taskFailure(int worker) {
        if (phase == Phase.FINISHED || phase == Phase.FAILED) {
            return false;
        }
        if (phase != Phase.RUNNING) {
            return true;
        }
        boolean hit = false;
        for (Task task : tasks) {
            if (task.worker == worker && !task.finished && !task.dead) {
                hit = true;
                break;
            }
        }
        if (!hit) {
            return true;
        }
        taskFailures++;
        failedAt = sim.now();
        if (detection != null) {
            detection.cancel();
            detection = null;
        }
        cancelJob();
        restartAfterFailure(sim.now());
        return true;
    }

    /**
     * The job is down after a failure noticed now: the restart strategy says when it restarts
     * (not before a crashed worker is back), or that it fails for good.
     */
    private void restartAfterFailure(long now) {
        long delay = backoff.onFailure(now);
        if (delay < 0) {
            fail(now, "the restart strategy (" + config.restartStrategy() + ") allows no more restarts");
            return;
        }
        scheduleRestart(Math.max(now + delay, restartNotBefore));
    }

    /** The job fails for good at {@code t}: nothing runs any more, and the outcome says why. */
    private void fail(long t, String reason) {
        phase = Phase.FAILED;
        endTime = t;
        status = RunStatus.failed(t, restarts, reason);
        if (ticker != null) {
            ticker.cancel();
            ticker = null;
        }
        if (restart != null) {
            restart.cancel();
            restart = null;
        }
    }

    private void crash(int worker, long restartDelay) {
        if (phase == Phase.FINISHED || phase == Phase.FAILED) {
            return;
        }
        long now = sim.now();
        workerCrashes++;
        restartNotBefore = Math.max(restartNotBefore, now + config.heartbeatTimeout() + restartDelay);
        switch (phase) {
            case RUNNING -> {
                if (coordinator.inProgress()) {
                    crashesDuringCheckpoint++;
                }
                killWorker(worker);
                phase = Phase.FAILING;
                failedAt = now;
                detection = sim.schedule(now + config.heartbeatTimeout(), s -> detect());
            }
            case FAILING -> killWorker(worker);
            case DOWN -> scheduleRestart(restartNotBefore);
            default -> throw new IllegalStateException(phase.toString());
        }
    }

    private void killWorker(int worker) {
        for (Task task : tasks) {
            if (task.worker == worker) {
                task.kill();
            }
        }
    }

    /** The crash is noticed: cancel the job and restart it when the worker is back. */
    private void detect() {
        detection = null;
        if (phase != Phase.FAILING) {
            return;
        }
        cancelJob();
        restartAfterFailure(sim.now());
    }

    private void cancelJob() {
        for (Task task : tasks) {
            retiredBusyNanos += task.busyNanos;
            retiredBackPressuredNanos += task.backPressuredNanos;
            task.kill();
        }
        coordinator.abort();
        failures.add(new long[]{failedAt, -1});
        phase = Phase.DOWN;
    }

    private void scheduleRestart(long at) {
        if (restart != null) {
            if (restart.time() >= at) {
                return;
            }
            restart.cancel();
        }
        restart = sim.schedule(Math.max(at, sim.now()), s -> restartJob());
    }

    private void restartJob() {
        restart = null;
        if (phase != Phase.DOWN) {
            return;
        }
        long now = sim.now();
        if (restartsWithoutProgress >= RestartStrategy.MAX_RESTARTS_WITHOUT_PROGRESS) {
            fail(now, "no progress: restarted " + restartsWithoutProgress + " times in a row from the same "
                    + (coordinator.last() == null ? "start (no checkpoint ever completed)" : "checkpoint"));
            return;
        }
        restarts++;
        restartsWithoutProgress++;
        restartNotBefore = Long.MIN_VALUE;
        failures.get(failures.size() - 1)[1] = now;
        phase = Phase.RUNNING;
        build(coordinator.last(), now);
        armTicker(now + config.watermarkInterval());
        if (allFinished()) {
            taskFinished(tasks[0], now);
        }
    }

    // ---------------------------------------------------------------- outcome

    private RunOutcome buildOutcome() {
        long busy = retiredBusyNanos;
        long backPressured = retiredBackPressuredNanos;
        for (Task task : tasks) {
            busy += task.busyNanos;
            backPressured += task.backPressuredNanos;
        }
        long span = Math.max(1, endTime - startTime);
        StalenessTimeline staleness = StalenessTimeline.from(trace, visibility.toArray(), StalenessTimeline.defaultStep(span));
        long recoveryTime = 0;
        for (long[] f : failures) {
            recoveryTime = Math.max(recoveryTime, RecoveryFigures.recoveryTime(staleness, f[0], f[1] < 0 ? f[0] : f[1]));
        }
        long lost = visibility.invisibleCount();
        double readSpan = trace.size() == 0 ? 1 : Math.max(1e9, lastFirstRead - trace.firstArrival());
        // A job that failed for good read only part of the trace: its throughput is what it read.
        long read = trace.size();
        if (status.failed()) {
            read = 0;
            for (int h : highWater) {
                read += h;
            }
        }
        ClusterSpec cluster = config.cluster();
        // The job holds its cluster from the trace's start to its end, running all along.
        ClusterTenancy tenancy = ClusterTenancy.alwaysOn(cluster, trace);
        tenancy.ask(startTime, 0);
        tenancy.release(endTime);
        long[] durations = coordinator.durations().stream().mapToLong(Long::longValue).toArray();
        LatencySummary firstVisible = visibility.firstVisibleLatency(trace);
        RunMetrics metrics = new RunMetrics(
                trace.size(),
                visibility.finalLatency(trace, firstVisible),
                firstVisible,
                sink.processingLatency(),
                sink.eventTimeLatency(),
                sink.detectionLatency(),
                read * 1e9 / readSpan,
                staleness.meanMs(),
                staleness.maxMs(),
                backPressured,
                durations.length,
                durations.length == 0 ? LatencySummary.EMPTY : LatencySummary.ofNanos(durations),
                new RecoveryFigures(recoveryTime, reprocessed, sink.duplicates(), lost, restarts),
                new FaultTally(workerCrashes, crashesDuringCheckpoint, taskFailures, restarts),
                late.count(),
                0,
                tenancy.bill(endTime),
                busy / 1e9 / cluster.slotsPerWorker(),
                endTime,
                staleness,
                throughput.build(trace));
        return new RunOutcome("stream", sink.table(), metrics, late.count(), sink.duplicates(), visibility, late.lateIds(),
                late.judgements(), status);
    }
}
