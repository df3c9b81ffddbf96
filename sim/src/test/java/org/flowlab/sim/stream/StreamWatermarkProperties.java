package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.flowlab.sim.engine.EngineScenario;
import org.flowlab.sim.engine.EngineScenarios;
import org.flowlab.sim.engine.RunOutcome;

/**
 * A keyed task's watermark never goes back. Within one run of the tasks it only advances; a restart
 * restores it from the checkpoint, which may be lower than before the failure (the records after the
 * checkpoint are replayed and must not be late) but never lower than at any earlier restore.
 */
class StreamWatermarkProperties {

    /** Two thirds built to restart after checkpoints ({@link EngineScenarios#covering}), so restores past the start surely happen. */
    @Provide
    Arbitrary<EngineScenario> scenarios() {
        return EngineScenarios.covering();
    }

    @Property(tries = 40)
    void aTasksWatermarkNeverDecreasesAndRestartsResumeFromTheCheckpoint(@ForAll("scenarios") EngineScenario s) {
        for (Delivery delivery : Delivery.values()) {
            StreamRun run = StreamRun.start(s.job(), s.trace(), StreamContract.config(s, delivery));
            List<WatermarkEvent> events = new ArrayList<>();
            run.onWatermark(events::add);
            RunOutcome out = run.finish();

            Map<String, WatermarkEvent> last = new HashMap<>();
            Map<String, Long> lastRestored = new HashMap<>();
            Map<String, Long> highest = new HashMap<>();
            boolean restoredAboveStart = false;
            for (WatermarkEvent e : events) {
                String task = e.stage() + "/" + e.task();
                WatermarkEvent before = last.get(task);
                if (e.restored()) {
                    long previous = lastRestored.getOrDefault(task, Long.MIN_VALUE);
                    assertThat(e.watermark()).as("%s: task %s restored below an earlier restore", s, task)
                            .isGreaterThanOrEqualTo(previous);
                    assertThat(e.watermark()).as("%s: task %s restored above anything it reached", s, task)
                            .isLessThanOrEqualTo(highest.getOrDefault(task, Long.MIN_VALUE));
                    restoredAboveStart |= e.watermark() > Long.MIN_VALUE;
                    lastRestored.put(task, e.watermark());
                } else {
                    if (before == null) {
                        // The listener was attached after the first tasks were set up.
                        assertThat(e.incarnation()).isZero();
                    } else {
                        assertThat(e.incarnation()).isEqualTo(before.incarnation());
                        assertThat(e.watermark()).as("%s: task %s went back", s, task).isGreaterThan(before.watermark());
                        assertThat(e.time()).isGreaterThanOrEqualTo(before.time());
                    }
                }
                highest.merge(task, e.watermark(), Math::max);
                last.put(task, e);
            }
            for (WatermarkEvent e : last.values()) {
                if (out.metrics().faults().restarts() == 0 && !s.job().stateless()) {
                    assertThat(e.watermark()).as("the end of input takes every task to +inf").isEqualTo(Long.MAX_VALUE);
                }
            }
            Statistics.label("restored from a checkpoint past the start " + delivery).collect(restoredAboveStart);
            Statistics.label("restored from a checkpoint past the start " + delivery)
                    .coverage(c -> c.check(true).count(n -> n > 0));
        }
    }
}
