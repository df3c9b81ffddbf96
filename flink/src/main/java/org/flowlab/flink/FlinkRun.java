package org.flowlab.flink;

import java.util.Objects;
import org.flowlab.sim.job.ResultTable;

/**
 * What one run of a job on Flink gives back: the final results, in the oracle's result keys, and
 * how long it took on the wall clock.
 *
 * @param mode               the runtime mode
 * @param job                the job's name
 * @param results            the outputs collected from Flink
 * @param lateRows           rows dropped as late by any stateful step (0 when the watermarks'
 *                           disorder bound covers the trace's disorder)
 * @param repeatedOutputs    outputs that came twice with the same value: 0, since Flink collects them exactly
 *                           once even across a restart; more would be a defect (a different
 *                           value the second time fails the run)
 * @param records            trace events read
 * @param wallClockNanos     from submitting the job to the last result, including Flink's start-up
 * @param flinkRuntimeMillis the job's run time as Flink reports it (its "net runtime")
 */
public record FlinkRun(FlinkMode mode, String job, ResultTable results, long lateRows, long repeatedOutputs,
                       long records, long wallClockNanos, long flinkRuntimeMillis) {

    public FlinkRun {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(results, "results");
    }

    /** {@code flink-batch} or {@code flink-streaming}. */
    public String engine() {
        return mode.engineName();
    }

    /** Trace events per second of wall clock, start-up included. */
    public double recordsPerSecond() {
        return wallClockNanos == 0 ? 0 : records * 1e9 / wallClockNanos;
    }

    @Override
    public String toString() {
        return engine() + " " + job + ": " + results.size() + " outputs, " + lateRows + " late rows, " + records
                + " records in " + wallClockNanos / 1_000_000 + " ms (" + Math.round(recordsPerSecond()) + " records/s)";
    }
}
