package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.sim.fault.TaskFailureTimes;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.sim.kernel.ScheduledAction;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.stream.StreamRun.Phase;

/**
 * How a {@link StreamRun} meets faults: a worker crash is noticed after the heartbeat timeout, a
 * task failure at once; either cancels every task, and the restart strategy says when the job
 * restarts from its last completed checkpoint (not before a crashed worker is back) or that it
 * fails for good. Keeps the fault figures of the outcome: when each failure began and ended, and
 * how many crashes, task failures and restarts there were.
 */
final class Failover {
    private final StreamRun run;
    private final TaskFailureTimes failureTimes;
    private final RestartStrategy.Backoff backoff;
    /** How many task-failure events are pending in the simulation. */
    private IntSupplier pendingFailureEvents = () -> 0;

    private ScheduledAction detection;
    private ScheduledAction restart;
    private long failedAt;
    private long restartNotBefore = Long.MIN_VALUE;
    /** Each failure's start and the restart that ended it (-1 while the job is down). */
    private final List<long[]> failures = new ArrayList<>();
    private int workerCrashes;
    private int crashesDuringCheckpoint;
    private int taskFailures;
    private int restarts;
    private int restartsWithoutProgress;
    private RunStatus status = RunStatus.COMPLETED;

    Failover(StreamRun run) {
        this.run = run;
        this.failureTimes = run.config.faults().taskFailureTimes(run.config.cluster().workers(), run.config.seed());
        this.backoff = run.config.restartStrategy().start();
    }

    /** Schedules the fault plan's worker crashes and task failures from {@code startTime} on. */
    void schedule(long startTime) {
        for (WorkerCrash crash : run.config.faults().crashes()) {
            if (crash.at() >= startTime) {
                run.sim.schedule(crash.at(), s -> crash(crash.worker(), crash.restartDelay()));
            }
        }
        pendingFailureEvents = failureTimes.scheduleIn(run.sim, startTime, this::taskFailure);
    }

    /** How many task-failure events are pending in the simulation. */
    int pendingFailureEvents() {
        return pendingFailureEvents.getAsInt();
    }

    /** Whether the job has failed for good so far, and why. */
    RunStatus status() {
        return status;
    }

    /** How many times the job has restarted so far. */
    int restarts() {
        return restarts;
    }

    /** Each failure's start and the restart that ended it, or -1 if none did. */
    List<long[]> failures() {
        return failures;
    }

    FaultTally tally() {
        return new FaultTally(workerCrashes, crashesDuringCheckpoint, taskFailures, restarts);
    }

    /** A checkpoint completed: the restarts so far were not in vain. */
    void progressMade() {
        restartsWithoutProgress = 0;
    }

    /**
     * A task failure on {@code worker} now: if the job runs a task there, the job fails and
     * restarts from its last completed checkpoint (every task, as Flink's restart-all and, for a
     * job whose stages are joined by keyBy, its region failover do). A job that is down or already
     * failing has nothing running to fail.
     *
     * @return whether the job is still going, and so meets this worker's next failure
     */
    private boolean taskFailure(int worker) {
        if (run.phase == Phase.FINISHED || run.phase == Phase.FAILED) {
            return false;
        }
        if (run.phase != Phase.RUNNING) {
            return true;
        }
        boolean hit = false;
        for (Task task : run.tasks()) {
            if (task.worker == worker && !task.finished && !task.dead) {
                hit = true;
                break;
            }
        }
        if (!hit) {
            return true;
        }
        taskFailures++;
        failedAt = run.sim.now();
        if (detection != null) {
            detection.cancel();
            detection = null;
        }
        cancelJob();
        restartAfterFailure(run.sim.now());
        return true;
    }

    /**
     * The job is down after a failure noticed now: the restart strategy says when it restarts
     * (not before a crashed worker is back), or that it fails for good.
     */
    private void restartAfterFailure(long now) {
        long delay = backoff.onFailure(now);
        if (delay < 0) {
            fail(now, "the restart strategy (" + run.config.restartStrategy() + ") allows no more restarts");
            return;
        }
        scheduleRestart(Math.max(now + delay, restartNotBefore));
    }

    /** The job fails for good at {@code t}: nothing runs any more, and the outcome says why. */
    private void fail(long t, String reason) {
        run.end(Phase.FAILED, t);
        status = RunStatus.failed(t, restarts, reason);
        if (restart != null) {
            restart.cancel();
            restart = null;
        }
    }

    /** Worker {@code worker} crashes now, and is back {@code restartDelay} after the crash is detected. */
    void crash(int worker, long restartDelay) {
        if (run.phase == Phase.FINISHED || run.phase == Phase.FAILED) {
            return;
        }
        long now = run.sim.now();
        workerCrashes++;
        restartNotBefore = Math.max(restartNotBefore, now + run.config.heartbeatTimeout() + restartDelay);
        switch (run.phase) {
            case RUNNING -> {
                if (run.coordinator.inProgress()) {
                    crashesDuringCheckpoint++;
                }
                killWorker(worker);
                run.phase = Phase.FAILING;
                failedAt = now;
                detection = run.sim.schedule(now + run.config.heartbeatTimeout(), s -> detect());
            }
            case FAILING -> killWorker(worker);
            case DOWN -> scheduleRestart(restartNotBefore);
            default -> throw new IllegalStateException(run.phase.toString());
        }
    }

    private void killWorker(int worker) {
        for (Task task : run.tasks()) {
            if (task.worker == worker) {
                task.kill();
            }
        }
    }

    /** The crash is noticed: cancel the job and restart it when the worker is back. */
    private void detect() {
        detection = null;
        if (run.phase != Phase.FAILING) {
            return;
        }
        cancelJob();
        restartAfterFailure(run.sim.now());
    }

    private void cancelJob() {
        for (Task task : run.tasks()) {
            run.figures.retire(task);
            task.kill();
        }
        run.coordinator.abort();
        failures.add(new long[]{failedAt, -1});
        run.phase = Phase.DOWN;
    }

    private void scheduleRestart(long at) {
        if (restart != null) {
            if (restart.time() >= at) {
                return;
            }
            restart.cancel();
        }
        restart = run.sim.schedule(Math.max(at, run.sim.now()), s -> restartJob());
    }

    private void restartJob() {
        restart = null;
        if (run.phase != Phase.DOWN) {
            return;
        }
        long now = run.sim.now();
        if (restartsWithoutProgress >= RestartStrategy.MAX_RESTARTS_WITHOUT_PROGRESS) {
            fail(now, "no progress: restarted " + restartsWithoutProgress + " times in a row from the same "
                    + (run.coordinator.last() == null ? "start (no checkpoint ever completed)" : "checkpoint"));
            return;
        }
        restarts++;
        restartsWithoutProgress++;
        restartNotBefore = Long.MIN_VALUE;
        failures.get(failures.size() - 1)[1] = now;
        run.restart(now);
    }
}
