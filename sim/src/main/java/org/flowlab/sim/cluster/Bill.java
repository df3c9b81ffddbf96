package org.flowlab.sim.cluster;

import java.util.Objects;
import org.flowlab.workloads.text.DurationText;

/**
 * What one engine's run was charged, and why: every worker of its cluster for every instant the run
 * held it, busy or idle, at the cluster's one price ({@link ClusterTenancy} is the rule). The time
 * the cluster was held is split by why it was held; the three parts add up to {@link #heldNanos()}.
 *
 * @param cluster       the workers held and their price
 * @param holding       always on, or started for runs and kept in a warm pool between them
 * @param warmPool      for {@link Holding#EPHEMERAL}: how long an idle cluster stays held after a run; 0 otherwise
 * @param startingNanos the cluster starting (the cold starts of an ephemeral cluster)
 * @param runningNanos  a run or the job on the cluster
 * @param idleNanos     held with nothing on it: in the warm pool, or an always-on cluster between runs
 * @param coldStarts    how many times an ephemeral cluster was started
 */
public record Bill(ClusterSpec cluster, Holding holding, long warmPool, long startingNanos, long runningNanos,
                   long idleNanos, int coldStarts) {

    /** How a cluster is held. */
    public enum Holding {
        /** From the trace's start to the run's end, whatever runs on it. */
        ALWAYS_ON,
        /** From a run's request (start-up included) to its end, and idle in the warm pool after it. */
        EPHEMERAL
    }

    public Bill {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(holding, "holding");
        if (warmPool < 0 || startingNanos < 0 || runningNanos < 0 || idleNanos < 0 || coldStarts < 0) {
            throw new IllegalArgumentException("a bill's times and counts are >= 0 (warm pool " + warmPool + ", starting "
                    + startingNanos + ", running " + runningNanos + ", idle " + idleNanos + ", cold starts " + coldStarts + ")");
        }
    }

    /** How long the cluster was held, busy or idle. */
    public long heldNanos() {
        return startingNanos + runningNanos + idleNanos;
    }

    /** Worker-seconds held: the workers × {@link #heldNanos()}. */
    public double workerSeconds() {
        return workerSeconds(heldNanos());
    }

    /**
     * Worker-seconds of {@code nanos} of the cluster's time: the workers × nanos, exact while that fits
     * a long (a run of a few dozen years on four workers does not), then in floating point.
     */
    public double workerSeconds(long nanos) {
        int workers = cluster.workers();
        if (Math.abs(nanos) <= Long.MAX_VALUE / workers) {
            return workers * nanos / 1e9;
        }
        return workers * (nanos / 1e9);
    }

    /** What the run is charged: {@link #workerSeconds()} × the price. */
    public double amount() {
        return cluster.cost(workerSeconds());
    }

    /** The rule that made this bill, for people: how the cluster was held and what was billed. */
    public String rule() {
        return switch (holding) {
            case ALWAYS_ON -> "always-on cluster: every worker billed from the trace's start to the run's end, busy or idle";
            case EPHEMERAL -> "ephemeral cluster, warm pool " + DurationText.format(warmPool) + ": every worker billed from"
                    + " a run's request (cold start included) to its end, then idle in the pool until the next run or "
                    + DurationText.format(warmPool) + " after it, the last run's too; a run within the pool reuses the"
                    + " warm cluster";
        };
    }
}
