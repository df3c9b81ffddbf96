package org.flowlab.lessons.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.flowlab.cli.FlowlabCommand;

/**
 * One run of the whole {@code flowlab} command line in-process, the lessons' commands included: its
 * exit code and what it printed.
 */
record CommandLineRun(int exitCode, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FlowlabCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CommandLineRun(code, out.toString(), err.toString());
    }
}
