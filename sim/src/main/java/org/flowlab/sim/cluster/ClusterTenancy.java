package org.flowlab.sim.cluster;

import java.util.Objects;
import org.flowlab.workloads.Trace;

/**
 * The one billing rule, used by every engine: a worker is billed for every instant its run holds
 * it, busy or idle, at the cluster's price. An engine tells its tenancy when a run asks for the
 * cluster ({@link #ask}) and when the run ends ({@link #release}), and closes it at the end
 * ({@link #bill}); what is held when is the cluster's way of being provisioned:
 * <ul>
 *   <li>{@linkplain #alwaysOn always on} (the stream; a batch or micro-batch engine on a fixed
 *       cluster): held from the trace's start — {@code min(0, first arrival)}, where every engine's
 *       clock starts — to the run's end (the last commit, or the stream job's end), whatever runs on
 *       it. The time with a run or the job on it is running, the rest idle; it never starts cold.</li>
 *   <li>{@linkplain #ephemeral ephemeral}: held from the moment a run asks for it, its start-up
 *       included, to the run's end, and then kept warm for the warm pool. A run that asks within the
 *       pool reuses the warm cluster without a start-up, and the whole gap was billed as idle; one
 *       that asks later pays a cold start, and the pool was billed up to its release, warm pool after
 *       the run before. The pool after the last run is billed too: the cluster cannot know that no
 *       run will follow, and a provider bills the pool until it releases it.</li>
 * </ul>
 * So an ephemeral cluster whose runs are no further apart than its warm pool is held from its first
 * run to the last one's end plus the pool, as an always-on cluster would be, with one cold start.
 */
public final class ClusterTenancy {

    private final ClusterSpec cluster;
    private final Bill.Holding holding;
    private final long warmPool;
    private final long heldFrom;
    private boolean asked;
    private boolean running;
    private long askedAt;
    private long startup;
    private long lastEnd = Long.MIN_VALUE;
    private long starting;
    private long busy;
    private long idle;
    private int coldStarts;

    private ClusterTenancy(ClusterSpec cluster, Bill.Holding holding, long warmPool, long heldFrom) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.holding = holding;
        if (warmPool < 0) {
            throw new IllegalArgumentException("warmPool must be >= 0 (got " + warmPool + " ns)");
        }
        this.warmPool = warmPool;
        this.heldFrom = heldFrom;
    }

    /** A cluster held for the whole run over {@code trace}, from the trace's start. */
    public static ClusterTenancy alwaysOn(ClusterSpec cluster, Trace trace) {
        return new ClusterTenancy(cluster, Bill.Holding.ALWAYS_ON, 0, traceStart(trace));
    }

    /** A cluster started when a run asks for it and kept warm {@code warmPool} after each run. */
    public static ClusterTenancy ephemeral(ClusterSpec cluster, long warmPool) {
        return new ClusterTenancy(cluster, Bill.Holding.EPHEMERAL, warmPool, Long.MIN_VALUE);
    }

    /** Where an always-on cluster's bill starts: the trace's first arrival, or 0 if that is later. */
    public static long traceStart(Trace trace) {
        return Math.min(0, trace.firstArrival());
    }

    /**
     * A run asks for the cluster at {@code t}, after the previous run's end. Returns whether it starts
     * cold: then the run waits {@code startupNanos} for the cluster, and that time is billed as starting.
     */
    public boolean ask(long t, long startupNanos) {
        if (running) {
            throw new IllegalStateException("a run asked for the cluster at " + t + " while another holds it");
        }
        if (startupNanos < 0) {
            throw new IllegalArgumentException("startupNanos must be >= 0 (got " + startupNanos + ")");
        }
        if (lastEnd != Long.MIN_VALUE && t < lastEnd) {
            throw new IllegalStateException("a run asked for the cluster at " + t + ", before the previous run ended at "
                    + lastEnd);
        }
        boolean cold = false;
        if (holding == Bill.Holding.EPHEMERAL) {
            if (lastEnd != Long.MIN_VALUE && t - lastEnd <= warmPool) {
                idle += t - lastEnd;
            } else {
                if (lastEnd != Long.MIN_VALUE) {
                    idle += warmPool;
                }
                cold = true;
                coldStarts++;
            }
        }
        asked = true;
        running = true;
        askedAt = t;
        startup = cold ? startupNanos : 0;
        return cold;
    }

    /** The run that asked last ends at {@code t}: committed, or failed. */
    public void release(long t) {
        if (!running) {
            throw new IllegalStateException("the cluster was released at " + t + " without a run holding it");
        }
        if (t < askedAt) {
            throw new IllegalStateException("a run ended at " + t + ", before it asked for the cluster at " + askedAt);
        }
        // A run that ends before its cluster is up (it cannot today) was starting all along.
        long held = t - askedAt;
        starting += Math.min(held, startup);
        busy += Math.max(0, held - startup);
        running = false;
        lastEnd = t;
    }

    /** Whether a run holds the cluster now: it asked and has not ended. */
    public boolean running() {
        return running;
    }

    /**
     * Whether the cluster exists at {@code t}, a time no earlier than the last call: an always-on
     * one always does; an ephemeral one while a run holds it, or while it waits in the warm pool after
     * the last run, where the next run that asks in time will find it as it is, crashed workers included.
     */
    public boolean exists(long t) {
        return holding == Bill.Holding.ALWAYS_ON || running || lastEnd != Long.MIN_VALUE && t - lastEnd <= warmPool;
    }

    /** The bill of the whole run, which ended at {@code end}: no run may hold the cluster any more. */
    public Bill bill(long end) {
        if (running) {
            throw new IllegalStateException("the bill was asked for at " + end + " while a run holds the cluster");
        }
        if (holding == Bill.Holding.ALWAYS_ON) {
            long held = Math.max(0, end - heldFrom);
            long run = Math.min(busy, held);
            return new Bill(cluster, holding, 0, 0, run, held - run, 0);
        }
        long pool = asked ? warmPool : 0;
        return new Bill(cluster, holding, warmPool, starting, busy, idle + pool, coldStarts);
    }
}
