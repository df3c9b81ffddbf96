package org.flowlab.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.spec.SpecReader;
import org.junit.jupiter.api.Test;

class CostModelTest {

    private static SpecReader json(String text) {
        return new SpecReader("profile.json", WorkloadSpec.parseObject("profile.json", text));
    }

    @Test
    void theDefaultsLoadFromTheCommentedResourceAndAreAllSet() {
        CostModel d = CostModel.defaults();
        assertThat(d.recordNanos()).isEqualTo(200);
        assertThat(d.networkHopNanos()).isEqualTo(100_000);
        assertThat(d.checkpointCoordinatorNanos()).isEqualTo(5_000_000);
        assertThat(d.clusterStartupNanos()).isEqualTo(90_000_000_000L);
        assertThat(d.microBatchCommitNanos()).isEqualTo(20_000_000);
        assertThat(d.asMap()).hasSize(18).allSatisfy((name, nanos) -> assertThat(nanos).as(name).isPositive());
        assertThat(CostModel.defaults()).isSameAs(d);
    }

    @Test
    void everyDefaultIsDocumentedWithAComment() throws IOException {
        String text;
        try (InputStream in = CostModel.class.getResourceAsStream(CostModel.RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\n");
        for (String field : CostModel.defaults().asMap().keySet()) {
            String name = field.substring(field.indexOf('.') + 1);
            int line = -1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].trim().startsWith("\"" + name + "\":")) {
                    line = i;
                    break;
                }
            }
            assertThat(line).as(field).isPositive();
            assertThat(lines[line - 1].trim()).as("the line before " + field).startsWith("//");
        }
    }

    @Test
    void aCompleteModelReadsFromJsonAndMissingOrUnknownFieldsAreNamed() {
        CostModel d = CostModel.defaults();
        assertThatThrownBy(() -> CostModel.fromJson(json("{\"stream\": {}, \"batch\": {}}")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("profile.json: stream.record: is missing");
        assertThatThrownBy(() -> CostModel.fromJson(json("{\"stream\": {\"recrd\": \"1us\"}, \"batch\": {}}")))
                .hasMessageStartingWith("profile.json: stream.recrd: unknown field; allowed here: checkpointBase,");
        assertThatThrownBy(() -> CostModel.fromJson(json("{\"streams\": {}}")))
                .hasMessage("profile.json: streams: unknown field; allowed here: batch, description, microBatch, stream");
        assertThatThrownBy(() -> d.withOverrides(json("{\"batch\": {\"commit\": \"soon\"}}")))
                .hasMessage("profile.json: batch.commit: must be a duration such as 500ms, 10s, 5m, 2h, 1d or 1h30m (got \"soon\")");
        assertThatThrownBy(() -> d.withOverrides(json("{\"batch\": {\"commit\": 5}}")))
                .hasMessage("profile.json: batch.commit: must be a string (got 5)");
    }

    @Test
    void aProfileOverridesSomeFields() {
        CostModel d = CostModel.defaults();
        CostModel p = d.withOverrides(json("// measured\n{\"stream\": {\"record\": \"150ns\"}, \"batch\": {\"commit\": \"0s\"},"
                + " \"microBatch\": {\"commit\": \"7ms\"}}"));
        assertThat(p).isEqualTo(d.withRecordNanos(150).withBatchCommitNanos(0).withMicroBatchCommitNanos(7_000_000));
        assertThat(p.keyByNanos()).isEqualTo(d.keyByNanos());
    }

    @Test
    void withCopiesChangeOneFieldEach() {
        CostModel z = CostModel.free();
        CostModel all = z.withRecordNanos(1).withKeyByNanos(2).withNetworkHopNanos(3).withStateAccessNanos(4)
                .withWindowResultNanos(5).withSinkWriteNanos(6).withCheckpointBaseNanos(7).withCheckpointPerEntryNanos(8)
                .withCheckpointCoordinatorNanos(9).withBatchRunStartupNanos(10).withBatchTaskOverheadNanos(11)
                .withBatchRecordNanos(12).withBatchShuffleRecordNanos(13).withBatchCommitNanos(14).withClusterStartupNanos(15)
                .withMicroBatchStartupNanos(16).withMicroBatchTaskOverheadNanos(17).withMicroBatchCommitNanos(18);
        assertThat(all.asMap().values()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L);
        assertThatThrownBy(() -> z.withMicroBatchCommitNanos(-2)).hasMessage("cost model: microBatch.commit must be a duration >= 0 (got -2 ns)");
        assertThatThrownBy(() -> z.withSinkWriteNanos(-1)).isInstanceOf(InvalidInputException.class)
                .hasMessage("cost model: stream.sinkWrite must be a duration >= 0 (got -1 ns)");
    }

    @Test
    void clusterSpecsAreValidated() {
        assertThat(ClusterSpec.defaults().totalSlots()).isEqualTo(8);
        assertThat(ClusterSpec.defaults().workerOfSlot(5)).isEqualTo(1);
        assertThat(new ClusterSpec(2, 1, 3.6).cost(7200)).isEqualTo(7.2);
        assertThatThrownBy(() -> new ClusterSpec(0, 1, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("cluster: workers must be at least 1 (got 0)");
        assertThatThrownBy(() -> ClusterSpec.defaults().withSlotsPerWorker(0))
                .hasMessage("cluster: slotsPerWorker must be at least 1 (got 0)");
        assertThatThrownBy(() -> ClusterSpec.defaults().withPricePerWorkerHour(Double.NaN))
                .hasMessage("cluster: pricePerWorkerHour must be a finite number >= 0 (got NaN)");
        assertThat(ClusterSpec.ofWorkers(1)).hasToString("1 worker × 2 slots at 0.2/h");
    }
}
