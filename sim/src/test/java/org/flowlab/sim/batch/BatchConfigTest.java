package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowlab.sim.engine.EventTimeContract;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.spec.SpecReader;
import org.junit.jupiter.api.Test;

/** Configurations read and validated: every mistake gets one line naming what is wrong and what is allowed. */
class BatchConfigTest {
    private static final long MS = 1_000_000L;

    private static SpecReader json(String text) {
        return new SpecReader("run.json", WorkloadSpec.parseObject("run.json", text));
    }

    @Test
    void theDefaultsAreUsableInOneLine() {
        assertThat(BatchConfig.defaults().engineName()).isEqualTo("batch(every 1h)");
        assertThat(BatchConfig.defaults().withSchedule("daily 02:00").engineName()).isEqualTo("batch(daily 02:00)");
        assertThat(MicroBatchConfig.defaults().engineName()).isEqualTo("micro-batch(1s)");
        assertThat(MicroBatchConfig.defaults().withInterval("100ms").engineName()).isEqualTo("micro-batch(100ms)");
        assertThat(BatchConfig.defaults().eventTime()).isEqualTo(EventTimeContract.DEFAULT);
        assertThat(MicroBatchConfig.defaults().eventTime()).isEqualTo(EventTimeContract.DEFAULT);
        assertThat(MicroBatchConfig.defaults().execution().clusterMode()).isEqualTo(ClusterMode.FIXED);
    }

