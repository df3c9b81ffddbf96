package org.flowlab.experiment;

import java.util.Objects;
import org.flowlab.flink.FlinkRun;

/**
 * One run of the comparison's job on Apache Flink, beside Flowlab's engines: what Flink gave back
 * and how it compares with the reference oracle.
 *
 * @param run             Flink's results and wall-clock time
 * @param configuration   where and how it ran, for people ({@code STREAMING mode, parallelism 2, …})
 * @param differences     how many result keys differ from the oracle's
 * @param firstDifference the first of them, or empty
 */
public record FlinkEngineRun(FlinkRun run, String configuration, int differences, String firstDifference) {

    public FlinkEngineRun {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(firstDifference, "firstDifference");
    }

    /** {@code flink-batch} or {@code flink-streaming}: its id in run.json. */
    public String engine() {
        return run.engine();
    }

    /** Whether its results equal the oracle's (and so those of every Flowlab engine that agrees). */
    public boolean agrees() {
        return differences == 0;
    }

    /** One line: {@code ✓}, or {@code ✗} with how many outputs differ and the first. */
    public String summary() {
        if (agrees()) {
            return "✓";
        }
        return "✗ " + differences + (differences == 1 ? " output differs" : " outputs differ")
                + (firstDifference.isEmpty() ? "" : ", first: " + firstDifference);
    }
}
