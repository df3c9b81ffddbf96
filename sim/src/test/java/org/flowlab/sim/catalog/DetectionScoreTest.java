package org.flowlab.sim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.GroundTruth.Episode;
import org.junit.jupiter.api.Test;

/** Scoring alerts against episodes, on hand-made tables. */
class DetectionScoreTest {

    private static FraudAlert alertAt(long t) {
        return new FraudAlert("country", t, 1.0, 2, 3, 0, 0, 1);
    }

    @Test
    void alertsDetectEpisodesOnTheirKeyFromTheStartUntilTheEndPlusTheSlack() {
        GroundTruth truth = new GroundTruth(List.of(
                new Episode("burst", 1, 100, 200),
                new Episode("burst", 2, 100, 200),
                new Episode("burst", 3, 100, 200),
                new Episode("other", 4, 100, 200)));
        ResultTable alerts = ResultTable.builder()
                .put(ResultKey.at(1, 150, 0), alertAt(150))   // inside key 1's episode
                .put(ResultKey.at(1, 120, 0), alertAt(120))   // an earlier one: the delay counts from it
                .put(ResultKey.at(2, 99, 0), alertAt(99))     // before key 2's episode: a false alarm
                .put(ResultKey.at(2, 209, 0), alertAt(209))   // within the slack of 10 after its end
                .put(ResultKey.at(3, 210, 0), alertAt(210))   // the end plus the slack is exclusive
                .put(ResultKey.at(4, 150, 0), alertAt(150))   // an episode of another kind
                .build();
        DetectionScore score = DetectionScore.of(alerts, truth, "burst", 10);
        assertThat(score).isEqualTo(new DetectionScore(3, 2, 6, 3, List.of(20L, 109L)));
        assertThat(score.recall()).isEqualTo(2 / 3.0);
        assertThat(score.precision()).isEqualTo(0.5);
        assertThat(score).hasToString("2 of 3 episodes detected, 6 alerts, 3 false alarms");
        assertThat(DetectionScore.of(alerts, truth, "burst", 0).detected()).isEqualTo(1);
    }

    @Test
    void noEpisodesAndNoAlertsArePerfectAndNonAlertsAreRejected() {
        DetectionScore none = DetectionScore.of(ResultTable.empty(), GroundTruth.NONE, "burst", 0);
        assertThat(none.recall()).isEqualTo(1.0);
        assertThat(none.precision()).isEqualTo(1.0);
        ResultTable notAlerts = ResultTable.builder().put(ResultKey.at(1, 5, 0), 3.0).build();
        assertThatThrownBy(() -> DetectionScore.of(notAlerts, GroundTruth.NONE, "burst", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("output at key 1 at 0.000000005s is not an alert: 3.0");
    }
}
