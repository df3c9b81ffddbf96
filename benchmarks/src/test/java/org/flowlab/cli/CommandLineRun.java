package org.flowlab.cli;

import org.flowlab.sim.registry.EngineRegistry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in-process: its exit code and what it printed. */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        return with(EngineRegistry.STANDARD, args);
    }

    /** A run whose experiments use the engines {@code engines} builds. */
    static CommandLineRun with(EngineRegistry engines, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowlabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), engines);
        return new CommandLineRun(code, out.toString(), err.toString());
    }

    /** Checks that the run was refused as a user's mistake: exit code 2, one line containing {@code fragment}, nothing on stdout. */
    CommandLineRun assertRefused(String fragment) {
        assertThat(exitCode).as(err).isEqualTo(2);
        assertThat(errLines()).as("exactly one line on stderr: " + err).hasSize(1);
        assertThat(err).startsWith("flowlab: ").contains(fragment).doesNotContain("Exception", "\tat ");
        assertThat(out).isEmpty();
        return this;
    }

    /** The error output's lines, without a trailing empty one. */
    String[] errLines() {
        return err.isEmpty() ? new String[0] : err.split("\\R");
    }
}
