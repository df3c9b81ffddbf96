package org.flowlab.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
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
import org.flowlab.experiment.FlinkComparison;
import org.flowlab.experiment.FlinkComparison.EngineTimings;

/**
 * Runs each engine's repeats of a {@code flowlab flink} command in a JVM of its own, as JMH forks one
 * per benchmark: this JVM's java, class path and memory and system settings, and the same command
 * line with {@code --time-in-this-jvm=ENGINE} added, which makes that JVM time the one engine and
 * print its timings as one line after {@link #MARKER}. Its standard error goes to a temporary file,
 * whose last line says why when it fails.
 */
final class EngineJvms implements FlinkComparison.JvmPerEngine {

    /** What starts the line of timings a JVM of its own prints. */
    static final String MARKER = "flowlab-engine-timings ";

    private static final Gson GSON = new Gson();

    private final List<String> command;
    private final long warmupNanos;

    /**
     * For the command line {@code args} (every argument, the command's name first), as this JVM was given them,
     * which asks for {@code warmupNanos} of warm-up.
     */
    EngineJvms(List<String> args, long warmupNanos) {
        this.warmupNanos = warmupNanos;
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.addAll(jvmSettings(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        c.add("-cp");
        c.add(System.getProperty("java.class.path"));
        c.add(FlowlabCommand.class.getName());
        c.addAll(args);
        this.command = List.copyOf(c);
    }

    /**
     * Of this JVM's options, those the JVM of an engine takes too: system properties and memory and
     * VM settings, but no agent, debugger, flight recording or log file, which two JVMs cannot share.
     */
    static List<String> jvmSettings(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String o : options) {
            boolean setting = o.startsWith("-D") || o.startsWith("-Xmx") || o.startsWith("-Xms") || o.startsWith("-Xss")
                    || o.startsWith("-XX:");
            boolean shared = o.startsWith("-XX:StartFlightRecording") || o.startsWith("-XX:FlightRecorderOptions")
                    || o.startsWith("-XX:HeapDumpPath") || o.startsWith("-XX:ErrorFile") || o.startsWith("-XX:LogFile");
            if (setting && !shared) {
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
        c.add("--time-in-this-jvm=" + engineId);
        Path errors = null;
        Process process = null;
        try {
            errors = Files.createTempFile("flowlab-engine-jvm-", ".log");
            process = new ProcessBuilder(c).redirectError(errors.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                    new File(File.separatorChar == '/' ? "/dev/null" : "NUL"))).start();
            String timings = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(MARKER)) {
                        timings = line.substring(MARKER.length());
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || timings == null) {
                throw new EngineJvmFailedException(engineId + ": its runs in a JVM of their own failed (exit code " + exit + ")"
                        + lastLine(errors));
            }
            return GSON.fromJson(timings, EngineTimings.class);
        } catch (IOException e) {
            throw new EngineJvmFailedException(engineId + ": could not run it in a JVM of its own: " + e.getMessage());
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new EngineJvmFailedException(engineId + ": its JVM printed timings that do not read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineJvmFailedException(engineId + ": interrupted while its JVM ran");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
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

    /** {@code : <the last line of the file>}, or nothing if it is empty. */
    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return ": " + lines.get(i).strip();
            }
        }
        return "";
    }

    /** An engine's JVM did not give its timings back: a failure of the machine or of the engine, said in one line. */
    static final class EngineJvmFailedException extends IllegalStateException {
        EngineJvmFailedException(String message) {
            super(message);
        }
    }
}
