package org.flowlab.sim.batch;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.flowlab.sim.cluster.ClusterTenancy;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.LateJudgements;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.sim.fault.TaskFailureTimes;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.job.GlobalWindow;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.WindowAggregate;
import org.flowlab.sim.kernel.Simulation;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.text.DurationText;

/**
 * The loop both batch engines share, in one simulation: a trigger fires; the run reads what is
 * staged and not yet read, computes its changes ({@link IncrementalJob}) and executes on the
 * cluster ({@link RunExecution}); its commit makes the changes visible at once; the next trigger
 * is due by the schedule, or at the commit if the run overran it. A failed run is rerun whole
 * with the same input, up to {@code maxRunAttempts} runs; then the job fails for good, an outcome
 * like any other. Runs never overlap, so each sees the state the previous one committed.
 */
final class RunLoop implements RunExecution.Listener {

    /**
     * What differs between the batch and the micro-batch engine.
     *
     * @param engineName         the engine's name in outcomes
     * @param output             what the job's last step, when stateful, emits, and when
     * @param latePolicy         late records corrected (batch) or dropped (micro-batch)
     * @param trigger            when runs are due
     * @param costs              per-run start-up, per-task overhead and commit
     * @param eventTime          the event-time contract: each run's watermark is its watermark after the
     *                           largest event time read so far, and it judges which records are late
     */
    record Mode(String engineName, OutputMode output, LatePolicy latePolicy, Trigger trigger, RunPlan.Costs costs,
                EventTimeContract eventTime) {
    }

    /** The run in progress. */
    private static final class Current {
        final long trigger;
        final RunDelta delta;
        final RunPlan plan;
        final boolean[] mapRead;
        final long staged;
        int attempts;
        boolean coldStart;
        long idealFromTrigger = -1;

        Current(long trigger, RunDelta delta, RunPlan plan, long staged) {
            this.trigger = trigger;
            this.delta = delta;
            this.plan = plan;
            this.mapRead = new boolean[plan.mapRecords().length];
            this.staged = staged;
        }
    }

    /** A fault that cost the job work: when it struck, and when the work it stopped could go on. */
    private record Failure(long at, long resumed) {
    }

    private final Trace trace;
    private final ExecutionSettings settings;
    private final Mode mode;
    private final Simulation sim;
    private final StagingArea staging;
    private final IncrementalJob job;
    private final boolean windowedOutputs;
    private final boolean detectorOutputs;
    private final RecordVisibility visibility;
    private final BitSet lateIds = new BitSet();
    private final LateJudgements judgements;
    private final WorkerAvailability workers;
    /** Per worker, whether its current death has cost work yet, and so been counted as a failure. */
    private final boolean[] deathCostWork;
    private final BatchTally tally = new BatchTally();
    private final ThroughputTimeline.Builder throughput;
    private final Histogram processingLatency = LatencySummary.newHistogram();
    private final Histogram detectionLatency = LatencySummary.newHistogram();
    private final Histogram runDurations = LatencySummary.newHistogram();
    private final Set<ResultKey> seenAlerts = new HashSet<>();
    private final List<RunRecord> history = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final ClusterTenancy tenancy;
    private final TaskFailureTimes failureTimes;
    private RunStatus status = RunStatus.COMPLETED;
    /**
     * The committed table, kept apart only when a run can fail for good (task failures in the
     * plan): the job's own table already holds the changes of the run in flight.
     */
    private final NavigableMap<ResultKey, Object> committedTable;

    private Current current;
    private RunExecution execution;
    private long maxEventTimeRead = Long.MIN_VALUE;
    private boolean finished;
    private long lastCommit;
    /** When a map task last read records for the first time (not again, after a failure). */
    private long lastFirstRead = Long.MIN_VALUE;
    /** Records map tasks read for the first time: what a job that failed for good read. */
    private long firstReadRecords;
    private int skipped;
    private int reruns;
    private int overruns;
    private long triggerDelay;
    private long maxTriggerDelay;
    private int coldStarts;
    private long reprocessed;
    private long corrections;
    private long maxStaged;
    private int crashesHit;
    /** Crashes of the warm pool's workers since the last run ended: they hit the job only if the next run reuses it. */
    private int crashesInPool;
    private int crashesDuringCommit;
    private ProgressListener progress = ProgressListener.NONE;

