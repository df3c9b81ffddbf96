package org.flowlab.lessons;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Shows several charts from one cell. A cell whose last expression is a chart already shows it;
 * for more than one, end the cell with {@code Show.charts(latencyChart, costChart)} (no semicolon).
 */
public final class Show {
    private Show() {
    }

    /** The charts to show under the cell, in order. */
    public static Charts charts(Chart<?, ?>... charts) {
        return new Charts(Arrays.asList(charts));
    }

    /** Charts a cell shows one under the other; what {@link #charts} returns. */
    public record Charts(List<Chart<?, ?>> list) {
        public Charts {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("Show.charts needs at least one chart");
            }
            for (Chart<?, ?> chart : list) {
                if (chart == null) {
                    throw new IllegalArgumentException("Show.charts got a null chart");
                }
            }
            list = List.copyOf(new ArrayList<>(list));
        }

        @Override
        public String toString() {
            List<String> titles = new ArrayList<>();
            for (Chart<?, ?> chart : list) {
                titles.add(chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\"");
            }
            return list.size() + (list.size() == 1 ? " chart: " : " charts: ") + String.join(", ", titles);
        }
    }
}
