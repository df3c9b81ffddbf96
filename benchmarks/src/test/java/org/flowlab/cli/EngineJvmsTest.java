package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;

/** {@link EngineJvms}: what an engine's JVM inherits, and one line when it fails. */
class EngineJvmsTest {

    @Test
    void anEnginesJvmTakesThisOnesSettingsButNothingTwoJvmsCannotShare() {
        assertThat(EngineJvms.jvmSettings(List.of("-Djava.awt.headless=true", "-Dflowlab.home=/x", "-Xmx4g", "-Xss2m",
                "-XX:+UseParallelGC", "-XX:StartFlightRecording=filename=a.jfr", "-agentlib:jdwp=transport=dt_socket,address=5005",
                "-javaagent:/j.jar", "-Xlog:gc:file=gc.log", "-XX:HeapDumpPath=/tmp", "-ea")))
                .containsExactly("-Djava.awt.headless=true", "-Dflowlab.home=/x", "-Xmx4g", "-Xss2m", "-XX:+UseParallelGC", "-ea");
    }

    /**
     * A mistake in the input that only an engine's JVM finds (here: an unknown scenario, as a trace file
     * removed meanwhile would be) fails the command as a mistake, in the JVM's own words.
     */
    @Test
    void aMistakeOnlyTheEnginesJvmFindsIsAMistakeInOneLine() {
        EngineJvms jvms = new EngineJvms(List.of("flink", "--scenario", "no-such-scenario", "--repeat", "2", "--"), 2, 0);
        assertThatThrownBy(() -> jvms.time("stream"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no-such-scenario")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("flowlab: ");
    }

    /** An engine's JVM that fails otherwise (here: no main class to run) fails the command as a failed run, in one line. */
    @Test
    void aJvmThatGivesNoTimingsFailsInOneLineWithItsReason() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        EngineJvms jvms = new EngineJvms(List.of(java, "-cp", System.getProperty("java.class.path"), "org.flowlab.NoSuchMain"),
                List.of("flink", "--scenario", "nexmark"), 2, 0);
        assertThatThrownBy(() -> jvms.time("stream"))
                .isInstanceOf(EngineJvms.EngineJvmFailedException.class)
                .hasMessageStartingWith("stream: its runs in a JVM of their own failed (exit code 1): ")
                .hasMessageContaining("org.flowlab.NoSuchMain")
                .hasMessageNotContaining("\n");
        EngineJvms silent = new EngineJvms(List.of(java, "-version"), List.of("flink"), 2, 0);
        assertThatThrownBy(() -> silent.time("stream"))
                .isInstanceOf(EngineJvms.EngineJvmFailedException.class)
                .hasMessageStartingWith("stream: its runs in a JVM of their own failed (exit code 0): ");
        assertThatThrownBy(() -> new EngineJvms(List.of("compare", "--scenario", "nexmark"), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
