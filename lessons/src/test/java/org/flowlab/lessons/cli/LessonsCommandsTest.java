package org.flowlab.lessons.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The lessons' commands in the {@code flowlab} command line, found there through {@link LessonsCommands}. */
class LessonsCommandsTest {

    @Test
    void theTopHelpListsTheLessonCommandsBeforeHelp() {
        CommandLineRun run = CommandLineRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("scenarios", "workload").containsSubsequence("  lesson ", "  shell ", "  help ")
                .containsSubsequence("./flowlab compare", "./flowlab lesson 1", "./flowlab help workload");
    }

    @Test
    void everyLessonsCommandHasHelpWithAnExample() {
        for (String[] command : new String[][] {{"lesson"}, {"shell"}}) {
            String[] args = Stream.concat(Stream.of(command), Stream.of("--help")).toArray(String[]::new);
            CommandLineRun run = CommandLineRun.of(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(run.out()).as(String.join(" ", args)).contains("Usage:").containsPattern("Examples?:");
        }
        CommandLineRun help = CommandLineRun.of("help", "lesson");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: flowlab lesson");
    }

    @Test
    void theBenchmarksCommandsStillWorkWithTheirExitCodes() {
        assertThat(CommandLineRun.of("scenarios").out()).contains("card-fraud");
        CommandLineRun bad = CommandLineRun.of("workload", "describe", "--scenario", "no-such-scenario");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("flowlab: ");
        CommandLineRun flag = CommandLineRun.of("lesson", "--no-such-flag");
        assertThat(flag.exitCode()).isEqualTo(2);
        assertThat(flag.err()).contains("see 'flowlab lesson --help'");
    }
}
