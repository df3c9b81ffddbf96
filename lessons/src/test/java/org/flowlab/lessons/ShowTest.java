package org.flowlab.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChartBuilder;
import org.junit.jupiter.api.Test;

class ShowTest {
    @Test
    void chartsKeepTheirOrderAndDescribeThemselves() {
        var a = new XYChartBuilder().title("Latency").build();
        var b = new CategoryChartBuilder().title("Cost").build();
        Show.Charts charts = Show.charts(a, b);
        assertThat(charts.list()).containsExactly(a, b);
        assertThat(charts).hasToString("2 charts: XYChart \"Latency\", CategoryChart \"Cost\"");
    }

    @Test
    void atLeastOneChartAndNoNulls() {
        assertThatThrownBy(Show::charts).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Show.charts(new XYChartBuilder().build(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
