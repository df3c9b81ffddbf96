package org.flowlab.experiment;

import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@code --vary PARAM=FROM..TO[:STEPS][:log]}: reading it, its values, and its mistakes. */
class VariationTest {
    static final double S = 1e9;

    @Test
    void aLogRangeOfIntervals() {
        Variation v = Variation.parse("interval=1s..1h:3:log", EngineRegistry.STANDARD);
        assertThat(v.parameter().id()).isEqualTo(SweepParameter.INTERVAL);
        assertThat(v.values()).containsExactly(1 * S, 60 * S, 3600 * S);
        assertThat(v.toString()).isEqualTo("interval=1s..1h:3:log");
    }

    @Test
    void aLinearRangeWithTheDefaultStepCount() {
        assertThat(Variation.parse("workers=2..10", EngineRegistry.STANDARD).values()).containsExactly(2.0, 4.0, 6.0, 8.0, 10.0);
    }

    @Test
    void wholeNumbersAreRoundedAndDuplicatesDropped() {
        assertThat(Variation.parse("workers=1..3:9", EngineRegistry.STANDARD).values()).containsExactly(1.0, 2.0, 3.0);
    }

    @Test
    void ratesReadWithOrWithoutAUnit() {
        assertThat(Variation.parse("rate=100..1k/s:2", EngineRegistry.STANDARD).values()).containsExactly(100.0, 1000.0);
        assertThat(Variation.parse("rate=6000/m", EngineRegistry.STANDARD).values()).containsExactly(100.0);
        assertThat(SweepParameter.RATE.format(2500)).isEqualTo("2500/s");
    }

    @Test
    void aSingleValue() {
        Variation v = Variation.parse("task-mtbf=2h", EngineRegistry.STANDARD);
        assertThat(v.values()).containsExactly(7200e9);
        assertThat(Variation.parse("allowed-lateness=0s..10s:3", EngineRegistry.STANDARD).values()).containsExactly(0.0, 5 * S, 10 * S);
    }

    @Test
    void mistakesNameTheTextAndWhatIsAllowed() {
        assertThatThrownBy(() -> Variation.parse("speed=1..2", EngineRegistry.STANDARD)).isInstanceOf(InvalidInputException.class)
                .hasMessage("--vary 'speed=1..2': unknown parameter 'speed'; known: " + SweepParameter.ids(EngineRegistry.STANDARD));
        assertThatThrownBy(() -> Variation.parse("interval", EngineRegistry.STANDARD)).hasMessageContaining("expected PARAM=FROM..TO");
        assertThatThrownBy(() -> Variation.parse("interval=1h..1s", EngineRegistry.STANDARD)).hasMessageContaining("must not run backwards");
        assertThatThrownBy(() -> Variation.parse("interval=1 fortnight..1h", EngineRegistry.STANDARD)).hasMessageContaining("is not a duration");
        assertThatThrownBy(() -> Variation.parse("interval=0s..1h", EngineRegistry.STANDARD)).hasMessageContaining("must be a positive duration");
        assertThatThrownBy(() -> Variation.parse("allowed-lateness=0s..1h:3:log", EngineRegistry.STANDARD)).hasMessageContaining("log scale needs a range above 0");
        assertThatThrownBy(() -> Variation.parse("workers=0..4", EngineRegistry.STANDARD)).hasMessageContaining("whole number >= 1");
        assertThatThrownBy(() -> Variation.parse("task-mtbf=500ms..1h", EngineRegistry.STANDARD)).hasMessageContaining("'500ms' must be at least 1s");
        assertThatThrownBy(() -> Variation.parse("rate=fast..faster", EngineRegistry.STANDARD)).hasMessageContaining("is not a rate");
        assertThatThrownBy(() -> Variation.parse("key-skew=0..2", EngineRegistry.STANDARD)).hasMessageContaining("must be a number > 0");
        assertThatThrownBy(() -> Variation.parse("interval=1s..1h:0", EngineRegistry.STANDARD)).hasMessageContaining("steps must be 1 to 50");
        assertThatThrownBy(() -> Variation.parse("interval=1s..1h:five", EngineRegistry.STANDARD)).hasMessageContaining("neither a step count nor 'log'");
    }

    @Property(tries = 200)
    void valuesStayInRangeIncreaseAndEndAtBothEnds(@ForAll @LongRange(min = 1, max = 86_400) long fromS,
                                                   @ForAll @LongRange(min = 0, max = 86_400) long extraS,
                                                   @ForAll @IntRange(min = 1, max = 50) int steps, @ForAll boolean log) {
        Variation v = new Variation(SweepParameter.parse("batch-interval", EngineRegistry.STANDARD), fromS * S, (fromS + extraS) * S, steps, log);
        List<Double> values = v.values();
        assertThat(values).isNotEmpty().hasSizeLessThanOrEqualTo(steps);
        assertThat(values.get(0)).isEqualTo(fromS * S);
        if (steps > 1) {
            assertThat(values.get(values.size() - 1)).isEqualTo((fromS + extraS) * S);
        }
        for (int i = 1; i < values.size(); i++) {
            assertThat(values.get(i)).isGreaterThan(values.get(i - 1));
        }
        assertThat(Variation.parse(v.toString(), EngineRegistry.STANDARD)).isEqualTo(v);
    }
}
