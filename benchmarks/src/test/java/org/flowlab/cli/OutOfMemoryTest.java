package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command that needs more memory than the JVM has ends in one line that says so and what to do,
 * exit code 1, and no stack trace: whether the error reaches the command line as it is (thrown on
 * the command's thread) or wrapped (an engine's or a sweep point's thread ran out).
 */
class OutOfMemoryTest {

    @Command(name = "grab")
    static final class Grab implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Command(name = "grab-elsewhere")
    static final class GrabElsewhere implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                return CompletableFuture.<Integer>supplyAsync(() -> {
                    throw new OutOfMemoryError("Java heap space");
                }).join();
            } catch (CompletionException e) {
                throw new IllegalStateException("a sweep point failed", e);
            }
        }
    }

    @Test
    void runningOutOfMemoryOnTheCommandsThreadIsOneLine() {
        assertOneLine("grab");
    }

    @Test
    void runningOutOfMemoryOnAnotherThreadIsOneLine() {
        assertOneLine("grab-elsewhere");
    }

    private static void assertOneLine(String command) {
        CommandLine cli = FlowlabCommand.commandLine();
        cli.addSubcommand(new Grab());
        cli.addSubcommand(new GrabElsewhere());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = FlowlabCommand.execute(cli, new String[]{command}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertThat(exit).isEqualTo(FlowlabCommand.EXIT_FAILED);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).startsWith("flowlab: ran out of memory (this JVM may use ")
                .contains("--duration", "JAVA_TOOL_OPTIONS=-Xmx").doesNotContain("\tat ", "Exception", "Error");
        assertThat(out.toString()).isEmpty();
    }
}
