package org.flowlab.cli;

import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress: bars redrawn in place on a terminal, a line per tenth elsewhere. */
class ProgressDisplayTest {

    @Test
    void plainOutputPrintsALineEachTenthAndNeverGoesBack() {
        StringWriter out = new StringWriter();
        ProgressDisplay d = new ProgressDisplay(new PrintWriter(out), List.of(BatchEngineTypes.BATCH, StreamEngineType.STREAM), false);
        for (int i = 0; i <= 1000; i++) {
            d.update(StreamEngineType.STREAM, i / 1000.0);
        }
        d.update(StreamEngineType.STREAM, 0.2);
        d.update(BatchEngineTypes.BATCH, 0);
        d.update(BatchEngineTypes.BATCH, 1);
        d.finish();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.stream().filter(l -> l.contains("stream"))).hasSize(11).endsWith("  stream     100 %");
        assertThat(lines.stream().filter(l -> l.contains("batch"))).containsExactly("  batch        0 %", "  batch      100 %");
        assertThat(out.toString()).doesNotContain("\033");
    }

    @Test
    void aTerminalGetsOneBarPerEngineRedrawnInPlace() {
        StringWriter out = new StringWriter();
        ProgressDisplay d = new ProgressDisplay(new PrintWriter(out), List.of(BatchEngineTypes.BATCH, BatchEngineTypes.MICROBATCH, StreamEngineType.STREAM), true);
        d.update(BatchEngineTypes.BATCH, 0);
        d.update(StreamEngineType.STREAM, 1.0);
        d.finish();
        String text = out.toString();
        assertThat(text).contains("\033[3A");
        String[] frames = text.split("\033\\[3A", -1);
        String last = frames[frames.length - 1];
        assertThat(last).contains("batch      [" + ".".repeat(30) + "]   0 %")
                .contains("microbatch [" + ".".repeat(30) + "]   0 %")
                .contains("stream     [" + "#".repeat(30) + "] 100 %");
        assertThat(last.chars().filter(c -> c == '\n').count()).as("three bars, one line each").isEqualTo(3);
    }
}
