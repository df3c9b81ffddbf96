package org.flowlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flowlab.sim.cluster.CostModel;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A calibrated profile is a complete cost model that CostModel.fromJson loads, with the measured fields replaced. */
class CostProfileTest {

    private static final Map<String, Double> MEASURED = Map.of(
            "OperatorBenchmark.mapFilter", 23.4,
            "OperatorBenchmark.keyedAggregate", 61.6,
            "OperatorBenchmark.stateSnapshot", 9.2,
            "OperatorBenchmark.windowPaneUpdate", 88.0);

    private static CostModel load(String json) {
        return CostModel.fromJson(new SpecReader("profile.json", WorkloadSpec.parseObject("profile.json", json)));
    }

    @Test
    void theProfileLoadsWithTheMeasuredFieldsAndTheDefaultsElsewhere() {
        CostModel defaults = CostModel.defaults();
        String json = CostProfile.json(MEASURED, Map.of("OperatorBenchmark.mapFilter", 1.25), defaults, "testhost", "2026-11-25");
        CostModel loaded = load(json);
        assertThat(loaded.recordNanos()).isEqualTo(23);
        assertThat(loaded.batchRecordNanos()).isEqualTo(23);
        assertThat(loaded.stateAccessNanos()).isEqualTo(62);
        assertThat(loaded.checkpointPerEntryNanos()).isEqualTo(9);
        assertThat(loaded.withRecordNanos(defaults.recordNanos()).withBatchRecordNanos(defaults.batchRecordNanos())
                .withStateAccessNanos(defaults.stateAccessNanos())
                .withCheckpointPerEntryNanos(defaults.checkpointPerEntryNanos())).isEqualTo(defaults);
        assertThat(json).contains("calibrated on testhost on 2026-11-25", "stream.record = OperatorBenchmark.mapFilter (23.4 ± 1.3 ns/record)",
                "stream.stateAccess = OperatorBenchmark.keyedAggregate (61.6 ns/record)");
    }

    @Test
    void theProfileAlsoWorksAsOverrides() {
        String json = CostProfile.json(MEASURED, Map.of(), CostModel.defaults(), "h", "d");
        CostModel over = CostModel.free().withOverrides(new SpecReader("p", WorkloadSpec.parseObject("p", json)));
        assertThat(over).isEqualTo(load(json));
    }

    @Test
    void aSubNanosecondCostRoundsUpToOne() {
        Map<String, Double> tiny = Map.of("OperatorBenchmark.mapFilter", 0.3, "OperatorBenchmark.keyedAggregate", 1.0,
                "OperatorBenchmark.stateSnapshot", 0.4);
        assertThat(load(CostProfile.json(tiny, Map.of(), CostModel.defaults(), "h", "d")).recordNanos()).isEqualTo(1);
    }

    @Test
    void aWrittenProfileReadsBackAsTheSameModel(@TempDir Path dir) throws IOException {
        String json = CostProfile.json(MEASURED, Map.of(), CostModel.defaults(), "h", "d");
        Path file = dir.resolve("p.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        assertThat(CostProfile.read(file)).isEqualTo(load(json));
    }

    @Test
    void aPartialProfileOverridesOnlyItsFields(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, "// hand-made\n{ \"stream\": { \"record\": \"50ns\" } }", StandardCharsets.UTF_8);
        assertThat(CostProfile.read(file)).isEqualTo(CostModel.defaults().withRecordNanos(50));
    }

    @Test
    void profileMistakesAreOneLineErrorsNamingTheFile(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> CostProfile.read(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(missing + ": cannot read the cost profile (no such file or directory")
                .hasMessageContaining("cost-model.json").hasMessageNotContaining("\n");
        Path unknown = dir.resolve("u.json");
        Files.writeString(unknown, "{ \"stream\": { \"recrod\": \"5ns\" } }", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CostProfile.read(unknown)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(unknown.toString()).hasMessageContaining("recrod").hasMessageNotContaining("\n");
    }

    @Test
    void aMissingMeasurementIsAnError() {
        assertThatThrownBy(() -> CostProfile.json(Map.of("OperatorBenchmark.mapFilter", 3.0), Map.of(), CostModel.defaults(), "h", "d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no measurement of OperatorBenchmark.keyedAggregate for stream.stateAccess");
    }

    @Test
    void theDefaultProfileSaysWhereItsNumbersComeFrom() {
        assertThat(CostModel.class.getResourceAsStream(CostModel.RESOURCE)).isNotNull();
        String text = new String(readDefaults(), StandardCharsets.UTF_8);
        assertThat(text).contains("they are not\n// measurements of this machine", "./flowlab calibrate");
    }

    private static byte[] readDefaults() {
        try (var in = CostModel.class.getResourceAsStream(CostModel.RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
