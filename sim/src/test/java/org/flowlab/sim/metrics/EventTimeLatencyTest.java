package org.flowlab.sim.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.flowlab.sim.job.ResultKey;
import org.junit.jupiter.api.Test;

/** {@link RecordVisibility#eventTimeLatency}: each output of the final table once, at its last change, whatever showed before. */
class EventTimeLatencyTest {
    private static final long S = 1_000_000_000L;

    @Test
    void eachFinalOutputCountsOnceFromItsWindowsEndToItsLastChange() {
        RecordVisibility v = new RecordVisibility(4);
        ResultKey updated = ResultKey.window(1, 0, 10 * S);
        ResultKey early = ResultKey.window(2, 10 * S, 20 * S);
        ResultKey deleted = ResultKey.window(3, 0, 10 * S);
        ResultKey global = ResultKey.window(4, Long.MIN_VALUE, Long.MAX_VALUE);
        // Shown early at 5 s, corrected at 12 s and again at 13 s: its final value came 3 s after its end.
        v.outputChanged(v.outputId(updated), 5 * S);
        v.outputChanged(v.outputId(updated), 12 * S);
        v.outputChanged(v.outputId(updated), 13 * S);
        // Final at 18 s, before its window ended: 0, not negative.
        v.outputChanged(v.outputId(early), 18 * S);
        // Shown, then deleted: not in the final table, no sample.
        v.outputChanged(v.outputId(deleted), 11 * S);
        v.outputChanged(v.outputId(deleted), 14 * S);
        // A global window's output has no end to measure from.
        v.outputChanged(v.outputId(global), 30 * S);

        LatencySummary latency = v.eventTimeLatency(List.of(updated, early, global));
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.maxMs()).isEqualTo(3_000, within(3.0));
        assertThat(latency.p50Ms()).isZero();
        assertThat(v.eventTimeLatency(List.of()).count()).isZero();
    }
}