    RunLoop(Job job, Trace trace, ExecutionSettings settings, Mode mode) {
        this.trace = trace;
        this.settings = settings;
        this.mode = mode;
        this.sim = new Simulation(settings.seed());
        this.staging = new StagingArea(trace, settings.faults());
        this.visibility = new RecordVisibility(trace.size());
        this.judgements = new LateJudgements(trace.size());
        this.job = new IncrementalJob(job, trace, mode.output(), mode.latePolicy(), mode.eventTime(), visibility::outputId,
                judgements);

        this.workers = new WorkerAvailability(settings.cluster().workers());
        this.deathCostWork = new boolean[settings.cluster().workers()];
        this.failureTimes = settings.faults().taskFailureTimes(settings.cluster().workers(), settings.seed());
        this.committedTable = failureTimes.isEmpty() ? null : new TreeMap<>();
        this.throughput = ThroughputTimeline.builder(throughputBucket(trace));
        this.tenancy = settings.clusterMode() == ClusterMode.EPHEMERAL
                ? ClusterTenancy.ephemeral(settings.cluster(), settings.warmPool())
                : ClusterTenancy.alwaysOn(settings.cluster(), trace);
        int last = job.lastStatefulIndex();
        Operator lastStateful = last < 0 ? null : job.operators().get(last);
        this.windowedOutputs = lastStateful instanceof WindowAggregate w && !(w.window() instanceof GlobalWindow);
        this.detectorOutputs = lastStateful instanceof KeyedProcess;
    }

    /** Tells {@code listener}, after each commit, the fraction of the trace read so far. */
    RunLoop reportingTo(ProgressListener listener) {
        this.progress = listener;
        return this;
    }

    BatchRun run() {
        for (WorkerCrash c : settings.faults().crashes()) {
            sim.schedule(c.at(), s -> onCrash(c));
        }
        if (trace.size() > 0) {
            long first = mode.trigger().first(staging);
            sim.schedule(Math.max(0, first), s -> onTrigger());
            failureTimes.scheduleIn(sim, 0, this::onTaskFailure);
        }
        sim.run();
        if (trace.size() > 0 && !finished && !status.failed()) {
            throw new IllegalStateException(mode.engineName() + ": the run loop stopped before reading the whole trace");
        }
        return outcome();
    }

    /** Whole seconds, enough that a trace of months has at most about 100 000 buckets. */
    private static long throughputBucket(Trace trace) {
        long span = trace.size() == 0 ? 0 : Math.max(0, trace.lastArrival());
        long seconds = Math.max(1, (span / 100_000 + DurationText.NANOS_PER_SECOND - 1) / DurationText.NANOS_PER_SECOND);
        return seconds * DurationText.NANOS_PER_SECOND;
    }

    private void onTrigger() {
        long now = sim.now();
        int upTo = staging.stagedBy(now);
        int read = job.read();
        if (upTo == read) {
            skipped++;
            long due = mode.trigger().firstAtOrAfter(now, staging.stagedAt(read), read, staging);
            sim.schedule(Math.max(now, due), s -> onTrigger());
            return;
        }
        for (int i = read; i < upTo; i++) {
            maxEventTimeRead = Math.max(maxEventTimeRead, trace.eventTime(i));
        }
        boolean last = upTo == trace.size();
        long watermark;
        if (last) {
            watermark = Long.MAX_VALUE;
        } else {
            watermark = Math.max(job.watermark(), mode.eventTime().watermarkAfter(maxEventTimeRead));
        }
        maxStaged = Math.max(maxStaged, upTo - read);
        RunDelta delta = job.run(upTo, watermark);
        current = new Current(now, delta, RunPlan.of(delta, mode.costs(), settings.targetTaskRecords()), upTo - read);
        startAttempt();
    }

    private void startAttempt() {
        long now = sim.now();
        Current run = current;
        run.attempts++;
        boolean cold = tenancy.ask(now, settings.costs().clusterStartupNanos());
        long startup = cold ? settings.costs().clusterStartupNanos() : 0;
        if (run.idealFromTrigger < 0) {
            run.idealFromTrigger = (now - run.trigger) + startup
                    + UndisturbedRun.idealDuration(run.plan, settings.cluster().totalSlots(), settings.backgroundLoad(), now + startup);
        }
        if (!cold) {
            crashesHit += crashesInPool;
        }
        crashesInPool = 0;
        if (cold) {
            coldStarts++;
            run.coldStart = true;
            // A new cluster: the workers of the one released, dead or not, are gone with it.
            workers.clear();
            sim.scheduleAfter(startup, s -> beginExecution());
        } else {
            beginExecution();
        }
    }

    private void beginExecution() {
        long commitAt = UndisturbedRun.tryRun(current.plan, settings, failureTimes, workers, sim.now(),
                current.mapRead, tally, this);
        if (commitAt >= 0) {
            // Nothing can happen to the run before its commit, so its tasks need no events of their own.
            sim.schedule(commitAt, s -> committed(s.now()));
            return;
        }
        execution = new RunExecution(sim, current.plan, settings, workers, current.mapRead, tally, this);
        execution.start();
    }

