package org.flowlab.sim.batch;

import java.util.List;
import org.flowlab.sim.engine.CommonSettings;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.text.DurationText;

/**
 * The batch engine and the micro-batch engine as a comparison runs them ({@link
 * org.flowlab.sim.registry.EngineRegistry}). Both get the comparison's cluster, cost model, event-time
 * contract, output mode, faults and seed; a failed task attempt is retried as their {@link BatchRetries}
 * say (Spark's 4 attempts), a failed run is rerun.
 * <ul>
 *   <li>batch — a run every interval ({@code every} schedule) on an ephemeral cluster, as an hourly or
 *       nightly job usually runs: held from a run's request, its cold start included, to its end, then kept
 *       warm for the 10-minute warm pool, so runs closer together than the pool hold it all along; a record
 *       arriving for a partition that already ran is corrected by the next run, so its results stay exact.</li>
 *   <li>micro-batch — a trigger every interval (100 ms to 1 h) on an always-on cluster, held like the
 *       stream's from the trace's start to the run's end; records the contract finds late are dropped and
 *       counted, as Spark does.</li>
 * </ul>
 */
public final class BatchEngineTypes {

    /** A batch every hour, a typical ETL schedule. */
    public static final BatchSettings BATCH_DEFAULTS = new BatchSettings(DurationText.NANOS_PER_HOUR, BatchRetries.DEFAULT);
    /** A micro-batch every 10 s. */
    public static final BatchSettings MICROBATCH_DEFAULTS = new BatchSettings(10 * DurationText.NANOS_PER_SECOND,
            BatchRetries.DEFAULT);

    public static final EngineType<BatchSettings> BATCH = new EngineType<>("batch", "batch", "#0072B2",
            "a scheduled job over staged records: the simplest to build, test and rerun",
            BatchSettings.class, BATCH_DEFAULTS,
            List.of(EngineOption.duration("batch-interval", "interval", "Batch: one run every D (default: 1h).",
                    BatchSettings::interval, BatchSettings::withInterval), retries()),
            BatchEngineTypes::batch, BatchEngineTypes::describe, BatchSettings::interval, "rerun",
            BatchEngineTypes::givingUp);

    public static final EngineType<BatchSettings> MICROBATCH = new EngineType<>("microbatch", "micro-batch", "#E69F00",
            "the batch model on a short trigger with state carried between runs: batch code and semantics, plus a"
                    + " scheduler that never stops",
            BatchSettings.class, MICROBATCH_DEFAULTS,
            List.of(EngineOption.duration("microbatch-interval", "interval",
                    "Micro-batch: the trigger interval (default: 10s).", BatchSettings::interval,
                    BatchSettings::withInterval), retries()),
            BatchEngineTypes::microBatch, BatchEngineTypes::describe, BatchSettings::interval, "rerun",
            BatchEngineTypes::givingUp);

    private BatchEngineTypes() {
    }

    private static EngineOption<BatchSettings> retries() {
        return new EngineOption<>("retries", "retries", "attempts=N,runs=M",
                "Batch and micro-batch: attempts per task before the run fails, and runs of the same input before the"
                        + " job fails (default: " + BatchRetries.DEFAULT + ", as Spark's spark.task.maxFailures).",
                false, s -> s.retries().toString(), (s, text) -> s.withRetries(BatchRetries.parse(text)));
    }

    private static BatchEngine batch(CommonSettings common, BatchSettings own, FaultPlan faults, long seed) {
        BatchConfig c = BatchConfig.defaults();
        return new BatchEngine(c.withExecution(retried(c.execution(), own))
                .withSchedule(new Schedule.FixedInterval(own.interval())).withCommon(common, faults, seed)
                .withClusterMode(ClusterMode.EPHEMERAL));
    }

    private static MicroBatchEngine microBatch(CommonSettings common, BatchSettings own, FaultPlan faults, long seed) {
        MicroBatchConfig c = MicroBatchConfig.defaults();
        return new MicroBatchEngine(c.withExecution(retried(c.execution(), own))
                .withInterval(own.interval()).withCommon(common, faults, seed));
    }

    /** {@code e} with the settings' attempts; applied before the cluster, costs and faults, which withExecution would replace. */
    private static ExecutionSettings retried(ExecutionSettings e, BatchSettings own) {
        return e.withRetries(own.retries().applyTo(e.retries()));
    }

    /** {@code every 1h}, with {@code , updates} and retries other than the defaults named. */
    private static String describe(BatchSettings own, CommonSettings common) {
        return "every " + DurationText.exact(own.interval()) + (common.output() == OutputMode.UPDATES ? ", updates" : "")
                + (own.retries().equals(BatchRetries.DEFAULT) ? ""
                : ", " + own.retries().maxAttempts() + " attempts per task, " + own.retries().maxRunAttempts() + " per run");
    }

    private static String givingUp(BatchSettings own) {
        return "A task gets " + own.retries().maxAttempts() + " attempts before its run fails, and a failed run is rerun"
                + " until the same input has run " + own.retries().maxRunAttempts() + " times; then the job gives up.";
    }
}
