package org.flowlab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import org.flowlab.flink.FlinkJobFailedException;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flowlab} command line: the entry point of the launcher script. Subcommands do the
 * work; this class only wires them together, with the commands other modules contribute (see
 * {@link CommandContribution}), and maps failures to exit codes: 0 success, 2 a user mistake (one
 * line, no stack trace), 1 a bug (with its stack trace, so it can be reported).
 */
@Command(name = "flowlab",
        mixinStandardHelpOptions = true,
        versionProvider = FlowlabVersion.class,
        description = "Flowlab replays the same workload through batch, micro-batch and stream processing "
                + "in a deterministic simulation, and compares them.",
        subcommands = {CompareCommand.class, SweepCommand.class, ReferenceCommand.class, FlinkCommand.class, TortureCommand.class,
                ScenariosCommand.class,
                WorkloadCommand.class, BenchCommand.class, BenchTableCommand.class, CalibrateCommand.class},
        footer = {"", "Examples:", "  ./flowlab compare", "  ./flowlab sweep --scenario stock-ticks --vary interval=1s..1h:6:log",
                "  ./flowlab flink --scenario nexmark --job q5", "  ./flowlab torture --runs 200 --seed 1", "  ./flowlab scenarios", "  ./flowlab workload describe --scenario card-fraud",
                "  ./flowlab bench --list", "  ./flowlab calibrate", "  ./flowlab help workload"})
public final class FlowlabCommand implements Runnable {

    /** Exit code for a user mistake: bad flag, bad scenario, bad file. */
    public static final int EXIT_USAGE = 2;

    /** Exit code for a run the outside world stopped: Flink failed or cancelled a job (one line says why). */
    public static final int EXIT_FAILED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code; used by tests too. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        return execute(args, out, err, EngineRegistry.STANDARD);
    }

    /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the engines {@code engines} builds. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, EngineRegistry engines) {
        return execute(commandLine(engines), args, out, err);
    }

    /** Runs {@code args} on the configured command line {@code cli}: a run out of memory, too, ends in one line. */
    static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        String unreadable = argumentFileNotARegularFile(args);
        if (unreadable != null) {
            err.println("flowlab: @" + unreadable + " names " + (isFolder(unreadable) ? "a folder" : "no regular file (a device or a pipe)")
                    + "; an argument starting with @ names a file of arguments, one or more a line (write @@ for a literal @)");
            err.flush();
            return EXIT_USAGE;
        }
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return outOfMemory(err);
        }
    }

    /**
     * The path of the first argument file ({@code @path}, before any {@code --}) that exists and is not a regular
     * file, or null: picocli reads such an argument as a file of arguments, and a folder fails the read with its
     * stack trace, while a device such as /dev/zero or a pipe is read for ever. A path that does not exist is
     * picocli's to take as a plain argument.
     */
    private static String argumentFileNotARegularFile(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return null;
            }
            if (arg.length() > 1 && arg.startsWith("@") && !arg.startsWith("@@") && existsButIsNoFile(arg.substring(1))) {
                return arg.substring(1);
            }
        }
        return null;
    }

    private static boolean existsButIsNoFile(String path) {
        try {
            Path p = Path.of(path);
            return Files.exists(p) && !Files.isRegularFile(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean isFolder(String path) {
        try {
            return Files.isDirectory(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Says in one line that the command needed more memory than the JVM has (a query that joins
     * everything with everything, a cluster of millions of workers), and what to do about it.
     */
    private static int outOfMemory(PrintWriter err) {
        err.println("flowlab: ran out of memory (this JVM may use " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB): try a shorter --duration, a lower --rate or a smaller query, or give Java more, as with "
                + "JAVA_TOOL_OPTIONS=-Xmx8g");
        err.flush();
        return EXIT_FAILED;
    }

    private static boolean causedByRunningOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * A file or folder argument: an empty one (as {@code --out ''}) would name the current folder,
     * where a run's files then land among the project's own, so it is refused.
     */
    private static Path nonEmptyPath(String text) {
        if (text.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path; give a file or folder name");
        }
        return Path.of(text);
    }

    /** The configured command line, with the exit-code and one-line error policy applied. */
    public static CommandLine commandLine() {
        return commandLine(EngineRegistry.STANDARD);
    }

    /** The command line whose experiments run the engines {@code engines} builds. */
    public static CommandLine commandLine(EngineRegistry engines) {
        CommandLine cli = new CommandLine(new FlowlabCommand(), new CommandFactory(engines));
        addContributedCommands(cli);
        cli.addSubcommand(new CommandLine.HelpCommand());
        // Set after every command is added: these settings reach only the commands present.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.registerConverter(Path.class, FlowlabCommand::nonEmptyPath);
        for (String name : List.of("compare", "sweep", "flink")) {
            EngineFlags.addTo(cli.getSubcommands().get(name).getCommandSpec(), engines);
        }
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine at = e.getCommandLine();
            at.getErr().println("flowlab: " + oneLine(e.getMessage()) + " (see '" + at.getCommandSpec().qualifiedName() + " --help')");
            at.getErr().flush();
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, at, parseResult) -> {
            if (e instanceof InvalidInputException) {
                at.getErr().println("flowlab: " + oneLine(e.getMessage()));
                at.getErr().flush();
                return EXIT_USAGE;
            }
            if (causedByRunningOutOfMemory(e)) {
                // An engine's or a sweep point's thread ran out of memory, and its executor passed the error on.
                return outOfMemory(at.getErr());
            }
            if (e instanceof FlinkJobFailedException || e instanceof EngineJvms.EngineJvmFailedException) {
                at.getErr().println("flowlab: " + oneLine(e.getMessage()));
                at.getErr().flush();
                return EXIT_FAILED;
            }
            throw e;
        });
        return cli;
    }

    /**
     * Adds the commands of every {@link CommandContribution} on the class path, ordered by the
     * contribution's class name so that the help lists them the same way on every run, and their
     * examples to the footer before its last line (help's).
     */
    private static void addContributedCommands(CommandLine cli) {
        List<CommandContribution> contributions = ServiceLoader.load(CommandContribution.class,
                        FlowlabCommand.class.getClassLoader()).stream()
                .sorted(Comparator.comparing(provider -> provider.type().getName()))
                .map(ServiceLoader.Provider::get).toList();
        List<String> footer = new ArrayList<>(Arrays.asList(cli.getCommandSpec().usageMessage().footer()));
        for (CommandContribution contribution : contributions) {
            contribution.commands().forEach(cli::addSubcommand);
            footer.addAll(footer.size() - 1, contribution.examples());
        }
        cli.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
    }

    static String oneLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Creates the commands, handing the experiment commands their engines. */
    private record CommandFactory(EngineRegistry engines) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == CompareCommand.class) {
                return cls.cast(new CompareCommand(engines));
            }
            if (cls == SweepCommand.class) {
                return cls.cast(new SweepCommand(engines));
            }
            if (cls == ReferenceCommand.class) {
                return cls.cast(new ReferenceCommand(engines));
            }
            if (cls == FlinkCommand.class) {
                return cls.cast(new FlinkCommand(engines));
            }
            if (cls == TortureCommand.class) {
                return cls.cast(new TortureCommand(engines));
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
