package org.flowlab.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

class TraceViewsTest {

    @Test
    void theDelayCoversTheBoundCutToMillisecondsAndOneMore() {
        assertThat(TraceViews.watermarkDelayMillis(0)).isEqualTo(1);
        assertThat(TraceViews.watermarkDelayMillis(1)).isEqualTo(2);
        assertThat(TraceViews.watermarkDelayMillis(1_000_000)).isEqualTo(2);
        assertThat(TraceViews.watermarkDelayMillis(1_000_001)).isEqualTo(3);
        assertThatThrownBy(() -> TraceViews.watermarkDelayMillis(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TraceViews.watermarkDelayMillis(100L * 86_400_000_000_000L))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("99 days");
    }

    @Test
    void theDelayIsADayToSecondInterval() {
        assertThat(TraceViews.interval(5_001)).isEqualTo("INTERVAL '0 00:00:05.001' DAY TO SECOND(3)");
        assertThat(TraceViews.interval(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000L + 6))
                .isEqualTo("INTERVAL '2 03:04:05.006' DAY TO SECOND(3)");
    }
}
