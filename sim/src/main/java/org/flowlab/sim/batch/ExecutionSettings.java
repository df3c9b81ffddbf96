package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.WorkerCrash;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.text.DurationText;

/**
 * How runs are executed, shared by the batch and micro-batch engines: the cluster and how it is
 * provisioned, the cost model, the task size, retries, speculation, background load, the faults
 * to inject and the seed of the run's random draws.
 *
 * @param cluster           workers and slots
 * @param clusterMode       always on, or started per run
 * @param costs             the virtual time of each step of work
 * @param targetTaskRecords records per task: a stage with n input records gets about
 *                          {@code n / targetTaskRecords} tasks (the "optimise batch size" knob:
 *                          too small and per-task overhead dominates, too large and slots idle)
 * @param retries           task retries, back-off and reruns
 * @param speculation       speculative copies of stragglers
 * @param backgroundLoad    the cluster's other work by hour of day
 * @param faults            the faults to inject
 * @param heartbeatTimeout  how long the driver takes to notice a dead worker and reschedule its tasks; a
 *                          crashed worker is back its restart delay after that (by default
 *                          {@link WorkerCrash#DEFAULT_DETECTION_DELAY}, the stream's too)
 * @param warmPool          for {@link ClusterMode#EPHEMERAL}: how long the cluster is held, idle and
 *                          billed, after a run, so that a run within it starts without a cold start, >= 0
 * @param seed              the seed of the run's random streams (task failures)
 */
public record ExecutionSettings(ClusterSpec cluster, ClusterMode clusterMode, CostModel costs, long targetTaskRecords,
                                Retries retries, Speculation speculation, BackgroundLoad backgroundLoad,
                                FaultPlan faults, long heartbeatTimeout, long warmPool, long seed) {

    /** Records per task by default: about 5 MB of 50-byte records, small enough to spread a run over the slots. */
    public static final long DEFAULT_TARGET_TASK_RECORDS = 100_000;

    /** The default warm pool: capacity stays warm (and billed) 10 minutes after a run, like Databricks' pool idle time. */
    public static final long DEFAULT_WARM_POOL = 10 * DurationText.NANOS_PER_MINUTE;

    public ExecutionSettings {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(clusterMode, "clusterMode");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(retries, "retries");
        Objects.requireNonNull(speculation, "speculation");
        Objects.requireNonNull(backgroundLoad, "backgroundLoad");
        Objects.requireNonNull(faults, "faults");
        if (targetTaskRecords < 1) {
            throw new InvalidInputException("targetTaskRecords must be at least 1 (got " + targetTaskRecords + ")");
        }
        if (heartbeatTimeout < 0) {
            throw new InvalidInputException("heartbeatTimeout must be >= 0 (got " + heartbeatTimeout + " ns)");
        }
        if (warmPool < 0) {
            throw new InvalidInputException("warmPool must be >= 0 (got " + warmPool + " ns)");
        }
        faults.validateFor(cluster);
    }

    /** The default cluster, always on, with the documented cost model and no faults. */
    public static ExecutionSettings defaults() {
        return new ExecutionSettings(ClusterSpec.DEFAULT, ClusterMode.FIXED, CostModel.defaults(), DEFAULT_TARGET_TASK_RECORDS,
                Retries.DEFAULT, Speculation.OFF, BackgroundLoad.none(), FaultPlan.NONE, WorkerCrash.DEFAULT_DETECTION_DELAY,
                DEFAULT_WARM_POOL, 1);
    }

    public ExecutionSettings withCluster(ClusterSpec c) {
        return new ExecutionSettings(c, clusterMode, costs, targetTaskRecords, retries, speculation, backgroundLoad, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withClusterMode(ClusterMode m) {
        return new ExecutionSettings(cluster, m, costs, targetTaskRecords, retries, speculation, backgroundLoad, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withCosts(CostModel c) {
        return new ExecutionSettings(cluster, clusterMode, c, targetTaskRecords, retries, speculation, backgroundLoad, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withTargetTaskRecords(long n) {
        return new ExecutionSettings(cluster, clusterMode, costs, n, retries, speculation, backgroundLoad, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withRetries(Retries r) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, r, speculation, backgroundLoad, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withSpeculation(Speculation s) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, retries, s, backgroundLoad, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withBackgroundLoad(BackgroundLoad b) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, retries, speculation, b, faults,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withFaults(FaultPlan f) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, retries, speculation, backgroundLoad, f,
                heartbeatTimeout, warmPool, seed);
    }

    public ExecutionSettings withHeartbeatTimeout(long t) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, retries, speculation, backgroundLoad, faults,
                t, warmPool, seed);
    }

    public ExecutionSettings withWarmPool(long t) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, retries, speculation, backgroundLoad, faults,
                heartbeatTimeout, t, seed);
    }

    public ExecutionSettings withSeed(long s) {
        return new ExecutionSettings(cluster, clusterMode, costs, targetTaskRecords, retries, speculation, backgroundLoad, faults,
                heartbeatTimeout, warmPool, s);
    }
}