    @Override
    public void mapTaskRead(long at, long records, boolean again) {
        throughput.read(at, records, again);
        if (again) {
            reprocessed += records;
        }
        if (!again) {
            lastFirstRead = Math.max(lastFirstRead, at);
            firstReadRecords += records;
        }
    }

    @Override
    public void committed(long at) {
        Current run = current;
        RunDelta delta = run.delta;
        for (Map.Entry<ResultKey, RunDelta.Change> e : delta.changes().entrySet()) {
            ResultKey key = e.getKey();
            RunDelta.Change change = e.getValue();
            if (change.value() == null) {
                continue;
            }
            if (change.maxArrival() != Long.MIN_VALUE) {
                processingLatency.recordValue(Math.max(0, at - change.maxArrival()));
            }
            if (detectorOutputs && seenAlerts.add(key)) {
                detectionLatency.recordValue(Math.max(0, at - key.windowStart()));
            }
        }
        for (ResultKey key : delta.changes().keySet()) {
            visibility.outputChanged(key, at);
        }
        if (committedTable != null) {
            for (Map.Entry<ResultKey, RunDelta.Change> e : delta.changes().entrySet()) {
                if (e.getValue().value() == null) {
                    committedTable.remove(e.getKey());
                } else {
                    committedTable.put(e.getKey(), e.getValue().value());
                }
            }
        }
        for (int i = 0; i < delta.visible.size(); i++) {
            visibility.mark(delta.visible.get(i), at);
        }
        for (int i = 0; i < delta.viaIds.size(); i++) {
            visibility.mark(delta.viaIds.get(i), at, delta.viaOutputs.get(i));
        }
        for (int i = 0; i < delta.finalIds.size(); i++) {
            visibility.markFinal(delta.finalIds.get(i), at);
        }
        for (int i = 0; i < delta.late.size(); i++) {
            int id = delta.late.get(i);
            visibility.mark(id, at);
            lateIds.set(id);
        }
        corrections += delta.corrections;
        runDurations.recordValue(at - run.trigger);
        tally.extraTimeNanos(Math.max(0, (at - run.trigger) - run.idealFromTrigger));
        history.add(new RunRecord(run.trigger, at, delta.records(), staging.bytes(delta.records()), run.plan.taskCount(),
                run.attempts, run.coldStart, delta.watermark, delta.changes().size()));
        endClusterSession(at);
        lastCommit = at;
        progress.progress(trace.size() == 0 ? 1.0 : job.read() / (double) trace.size());
        execution = null;
        current = null;
        if (delta.last) {
            finished = true;
            return;
        }
        long due = mode.trigger().next(run.trigger, job.read(), staging);
        if (due < at) {
            overruns++;
            triggerDelay += at - due;
            maxTriggerDelay = Math.max(maxTriggerDelay, at - due);
        }
        sim.schedule(Math.max(due, at), s -> onTrigger());
    }

    private void endClusterSession(long at) {
        tenancy.release(at);
    }

    @Override
    public void failed(long at) {
        endClusterSession(at);
        execution = null;
        if (current.attempts >= settings.retries().maxRunAttempts()) {
            // The job fails for good: nothing more is read, and what was committed stays visible.
            failures.add(new Failure(at, at));
            int taskAttempts = settings.retries().maxAttempts();
            status = RunStatus.failed(at, reruns, "the run triggered at " + DurationText.format(current.trigger)
                    + " failed " + current.attempts + (current.attempts == 1 ? " time" : " times in a row")
                    + " (a task failed all its " + taskAttempts + (taskAttempts == 1 ? " attempt)" : " attempts)"));
            lastCommit = Math.max(lastCommit, at);
            current = null;
            return;
        }
        reruns++;
        long delay = settings.retries().rerunDelay();
        failures.add(new Failure(at, at + delay));
        sim.scheduleAfter(delay, s -> startAttempt());
    }

    /**
     * Task attempts failed and are retried after their back-off: a failure of the job, as a task
     * failure that restarts the stream is, from the failure until the retry may run.
     */
    @Override
    public void taskAttemptsFailed(long at, long retriedAt) {
        failures.add(new Failure(at, retriedAt));
    }

    /**
     * A crash costs work the first time attempts hang on the dead worker, outputs it held are lost, or
     * a ready task waits while the driver knows every worker is dead: in the run it struck, or in a
     * later one before the worker is back. The work goes on when the driver notices. Fewer slots
     * alone only slow runs, as a slow worker does, and are no failure.
     */
    @Override
    public void workLostToCrash(int worker) {
        if (!deathCostWork[worker]) {
            deathCostWork[worker] = true;
            failures.add(new Failure(workers.diedAt(worker), workers.noticedAt(worker)));
        }
    }

