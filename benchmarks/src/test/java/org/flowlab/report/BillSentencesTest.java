package org.flowlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The sentence that says what an engine was charged and why, from run.json's cost figures. */
class BillSentencesTest {

    @Test
    void anEphemeralClusterSaysItsColdStartsAndItsWarmPool() {
        // 4 workers: 2 × 90 s starting, 2.4 s running, 2 × 10 m idle in the pool.
        RunReport.Cost cost = new RunReport.Cost(4 * 1382.4, 0.4, 0.4 / (4 * 1382.4), 4 * 1382.4 / 3600 * 0.2, "ephemeral",
                1_382_400, new RunReport.Held(4 * 180.0, 4 * 2.4, 4 * 1200.0), 2, 600_000.0, "ephemeral cluster, …");
        assertThat(BillSentences.sentence("batch", cost, 4, 0.2)).isEqualTo("batch: 4 workers held 23 m 02 s — 2 cold starts:"
                + " 3 m 00 s starting, 2.4 s running, 20 m 00 s idle in the warm pool of 10 m 00 s;"
                + " 5,530 worker-seconds at 0.2 per worker-hour = 0.307.");
    }

    @Test
    void anAlwaysOnClusterSaysHowLongItWasHeldAndHowMuchOfItIdle() {
        RunReport.Cost stream = new RunReport.Cost(4 * 3600.0, 3, 3 / 14_400.0, 0.8, "always-on", 3_600_000,
                new RunReport.Held(0, 4 * 3600.0, 0), 0, null, "always-on cluster: …");
        assertThat(BillSentences.sentence("stream", stream, 4, 0.2))
                .isEqualTo("stream: 4 workers always on for 1 h 00 m — 1 h 00 m running; 14,400 worker-seconds at 0.2 per worker-hour = 0.800.");
        RunReport.Cost micro = new RunReport.Cost(3600.0, 1, 1 / 3600.0, 0.2, "always-on", 3_600_000,
                new RunReport.Held(0, 120, 3480), 0, null, "always-on cluster: …");
        assertThat(BillSentences.sentence("micro-batch", micro, 1, 0.2)).isEqualTo("micro-batch: 1 worker always on for"
                + " 1 h 00 m — 2 m 00 s running, 58 m 00 s idle between runs; 3,600 worker-seconds at 0.2 per worker-hour = 0.200.");
    }
}
