package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

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
 *   <li>the bill rises from the hourly run to the minute, then stays: the cluster is billed for
 *       every instant it is held, and the hourly run holds it for one cold start, one run and the
 *       10-minute warm pool after it, while every interval within the warm pool keeps it held from
 *       the first run to the last commit plus the pool — the whole trace, with one cold start;</li>
 *   <li>within the pool, a shorter interval buys its latency with busy time, not with money: every
 *       run pays a start-up, task overheads and a commit — 10, 600 and 6 000 times — on top of the
 *       same work, so the time running and the busy worker-seconds rise.</li>
 * </ul>
 */
class StockTicksSweepTest {

    @Test
    void sweepingTheIntervalFromAnHourTo100MsLowersLatencyAndHoldsTheClusterForTheWholeTrace() {
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
            assertThat(runs.get(i).figures().runs()).isGreaterThan(runs.get(i - 1).figures().runs());
            assertThat(shorter.bill().runningNanos()).as("time running, " + step).isGreaterThan(longer.bill().runningNanos());
            assertThat(shorter.workerSecondsBusy()).as("busy worker-seconds, " + step).isGreaterThan(longer.workerSecondsBusy());
            // Runs at most a minute apart, within the 10-minute warm pool: held from the first run's
            // request to the last commit plus the pool, with the one cold start.
            List<RunRecord> history = runs.get(i).figures().history();
            long held = history.get(history.size() - 1).committed() + ExecutionSettings.DEFAULT_WARM_POOL
                    - history.get(0).trigger();
            assertThat(shorter.bill().coldStarts()).as(step).isEqualTo(1);
            assertThat(shorter.bill().heldNanos()).as("held, " + step).isEqualTo(held);
        }
        // The hourly run holds the cluster for its cold start, itself and the pool; the minute holds
        // it for the ten minutes of the trace, its cold start and the pool: more.
        RunMetrics hourly = runs.get(0).outcome().metrics();
        long hourlyRun = runs.get(0).figures().history().get(0).duration();
        assertThat(hourly.bill().heldNanos()).isEqualTo(hourlyRun + ExecutionSettings.DEFAULT_WARM_POOL);
        assertThat(runs.get(1).outcome().metrics().cost()).isGreaterThan(hourly.cost());
        // Below that, the bill hardly moves: the trace's arrivals span the same ten minutes whatever the interval.
        for (int i = 2; i < runs.size(); i++) {
            assertThat(runs.get(i).outcome().metrics().cost()).isCloseTo(runs.get(1).outcome().metrics().cost(),
                    withinPercentage(1));
        }
        // The ends of the sweep: about an hour against about 40 s (the minute window and the 10 s watermark delay).
        assertThat(runs.get(0).outcome().metrics().latency().p50Ms()).isGreaterThan(50 * 60_000.0);
        assertThat(runs.get(3).outcome().metrics().latency().p50Ms()).isBetween(30_000.0, 45_000.0);
    }
}