    @Test
    void microBatchIntervalsMustBeBetween100MsAnd1h() {
        MicroBatchConfig d = MicroBatchConfig.defaults();
        assertThatThrownBy(() -> d.withInterval(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("micro-batch: the trigger interval must be between 100 ms and 1 h (got 0 ns)");
        assertThatThrownBy(() -> d.withInterval(-5 * MS))
                .hasMessage("micro-batch: the trigger interval must be between 100 ms and 1 h (got -5000000 ns)");
        assertThatThrownBy(() -> d.withInterval("50ms"))
                .hasMessageStartingWith("micro-batch: the trigger interval must be between 100 ms and 1 h (got 50");
        assertThatThrownBy(() -> d.withInterval("2h")).hasMessageStartingWith("micro-batch: the trigger interval must be between");
        assertThatThrownBy(() -> d.withInterval("-1s")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("micro-batch: the trigger interval '-1s' is not a duration");
        assertThat(d.withInterval("100ms").interval()).isEqualTo(100 * MS);
        assertThat(d.withInterval("1h").interval()).isEqualTo(3_600_000 * MS);
    }

    @Test
    void retriesNeedAtLeastOneAttemptAndSaneBackoffs() {
        assertThatThrownBy(() -> Retries.DEFAULT.withMaxAttempts(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("retries: maxAttempts must be at least 1 (got 0)");
        assertThatThrownBy(() -> Retries.DEFAULT.withBackoff(10, 0.5, 100))
                .hasMessage("retries: backoffFactor must be a finite number >= 1 (got 0.5)");
        assertThatThrownBy(() -> Retries.DEFAULT.withBackoff(10 * MS, 2, MS)).hasMessage(
                "retries: backoffCap must be at least backoffBase (got 1 ms < 10 ms)");
        assertThatThrownBy(() -> Retries.DEFAULT.withMaxRunAttempts(0))
                .hasMessage("retries: maxRunAttempts must be at least 1 (got 0)");
        Retries r = Retries.DEFAULT.withBackoff(100 * MS, 2, 500 * MS);
        assertThat(new long[]{r.backoff(1), r.backoff(2), r.backoff(3), r.backoff(4)})
                .containsExactly(100 * MS, 200 * MS, 400 * MS, 500 * MS);
    }

    @Test
    void otherSettingsAreChecked() {
        assertThatThrownBy(() -> BatchConfig.defaults().withWatermarkDelay(-1))
                .hasMessage("event time: the watermark delay must be a duration from 0 to 366d (got -1 ns)");
        assertThatThrownBy(() -> ExecutionSettings.defaults().withTargetTaskRecords(0))
                .hasMessage("targetTaskRecords must be at least 1 (got 0)");
        assertThatThrownBy(() -> ExecutionSettings.defaults().withFaults(FaultPlan.parse("crash:worker=7@1m")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("fault plan: crash:worker=7@1m+10s names worker 7, but the cluster has 4 workers");
        assertThatThrownBy(() -> new Speculation(true, 0.5, 0.75))
                .hasMessage("speculation: multiplier must be a finite number >= 1 (got 0.5)");
        assertThatThrownBy(() -> BackgroundLoad.hourly(new double[23])).hasMessageContaining("24 values (got 23)");
        double[] tooBusy = new double[24];
        tooBusy[9] = 1;
        assertThatThrownBy(() -> BackgroundLoad.hourly(tooBusy))
                .hasMessage("background load: hour 09: the load must be between 0 and 0.95 (got 1.0)");
    }

    @Test
    void configurationsReadFromJsonAndNameTheFileAndField() {
        BatchConfig b = BatchConfig.fromJson(json("""
                // nightly, on a bigger cluster that is started for each run
                {"schedule": "daily 02:00", "watermarkDelay": "30s", "cluster": "ephemeral", "workers": 8,
                 "maxAttempts": 2, "speculation": true, "faults": "task-fail:mtbf=2h", "seed": 7}"""));
        assertThat(b.schedule()).isEqualTo(Schedule.parse("daily 02:00"));
        assertThat(b.eventTime()).isEqualTo(EventTimeContract.DEFAULT.withWatermarkDelay(30_000 * MS));
        assertThat(b.execution().clusterMode()).isEqualTo(ClusterMode.EPHEMERAL);
        assertThat(b.execution().cluster()).isEqualTo(ClusterSpec.DEFAULT.withWorkers(8));
        assertThat(b.execution().retries().maxAttempts()).isEqualTo(2);
        assertThat(b.execution().speculation()).isEqualTo(Speculation.SPARK);
        assertThat(b.execution().faults()).isEqualTo(FaultPlan.parse("task-fail:mtbf=2h"));
        assertThat(b.execution().seed()).isEqualTo(7);
        MicroBatchConfig m = MicroBatchConfig.fromJson(json("{\"interval\": \"250ms\", \"watermarkDelay\": \"2s\"}"));
        assertThat(m.interval()).isEqualTo(250 * MS);
        assertThat(m.eventTime().watermarkDelay()).isEqualTo(2_000 * MS);

        assertThatThrownBy(() -> BatchConfig.fromJson(json("{\"schedule\": \"daily 25:00\"}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("run.json: schedule: schedule 'daily 25:00': the hour in 25:00 must be 00 to 23; allowed:");
        assertThatThrownBy(() -> BatchConfig.fromJson(json("{\"schedule\": \"sometimes\"}")))
                .hasMessageStartingWith("run.json: schedule: schedule 'sometimes': unknown schedule; allowed: every DURATION");
        assertThatThrownBy(() -> BatchConfig.fromJson(json("{\"maxAttempts\": 0}")))
                .hasMessage("run.json: maxAttempts: must be a whole number between 1 and 1000 (got 0)");
        assertThatThrownBy(() -> MicroBatchConfig.fromJson(json("{\"interval\": \"0s\"}")))
                .hasMessage("run.json: interval: must be between 100ms and 1h (got \"0s\")");
        assertThatThrownBy(() -> MicroBatchConfig.fromJson(json("{\"interval\": \"-5m\"}")))
                .hasMessageStartingWith("run.json: interval: must be a duration such as");
        assertThatThrownBy(() -> BatchConfig.fromJson(json("{\"cluster\": \"shared\"}")))
                .hasMessage("run.json: cluster: must be one of fixed, ephemeral (got \"shared\")");
        assertThatThrownBy(() -> BatchConfig.fromJson(json("{\"shedule\": \"every 1h\"}")))
                .hasMessageStartingWith("run.json: shedule: unknown field; allowed here:");
        assertThatThrownBy(() -> BatchConfig.fromJson(json("{\"faults\": \"crash:worker=x@1m\"}")))
                .hasMessageStartingWith("run.json: faults: ");
    }
}
