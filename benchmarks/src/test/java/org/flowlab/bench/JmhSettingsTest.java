package org.flowlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Each benchmark's own warm-up, which {@code flowlab bench} leaves to the benchmark unless told
 * ({@link JmhSettings#OWN_WARMUP}): JMH reads it from the compiled suite's list, so a benchmark
 * without a {@code @Warmup} (or one whose class does not inherit it) would fall to JMH's own default,
 * and this fails.
 */
class JmhSettingsTest {

    @Test
    void everyBenchmarkNamesItsWarmupAndTheStreamEngineWarmsUpLonger() {
        List<BenchmarkListEntry> entries = List.copyOf(BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(System.err, VerboseMode.SILENT), List.of("org\\.flowlab\\.bench\\."), List.of()));
        assertThat(entries).extracting(BenchmarkListEntry::getUsername)
                .contains("org.flowlab.bench.StreamEngineBenchmark.run", "org.flowlab.bench.BatchEngineBenchmark.run");
        for (BenchmarkListEntry e : entries) {
            int expected = e.getUsername().startsWith("org.flowlab.bench.StreamEngineBenchmark.")
                    ? StreamEngineBenchmark.WARMUP_ITERATIONS : JmhSettings.DEFAULT_WARMUP_ITERATIONS;
            // JMH's own Optional: -1 if no @Warmup reached the benchmark.
            assertThat(e.getWarmupIterations().orElse(-1)).as(e.getUsername()).isEqualTo(expected);
        }
    }
}
