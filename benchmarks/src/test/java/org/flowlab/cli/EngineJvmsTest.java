package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EngineJvms}: what an engine's JVM inherits, and one line when it fails. */
class EngineJvmsTest {

    @Test
    void anEnginesJvmTakesThisOnesSettingsButNothingTwoJvmsCannotShare() {
        assertThat(EngineJvms.jvmSettings(List.of("-Djava.awt.headless=true", "-Dflowlab.home=/x", "-Xmx4g", "-Xss2m",
                "-XX:+UseParallelGC", "-XX:StartFlightRecording=filename=a.jfr", "-agentlib:jdwp=transport=dt_socket,address=5005",
                "-javaagent:/j.jar", "-Xlog:gc:file=gc.log", "-XX:HeapDumpPath=/tmp", "-ea")))
                .containsExactly("-Djava.awt.headless=true", "-Dflowlab.home=/x", "-Xmx4g", "-Xss2m", "-XX:+UseParallelGC");
    }

    /** The JVM of an engine that cannot run (here: an unknown scenario) fails the command in one line saying why. */
    @Test
    void aJvmThatGivesNoTimingsFailsInOneLineWithItsReason() {
        EngineJvms jvms = new EngineJvms(List.of("flink", "--scenario", "no-such-scenario", "--repeat", "2"), 0);
        assertThatThrownBy(() -> jvms.time("stream"))
                .isInstanceOf(EngineJvms.EngineJvmFailedException.class)
                .hasMessageStartingWith("stream: its runs in a JVM of their own failed (exit code 2): flowlab: ")
                .hasMessageContaining("no-such-scenario")
                .hasMessageNotContaining("\n");
    }
}
