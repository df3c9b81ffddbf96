package org.flowlab.sim.batch;

import java.util.Objects;
import org.flowlab.sim.engine.RunOutcome;

/**
 * A batch or micro-batch engine's run with everything it measured: the {@link RunOutcome} every
 * engine returns, and the figures only batch engines have.
 *
 * @param outcome results and shared metrics
 * @param figures runs, retries, reruns, overruns, staging
 */
public record BatchRun(RunOutcome outcome, BatchFigures figures) {
    public BatchRun {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(figures, "figures");
    }
}
