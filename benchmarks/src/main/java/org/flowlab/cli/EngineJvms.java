package org.flowlab.cli;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowlab.experiment.FlinkComparison;
import org.flowlab.experiment.FlinkComparison.EngineTimings;
import org.flowlab.workloads.InvalidInputException;

/**
 * Runs each engine's repeats of a {@code flowlab flink} command in a JVM of its own, as JMH forks one
 * per benchmark: this JVM's java, class path and memory and system settings, and the same command
 * line with {@code --time-in-this-jvm=ENGINE} added after the command's name, which makes that JVM time
 * the one engine and print its timings as one line after {@link #MARKER}. Its standard error goes to a
 * temporary file, whose {@code flowlab:} line (or first line) says why when it fails: a mistake in the
 * input it alone finds fails this command as one (exit code 2), anything else as a failed run. It
 * ends when this JVM does, and this JVM's end ends it.
 */
final class EngineJvms implements FlinkComparison.JvmPerEngine {

    /** What starts the line of timings a JVM of its own prints. */
    static final String MARKER = "flowlab-engine-timings ";

    private static final Gson GSON = new Gson();

    private final List<String> command;
    /** Where {@code --time-in-this-jvm} goes in {@link #command}: right after {@code flink}, before any {@code --}. */
    private final int optionAt;
    private final int repeats;
    private final long warmupNanos;

    /**
     * For the command line {@code args} (every argument, the command's name first, argument files
     * expanded), as this JVM parsed them, which asks for {@code repeats} timed runs after
     * {@code warmupNanos} of warm-up.
     */
    EngineJvms(List<String> args, int repeats, long warmupNanos) {
        this(thisJvmsLauncher(), args, repeats, warmupNanos);
    }

    /** As {@link #EngineJvms(List, int, long)}, each JVM started by {@code launcher} (the java command up to the main class). */
    EngineJvms(List<String> launcher, List<String> args, int repeats, long warmupNanos) {
        if (!args.contains("flink")) {
            throw new IllegalArgumentException("not a flink command line: " + args);
        }
        this.repeats = repeats;
        this.warmupNanos = warmupNanos;
        List<String> c = new ArrayList<>(launcher);
        c.addAll(args);
        this.command = List.copyOf(c);
        this.optionAt = launcher.size() + args.indexOf("flink") + 1;
    }

    /** This JVM's java, settings and class path, and Flowlab's main class. */
    private static List<String> thisJvmsLauncher() {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(jvmSettings(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(FlowlabCommand.class.getName());
        return c;
    }

    /**
     * Of this JVM's options, those the JVM of an engine takes too: all but agents, debuggers, flight
     * recordings, logs and dump files, which two JVMs cannot share (a port, a file).
     */
    static List<String> jvmSettings(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String o : options) {
            boolean shared = o.startsWith("-agentlib") || o.startsWith("-agentpath") || o.startsWith("-javaagent")
                    || o.startsWith("-Xrunjdwp") || o.equals("-Xdebug") || o.startsWith("-Xlog") || o.startsWith("-verbose")
                    || o.startsWith("-Xshare:dump") || o.startsWith("-Dcom.sun.management.jmxremote")
                    || o.startsWith("-XX:StartFlightRecording") || o.startsWith("-XX:FlightRecorderOptions")
                    || o.startsWith("-XX:HeapDumpPath") || o.startsWith("-XX:ErrorFile") || o.startsWith("-XX:LogFile")
                    || o.startsWith("-XX:+LogVMOutput") || o.startsWith("-XX:ArchiveClassesAtExit")
                    || o.startsWith("-XX:+AutoCreateSharedArchive") || o.startsWith("-XX:+Print");
            if (!shared) {
                kept.add(o);
            }
        }
        return kept;
    }

    @Override
    public long warmupNanos() {
        return warmupNanos;
    }

    @Override
    public EngineTimings time(String engineId) {
        List<String> c = new ArrayList<>(command);
        c.add(optionAt, "--time-in-this-jvm=" + engineId);
        Path errors = null;
        Process process = null;
        Thread stop = null;
        try {
            errors = Files.createTempFile("flowlab-engine-jvm-", ".log");
            ProcessBuilder builder = new ProcessBuilder(c).redirectError(errors.toFile()).redirectInput(
                    ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")));
            // This JVM's options from these variables are in the command already, filtered (jvmSettings).
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            process = builder.start();
            Process started = process;
            stop = new Thread(() -> end(started), "flowlab-engine-jvm-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            String timings = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(MARKER)) {
                        timings = line.substring(MARKER.length());
                    }
                }
            }
            int exit = process.waitFor();
            if (exit == FlowlabCommand.EXIT_USAGE) {
                throw new InvalidInputException(reason(errors).replaceFirst("^flowlab: ", ""));
            }
            if (exit != 0 || timings == null) {
                throw new EngineJvmFailedException(engineId + ": its runs in a JVM of their own failed (exit code " + exit + "): "
                        + reason(errors));
            }
            EngineTimings read;
            try {
                read = GSON.fromJson(timings, EngineTimings.class);
            } catch (RuntimeException e) { // Gson's, or the record's checks
                throw new EngineJvmFailedException(engineId + ": its JVM printed timings that do not read: " + e.getMessage());
            }
            if (read == null || read.wallNanos().size() != repeats) {
                throw new EngineJvmFailedException(engineId + ": its JVM printed " + (read == null ? "no" : read.wallNanos().size())
                        + " timings for " + repeats + " runs");
            }
            return read;
        } catch (IOException e) {
            throw new EngineJvmFailedException(engineId + ": could not run it in a JVM of its own: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineJvmFailedException(engineId + ": interrupted while its JVM ran");
        } finally {
            if (process != null && process.isAlive()) {
                end(process);
            }
            if (stop != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, or has run: the JVM is ending anyway
                }
            }
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException e) {
                    errors.toFile().deleteOnExit();
                }
            }
        }
    }

    /** Ends an engine's JVM: asked first, so that it cleans up (a Flink cluster's files), then forced after two seconds. */
    private static void end(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Why an engine's JVM failed, from its standard error: its {@code flowlab:} line, else its first line
     * (an exception's) but for the JVM's notes on options it picked up and its warnings.
     */
    private static String reason(Path errors) throws IOException {
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("Picked up ") && !l.contains("VM warning:")).toList();
        return lines.stream().filter(l -> l.startsWith("flowlab: ")).findFirst()
                .orElse(lines.isEmpty() ? "it said nothing on its standard error" : lines.get(0).strip());
    }

    /** An engine's JVM did not give its timings back: a failure of the machine or of the engine, said in one line. */
    static final class EngineJvmFailedException extends IllegalStateException {
        EngineJvmFailedException(String message) {
            super(message);
        }
    }
}
