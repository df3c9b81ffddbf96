package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.engine.OutputMode;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.spec.SpecReader;
import org.flowlab.workloads.text.DurationText;

/**
 * How the batch engine runs a job: when ({@link Schedule}), the event-time contract, and how runs
 * execute ({@link ExecutionSettings}). {@code BatchConfig.defaults().withSchedule("daily 02:00")}; the
 * {@code withX} copies it shares with the micro-batch engine's config are {@link RunLoopConfig}'s.
 *
 * <p>A run's watermark is the contract's after the largest event time it has read: process
 * functions handle rows up to it, and a window or key that a committed run's watermark has passed
 * is complete. A record that arrives for a complete partition is not dropped: the next run
 * corrects what it touches (recomputes the window, replays the key) and upserts the new results,
 * counted as a correction, so the batch engine's final table is always exactly the oracle's.
 *
 * @param schedule  when runs start
 * @param eventTime the watermark delay (and allowed lateness, which only engines that drop late
 *                  records use), the same contract every engine of a comparison is given
 * @param output    what a run emits of the windows and alerts it has not completed ({@link OutputMode})
 * @param execution the cluster, costs, task size, retries, speculation, load, faults and seed
 */
public record BatchConfig(Schedule schedule, EventTimeContract eventTime, OutputMode output, ExecutionSettings execution)
        implements RunLoopConfig<BatchConfig> {

    public BatchConfig {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(execution, "execution");
    }

    /** Every hour, on the default always-on cluster, the default event-time contract, final outputs. */
    public static BatchConfig defaults() {
        return new BatchConfig(new Schedule.FixedInterval(DurationText.NANOS_PER_HOUR), EventTimeContract.DEFAULT,
                OutputMode.FINAL, ExecutionSettings.defaults());
    }

    /**
     * The settings of a JSON object, every field optional (the defaults fill in):
     * {@code {"schedule": "daily 02:00", "watermarkDelay": "5m", "output": "updates",
     * "cluster": "ephemeral", "workers": 8, "slotsPerWorker": 4, "targetTaskRecords": 500000,
     * "maxAttempts": 4, "speculation": true, "faults": "task-fail:p=0.01", "seed": 7}}.
     *
     * @throws InvalidInputException naming the file, the field and what is allowed
     */
    public static BatchConfig fromJson(SpecReader r) {
        r.rejectUnknown(ConfigJson.withCommon("schedule", "watermarkDelay", "allowedLateness", "output"));
        BatchConfig c = defaults();
        if (r.has("schedule")) {
            String text = r.string("schedule");
            try {
                c = c.withSchedule(Schedule.parse(text));
            } catch (InvalidInputException e) {
                throw r.error("schedule", e.getMessage());
            }
        }
        return ConfigJson.shared(r, c);
    }

    /** A short name for tables, for example {@code batch(every 1h)}. */
    @Override
    public String engineName() {
        return "batch(" + schedule + ")";
    }

    public BatchConfig withSchedule(Schedule s) {
        return new BatchConfig(s, eventTime, output, execution);
    }

    /** With the schedule written in {@code text}, for example {@code every 1h}. */
    public BatchConfig withSchedule(String text) {
        return withSchedule(Schedule.parse(text));
    }

    @Override
    public BatchConfig withRunLoop(EventTimeContract eventTime, OutputMode output, ExecutionSettings execution) {
        return new BatchConfig(schedule, eventTime, output, execution);
    }
}
