package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * How the batch engine runs a job: when ({@link Schedule}), how far its watermark trails the
 * staged data (for process functions and late data), what it does with late records, and how
 * runs execute ({@link ExecutionSettings}). {@code BatchConfig.defaults().withSchedule("daily 02:00")}.
 *
 * @param schedule      when runs start
 * @param latenessBound the event-time watermark of a run is the arrival time of the last record it
 *                      reads minus this bound: process functions handle rows up to it, and a record
 *                      whose windows (or key) a committed run's watermark has passed is late; >= 0
 * @param latePolicy    reprocess late records (the default: results stay exact) or drop them
 * @param execution     the cluster, costs, task size, retries, speculation, load, faults and seed
 */
public record BatchConfig(Schedule schedule, long latenessBound, LatePolicy latePolicy, ExecutionSettings execution) {

    /** The default lateness bound: records up to a minute late are not late. */
    public static final long DEFAULT_LATENESS_BOUND = DurationText.NANOS_PER_MINUTE;

    public BatchConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(latePolicy, "latePolicy");
        Objects.requireNonNull(execution, "execution");
        if (latenessBound < 0) {
            throw new InvalidInputException("batch: latenessBound must be >= 0 (got " + latenessBound + " ns)");
        }
    }

    /** Every hour, on the default always-on cluster, late records reprocessed. */
    public static BatchConfig defaults() {
        return new BatchConfig(new Schedule.FixedInterval(DurationText.NANOS_PER_HOUR), DEFAULT_LATENESS_BOUND,
                LatePolicy.REPROCESS, ExecutionSettings.defaults());
    }

    /**
     * The settings of a JSON object, every field optional (the defaults fill in):
     * {@code {"schedule": "daily 02:00", "latenessBound": "5m", "latePolicy": "reprocess",
     * "cluster": "ephemeral", "workers": 8, "slotsPerWorker": 4, "targetTaskRecords": 500000,
     * "maxAttempts": 4, "speculation": true, "faults": "task-fail:p=0.01", "seed": 7}}.
     *
     * @throws InvalidInputException naming the file, the field and what is allowed
     */
    public static BatchConfig fromJson(SpecReader r) {
        r.rejectUnknown(ConfigJson.withCommon("schedule", "latenessBound", "latePolicy"));
        BatchConfig c = defaults();
        if (r.has("schedule")) {
            String text = r.string("schedule");
            try {
                c = c.withSchedule(Schedule.parse(text));
            } catch (InvalidInputException e) {
                throw r.error("schedule", e.getMessage());
            }
        }
        if (r.has("latenessBound")) {
            c = c.withLatenessBound(r.durationOrZero("latenessBound"));
        }
        if (r.has("latePolicy")) {
            c = c.withLatePolicy(ConfigJson.latePolicy(r));
        }
        return c.withExecution(ConfigJson.execution(r, c.execution()));
    }

    /** A short name for tables, for example {@code batch(every 1h)}. */
    public String engineName() {
        return "batch(" + schedule + ")";
    }

    public BatchConfig withSchedule(Schedule s) {
        return new BatchConfig(s, latenessBound, latePolicy, execution);
    }

    /** With the schedule written in {@code text}, for example {@code every 1h}. */
    public BatchConfig withSchedule(String text) {
        return withSchedule(Schedule.parse(text));
    }

    public BatchConfig withLatenessBound(long bound) {
        return new BatchConfig(schedule, bound, latePolicy, execution);
    }

    public BatchConfig withLatePolicy(LatePolicy policy) {
        return new BatchConfig(schedule, latenessBound, policy, execution);
    }

    public BatchConfig withExecution(ExecutionSettings e) {
        return new BatchConfig(schedule, latenessBound, latePolicy, e);
    }

    public BatchConfig withCluster(ClusterSpec cluster) {
        return withExecution(execution.withCluster(cluster));
    }

    public BatchConfig withClusterMode(ClusterMode m) {
        return withExecution(execution.withClusterMode(m));
    }

    public BatchConfig withCosts(CostModel costs) {
        return withExecution(execution.withCosts(costs));
    }

    public BatchConfig withFaults(FaultPlan faults) {
        return withExecution(execution.withFaults(faults));
    }

    public BatchConfig withSeed(long seed) {
        return withExecution(execution.withSeed(seed));
    }
}
