package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.engine.ExpectedResults;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.junit.jupiter.api.Test;

/**
 * The continuum between the paradigms, on {@code stock-ticks} (10 minutes, 600 000 trades) with
 * VWAP per symbol and minute: the micro-batch interval swept from 1 h to 100 ms on an ephemeral
 * cluster. The points are far enough apart that the trends cannot fail by accident of phase:
 * <ul>
 *   <li>latency falls: a window is emitted at the first trigger after the watermark passes its
 *       end, and that wait is up to an interval (an hour, a minute, a second, 100 ms);</li>
 *   <li>cost rises: the cluster is billed while runs start and run, and every run pays a start-up,
 *       task overheads and a commit — 1, 10, 600 and 6 000 times — on top of the same work.</li>
 * </ul>
 */
class StockTicksSweepTest {

    @Test
    void sweepingTheIntervalFromAnHourTo100MsLowersLatencyAndRaisesCost() {
        Trace trace = WorkloadGenerator.generate("stock-ticks", 1);
        Job vwap = Vwap.perMinute();
        List<BatchRun> runs = new ArrayList<>();
        for (String interval : new String[]{"1h", "1m", "1s", "100ms"}) {
            MicroBatchConfig config = MicroBatchConfig.defaults().withInterval(interval).withClusterMode(ClusterMode.EPHEMERAL);
            runs.add(new MicroBatchEngine(config).runWithFigures(vwap, trace));
        }
        assertThat(ExpectedResults.disagreement(vwap, trace, runs.get(0).outcome(), 5)).isEmpty();
        for (int i = 1; i < runs.size(); i++) {
            RunMetrics longer = runs.get(i - 1).outcome().metrics();
            RunMetrics shorter = runs.get(i).outcome().metrics();
            String step = runs.get(i - 1).outcome().engine() + " -> " + runs.get(i).outcome().engine();
            assertThat(runs.get(i).outcome().results()).as(step).isEqualTo(runs.get(0).outcome().results());
            assertThat(shorter.latency().p50Ms()).as("latency p50, " + step).isLessThan(longer.latency().p50Ms());
            assertThat(shorter.latency().meanMs()).as("mean latency, " + step).isLessThan(longer.latency().meanMs());
            assertThat(shorter.workerSecondsAllocated()).as("worker-seconds billed, " + step)
                    .isGreaterThan(longer.workerSecondsAllocated());
            assertThat(shorter.cost()).as("cost, " + step).isGreaterThan(longer.cost());
            assertThat(runs.get(i).figures().runs()).isGreaterThan(runs.get(i - 1).figures().runs());
        }
        // The ends of the sweep: about an hour against about 40 s (the minute window and the 10 s watermark delay).
        assertThat(runs.get(0).outcome().metrics().latency().p50Ms()).isGreaterThan(50 * 60_000.0);
        assertThat(runs.get(3).outcome().metrics().latency().p50Ms()).isBetween(30_000.0, 45_000.0);
    }
}
