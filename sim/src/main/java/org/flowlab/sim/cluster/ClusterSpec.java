package org.flowlab.sim.cluster;

import java.util.Locale;
import org.flowlab.workloads.InvalidInputException;

/**
 * The machines a job runs on: {@code workers} identical workers (numbered from 0), each with
 * {@code slotsPerWorker} slots, each slot running one task of every stage (Flink's slot sharing)
 * or one batch task at a time. Money is worker-seconds allocated — held, busy or idle, by the one rule
 * of {@link ClusterTenancy} — times the price.
 *
 * @param workers            how many workers, at least 1
 * @param slotsPerWorker     task slots on each worker, at least 1
 * @param pricePerWorkerHour what one worker costs per hour of virtual time, >= 0 (any currency)
 */
public record ClusterSpec(int workers, int slotsPerWorker, double pricePerWorkerHour) {

    /** Four workers of two slots at 0.20 per hour, the order of a small cloud VM. */
    public static final ClusterSpec DEFAULT = new ClusterSpec(4, 2, 0.20);

    /**
     * The most slots a cluster may have (workers × slots per worker): far more than any cluster the
     * lessons or a sweep need, and few enough that a run's per-task and per-worker state fits memory.
     */
    public static final int MAX_SLOTS = 100_000;

    public ClusterSpec {
        if (workers < 1) {
            throw new InvalidInputException("cluster: workers must be at least 1 (got " + workers + ")");
        }
        if (slotsPerWorker < 1) {
            throw new InvalidInputException("cluster: slotsPerWorker must be at least 1 (got " + slotsPerWorker + ")");
        }
        if ((long) workers * slotsPerWorker > MAX_SLOTS) {
            throw new InvalidInputException("cluster: at most " + MAX_SLOTS + " slots in all (got " + workers + " workers × "
                    + slotsPerWorker + " slots)");
        }
        if (!(pricePerWorkerHour >= 0) || Double.isInfinite(pricePerWorkerHour)) {
            throw new InvalidInputException("cluster: pricePerWorkerHour must be a finite number >= 0 (got "
                    + pricePerWorkerHour + ")");
        }
    }

    /** {@link #DEFAULT}. */
    public static ClusterSpec defaults() {
        return DEFAULT;
    }

    /** {@code workers} workers with the default slots and price. */
    public static ClusterSpec ofWorkers(int workers) {
        return new ClusterSpec(workers, DEFAULT.slotsPerWorker, DEFAULT.pricePerWorkerHour);
    }

    public ClusterSpec withWorkers(int n) {
        return new ClusterSpec(n, slotsPerWorker, pricePerWorkerHour);
    }

    public ClusterSpec withSlotsPerWorker(int n) {
        return new ClusterSpec(workers, n, pricePerWorkerHour);
    }

    public ClusterSpec withPricePerWorkerHour(double price) {
        return new ClusterSpec(workers, slotsPerWorker, price);
    }

    /** Slots in the whole cluster. */
    public int totalSlots() {
        return workers * slotsPerWorker;
    }

    /** The worker that slot {@code slot} is on: slots are dealt to workers round-robin, so tasks spread. */
    public int workerOfSlot(int slot) {
        return Math.floorMod(slot, workers);
    }

    /** What {@code workerSeconds} of held workers cost, at the one price every engine pays. */
    public double cost(double workerSeconds) {
        return workerSeconds / 3600.0 * pricePerWorkerHour;
    }

    /** For example {@code 4 workers × 2 slots at 0.2/h}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d worker%s × %d slot%s at %s/h", workers, workers == 1 ? "" : "s",
                slotsPerWorker, slotsPerWorker == 1 ? "" : "s", pricePerWorkerHour);
    }
}