    /** A task failure on {@code worker} now hits the run executing, if any; returns whether the job goes on. */
    private boolean onTaskFailure(int worker) {
        if (finished || status.failed()) {
            return false;
        }
        if (execution != null) {
            execution.taskFailure(worker);
        }
        return true;
    }

    /**
     * A worker dies. It hits the job if the job holds the cluster then: an always-on cluster from
     * the start until the final commit, an ephemeral one while a run is on it or while it waits in
     * the warm pool, where the next run to reuse it finds the worker dead. The driver notices
     * after the heartbeat timeout: until then the attempts on the worker, and any it places there,
     * hang; then they run elsewhere, lost outputs are recomputed, and runs have fewer slots until
     * the worker is back, its restart delay after the loss was noticed. It counts as a failure of
     * the job once it costs work ({@link #workLostToCrash}), whenever that is: a crash during a
     * commit, or of a worker no task needs before it is back, delays nothing.
     */
    private void onCrash(WorkerCrash c) {
        boolean held = !finished && !status.failed() && tenancy.exists(c.at());
        if (!held) {
            return;
        }
        if (tenancy.running() || settings.clusterMode() != ClusterMode.EPHEMERAL) {
            crashesHit++;
        } else {
            crashesInPool++;
        }
        if (workers.crash(c.worker(), c.at(), settings.heartbeatTimeout(), c.restartDelay())) {
            deathCostWork[c.worker()] = false;
        }
        sim.schedule(workers.backAt(c.worker()), s -> {
            if (execution != null) {
                execution.dispatch();
            }
        });
        if (execution != null && execution.active()) {
            if (execution.committing()) {
                crashesDuringCommit++;
            }
            execution.workerLost(c.worker());
        }
    }

    private BatchRun outcome() {
        int n = trace.size();
        long[] visibleAt = visibility.toArray();
        StalenessTimeline staleness;
        if (n == 0) {
            staleness = StalenessTimeline.empty(DurationText.NANOS_PER_MILLI);
        } else {
            long span = Math.max(lastCommit, trace.lastArrival()) - trace.firstArrival();
            staleness = StalenessTimeline.from(trace, visibleAt, StalenessTimeline.defaultStep(span));
        }
        long recoveryTime = 0;
        for (Failure f : failures) {
            recoveryTime = Math.max(recoveryTime, RecoveryFigures.recoveryTime(staleness, f.at(), f.resumed()));
        }
        long lost = 0;
        for (int i = 0; i < n; i++) {
            if (visibleAt[i] < 0 && !lateIds.get(i)) {
                lost++;
            }
        }
        // Runs never overlap and the last one has committed, so the job's table is what is visible;
        // after a failure for good, the run in flight never committed.
        NavigableMap<ResultKey, Object> visible = status.failed() ? committedTable : job.table();
        LatencySummary eventTime = windowedOutputs ? visibility.eventTimeLatency(visible.keySet()) : LatencySummary.EMPTY;
        double busy = tally.busySlotNanos / (double) settings.cluster().slotsPerWorker() / 1e9;
        LatencySummary firstVisible = visibility.firstVisibleLatency(trace);
        // A job that failed for good read only part of the trace: its throughput is what it read.
        long read = status.failed() ? firstReadRecords : n;
        RunMetrics metrics = new RunMetrics(n, visibility.finalLatency(trace, firstVisible), firstVisible,
                LatencySummary.of(processingLatency),
                eventTime, LatencySummary.of(detectionLatency),
                RunMetrics.throughputPerSecond(read, n == 0 ? 0 : trace.firstArrival(), lastFirstRead),
                staleness.meanMs(), staleness.maxMs(), 0, history.size(), LatencySummary.of(runDurations),
                new RecoveryFigures(recoveryTime, reprocessed, 0, lost, reruns),
                new FaultTally(crashesHit, crashesDuringCommit, (int) tally.failedAttempts, reruns + (int) tally.tasksRetried),
                lateIds.cardinality(), corrections, tenancy.bill(lastCommit), busy, lastCommit, staleness,
                throughput.build(trace));
        RunOutcome outcome = new RunOutcome(mode.engineName(), ResultTable.of(visible), metrics, lateIds.cardinality(), 0,
                visibility, lateIds, judgements, status);
        BatchFigures figures = new BatchFigures(history.size(), skipped, reruns, tally.taskAttempts, tally.failedAttempts,
                tally.tasksRetried, tally.tasksKilledByCrash, tally.tasksRecomputed, tally.speculativeCopies,
                tally.speculativeWins, tally.extraTimeNanos, tally.wastedSlotNanos, reprocessed, corrections, overruns,
                triggerDelay, maxTriggerDelay, coldStarts, LatencySummary.of(runDurations), maxStaged,
                staging.bytes(maxStaged), history);
        return new BatchRun(outcome, figures);
    }
}
