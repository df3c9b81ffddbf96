package org.flowlab.lessons;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowlab.cli.FlowlabCommand;
import org.flowlab.lessons.cli.LessonCommand;
import org.flowlab.lessons.cli.ShellCommand;
import picocli.CommandLine;

/**
 * The {@code flowlab} program the launcher runs: the benchmarks module's command line
 * ({@link FlowlabCommand}) with {@code lesson} and {@code shell} added. They live here because the
 * lessons module depends on the benchmarks module, not the other way round.
 */
public final class FlowlabMain {
    private FlowlabMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** {@link FlowlabCommand#commandLine()} with the lessons' commands, listed before {@code help}. */
    public static CommandLine commandLine() {
        CommandLine cli = FlowlabCommand.commandLine();
        CommandLine help = cli.getCommandSpec().removeSubcommand("help");
        cli.addSubcommand(new LessonCommand());
        cli.addSubcommand(new ShellCommand());
        if (help != null) {
            cli.addSubcommand("help", help);
        }
        // Settings made on the top command before these were added do not reach them by themselves.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        List<String> footer = new ArrayList<>(Arrays.asList(cli.getCommandSpec().usageMessage().footer()));
        int at = footer.isEmpty() ? 0 : footer.size() - 1;
        footer.addAll(at, List.of("  ./flowlab lesson", "  ./flowlab lesson 1"));
        cli.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        return cli;
    }
}
