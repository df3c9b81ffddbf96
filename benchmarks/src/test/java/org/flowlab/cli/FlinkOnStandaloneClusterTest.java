package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.flowlab.flink.FlinkMode;
import org.flowlab.flink.FlinkRunner;
import org.flowlab.flink.FlinkTarget;
import org.flowlab.flink.JobRecipe;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.WorkloadGenerator;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.text.DurationText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab flink --jobmanager} against a real standalone Flink session cluster: a JobManager and
 * two TaskManagers, each its own JVM, started by {@code flink-cluster/cluster} on a class path of Flink's
 * artifacts only, so Flowlab's operators run there only if their jars were shipped with the job. Every
 * run is the command line's, in a fresh JVM started at {@link FlowlabCommand#main} as the launcher starts
 * it. The cluster lives in {@code benchmarks/target/flink-cluster/} on free ports, and is stopped after
 * the last test, or when starting it failed; the test then checks that none of its processes is left.
 */
class FlinkOnStandaloneClusterTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("flink-cluster/cluster");
    private static final Path DIR = Path.of("target/flink-cluster").toAbsolutePath();
    private static final String JOBMANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASKMANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final int TASKMANAGERS = 2;
    private static final Duration SCRIPT_DEADLINE = Duration.ofMinutes(4);
    private static final Duration RUN_DEADLINE = Duration.ofMinutes(4);
    /**
     * The span of the trace of the job a TaskManager is killed in: long enough that its sources still
     * read when its first checkpoint completes (2 s after it starts) and the test sees it running (with
     * 40 s, 384 k events, a fast machine's sources had finished before the test saw every task run).
     */
    private static final String KILLED_JOB_SPAN = "100s";
    /**
     * The JobManager's memory: the trace travels inside the job, and a JobManager of the script's
     * default 1024 MB ran out of heap building the tasks of a job with a 120 s trace (1.2 M events).
     */
    private static final int JOBMANAGER_MB = 2048;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int restPort;
    private static int rpcPort;
    /** Every process of the cluster this test class has seen, by pid file name; all must be gone at the end. */
    private static final Map<String, Long> SEEN = new LinkedHashMap<>();

    @TempDir
    Path runs;

    @BeforeAll
    static void startCluster() throws IOException {
        cluster("stop"); // a cluster an aborted earlier run left behind
        int[] ports = freePorts(2);
        restPort = ports[0];
        rpcPort = ports[1];
        ensureUp();
    }

    /** Starts the cluster, or the TaskManagers a test killed, and waits until all are registered. */
    @BeforeEach
    void clusterIsUp() throws IOException {
        ensureUp();
    }

    private static void ensureUp() throws IOException {
        ScriptRun start = cluster("start", "--taskmanagers", String.valueOf(TASKMANAGERS), "--slots", "2",
                "--rest-port", String.valueOf(restPort), "--rpc-port", String.valueOf(rpcPort),
                "--jobmanager-memory", String.valueOf(JOBMANAGER_MB));
        assertThat(start.exitCode()).as(start.output()).isZero();
        for (String name : processNames()) {
            long pid = pid(name);
            SEEN.put(name + "@" + pid, pid);
            assertThat(ProcessHandle.of(pid)).as(name + " (pid " + pid + ") is alive").hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        }
    }

    @AfterAll
    static void stopCluster() throws IOException {
        ScriptRun stop = cluster("stop");
        List<Long> left = new ArrayList<>();
        for (long pid : SEEN.values()) {
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            if (p.isPresent() && p.get().isAlive() && commandLine(p.get()).contains("--configDir " + DIR.resolve("conf"))) {
                p.get().destroyForcibly();
                left.add(pid);
            }
        }
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(left).as("cluster processes still alive after flink-cluster/cluster stop").isEmpty();
        assertThat(SEEN).as("the processes this test saw").hasSizeGreaterThanOrEqualTo(1 + TASKMANAGERS);
    }

    @Test
    void theClusterIsAJobManagerAndTaskManagersInTheirOwnJvmsWithFlinkOnly() throws IOException {
        ProcessHandle jobManager = ProcessHandle.of(pid("jobmanager")).orElseThrow();
        assertThat(commandLine(jobManager)).contains(JOBMANAGER_CLASS);
        for (int i = 1; i <= TASKMANAGERS; i++) {
            ProcessHandle taskManager = ProcessHandle.of(pid("taskmanager-" + i)).orElseThrow();
            assertThat(commandLine(taskManager)).contains(TASKMANAGER_CLASS);
            assertThat(taskManager.pid()).isNotEqualTo(jobManager.pid()).isNotEqualTo(ProcessHandle.current().pid());
        }
        List<String> classPath = Arrays.asList(Files.readString(ROOT.resolve("flink-cluster/target/cluster.classpath")).trim()
                .split(java.io.File.pathSeparator));
        assertThat(commandLine(jobManager)).contains(String.join(java.io.File.pathSeparator, classPath));
        assertThat(classPath).as("Flink's jars").anyMatch(jar -> jar.endsWith("flink-runtime-2.3.0.jar"));
        for (String jar : classPath) {
            try (JarFile file = new JarFile(jar)) {
                assertThat(file.stream().map(e -> e.getName()).filter(name -> name.startsWith("org/flowlab/")).findFirst())
                        .as("a Flowlab class in " + jar).isEmpty();
            }
        }
        JsonObject overview = rest("/overview").getAsJsonObject();
        assertThat(overview.get("taskmanagers").getAsInt()).isEqualTo(TASKMANAGERS);
        assertThat(overview.get("slots-total").getAsInt()).isEqualTo(2 * TASKMANAGERS);
        assertThat(overview.get("flink-version").getAsString()).isEqualTo("2.3.0");
    }

    @Test
    void nexmarkQ5AgreesWithTheOracleInBothModes() {
        String out = flowlabFlink("--scenario", "nexmark", "--job", "q5", "--duration", "10s");
        assertRanOnTheCluster(out, "q5");
    }

    @Test
    void cardFraudAlertsAgreeWithTheOracleInBothModes() {
        String out = flowlabFlink("--scenario", "card-fraud", "--job", "fraud-alerts", "--duration", "10m");
        assertRanOnTheCluster(out, "fraud-alerts");
    }

    @Test
    void aTaskManagerKilledMidJobIsRecoveredByFlinksOwnRestartWithTheSameResults() throws Exception {
        Client client = startFlowlabFlink("--scenario", "nexmark", "--job", "q5", "--duration", KILLED_JOB_SPAN, "--mode", "streaming");
        try {
            String job = awaitRunningJob("flink-streaming q5", client);
            awaitCompletedCheckpoint(job, client);
            String victim = taskManagerRunningTasks();
            ProcessHandle killed = ProcessHandle.of(pid(victim)).orElseThrow();
            killed.destroyForcibly();
            assertThat(killed.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

            String out = finish(client);
            assertThat(out).contains("results agree ✓");
            assertThat(stateNow(job)).as(out).isEqualTo("FINISHED");
            JsonArray failures = rest("/jobs/" + job + "/exceptions").getAsJsonObject()
                    .getAsJsonObject("exceptionHistory").getAsJsonArray("entries");
            assertThat(failures).as("the failures Flink restarted the job after").isNotEmpty();
            assertThat(checkpointCounts(job).get("restored").getAsInt()).as("restores from a checkpoint").isPositive();
        } finally {
            client.process().destroyForcibly();
        }
    }

    /** The cluster has no Flowlab class, so a job whose jars are not shipped fails there. */
    @Test
    void withoutTheShippedJarsTheClusterCannotRunTheJob() {
        Trace trace = WorkloadGenerator.generate(WorkloadSpec.defaults("nexmark").withDuration(DurationText.parse("5s")), 1);
        FlinkTarget.JobManager noJars = new FlinkTarget.JobManager("127.0.0.1", restPort, List.of());
        JobRecipe q5 = JobRecipe.catalog(JobCatalog.get("nexmark", "q5"), trace.schema());

        assertThatThrownBy(() -> new FlinkRunner(noJars, 2).run(q5, trace, FlinkMode.BATCH))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.flowlab.");
    }

    // --- the command line, in its own JVM ---------------------------------------------------------

    private String flowlabFlink(String... args) {
        return finish(startFlowlabFlink(args));
    }

    /** A run of the command line in its own JVM, printing to {@code output}. */
    private record Client(Process process, Path output) {
    }

    private Client startFlowlabFlink(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), FlowlabCommand.class.getName(),
                "flink", "--engines", "stream", "--jobmanager", "127.0.0.1:" + restPort, "--out", runs.toString()));
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile(runs, "flowlab-flink-", ".txt");
            return new Client(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String finish(Client client) {
        try {
            boolean done = client.process().waitFor(RUN_DEADLINE.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                client.process().destroyForcibly();
            }
            String out = Files.readString(client.output());
            assertThat(done).as("flowlab flink finished within " + RUN_DEADLINE.toSeconds() + " s\n" + out).isTrue();
            assertThat(client.process().exitValue()).as(out).isZero();
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertRanOnTheCluster(String out, String job) {
        assertThat(out).contains("results agree ✓", "Flink on JobManager at 127.0.0.1:" + restPort,
                "flink-batch: Flink's own run time", "flink-streaming: Flink's own run time");
        List<String> finished = new ArrayList<>();
        for (JsonElement j : rest("/jobs/overview").getAsJsonObject().getAsJsonArray("jobs")) {
            JsonObject o = j.getAsJsonObject();
            if (o.get("state").getAsString().equals("FINISHED")) {
                finished.add(o.get("name").getAsString());
            }
        }
        assertThat(finished).as("jobs the cluster finished").contains("flink-batch " + job, "flink-streaming " + job);
    }

    // --- the cluster --------------------------------------------------------------------------------

    private record ScriptRun(int exitCode, String output) {
    }

    private static ScriptRun cluster(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--dir", DIR.toString()));
        Path output = Files.createTempFile("flink-cluster-", ".txt");
        try {
            Process script = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!script.waitFor(SCRIPT_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                script.destroyForcibly();
                return new ScriptRun(-1, "timed out after " + SCRIPT_DEADLINE.toSeconds() + " s: " + command + "\n"
                        + Files.readString(output));
            }
            return new ScriptRun(script.exitValue(), String.join(" ", command) + "\n" + Files.readString(output));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static List<String> processNames() throws IOException {
        List<String> names = new ArrayList<>(List.of("jobmanager"));
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("taskmanager-") && n.endsWith(".pid"))
                    .map(n -> n.substring(0, n.length() - ".pid".length())).sorted().forEach(names::add);
        }
        return names;
    }

    private static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(DIR.resolve(name + ".pid")).trim());
    }

    /** The process's whole command line (ProcessHandle.Info cuts a long one short), or "" once it has gone. */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    private static JsonElement rest(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + restPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            return JsonParser.parseString(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The id of the job named {@code name} once all its tasks run, while {@code client} waits for it. */
    private static String awaitRunningJob(String name, Client client) {
        return awaitUntilRest("no job " + name + " ran within " + RUN_DEADLINE.toSeconds() + " s", () -> {
            assertStillRunning(client, "its job was not yet seen running");
            return runningJob(name);
        }, Optional::isPresent).orElseThrow();
    }

    /** The id of the job named {@code name} if it and all its tasks run now. */
    private static Optional<String> runningJob(String name) {
        for (JsonElement j : rest("/jobs/overview").getAsJsonObject().getAsJsonArray("jobs")) {
            JsonObject o = j.getAsJsonObject();
            if (o.get("name").getAsString().equals(name) && o.get("state").getAsString().equals("RUNNING")) {
                String id = o.get("jid").getAsString();
                boolean allRunning = true;
                for (JsonElement v : rest("/jobs/" + id).getAsJsonObject().getAsJsonArray("vertices")) {
                    allRunning &= v.getAsJsonObject().get("status").getAsString().equals("RUNNING");
                }
                if (allRunning) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Polls {@code probe} every 50 ms until {@code done} accepts what it returns, and returns that; fails
     * with {@code timeoutMessage} after {@link #RUN_DEADLINE}. An assertion the probe throws (the command
     * ended early, a REST call failed) fails the test at once, with its own message.
     */
    private static <T> T awaitUntilRest(String timeoutMessage, Callable<T> probe, Predicate<? super T> done) {
        try {
            return Awaitility.await(timeoutMessage).atMost(RUN_DEADLINE).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(50)).until(probe, done);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(timeoutMessage, e);
        }
    }

    /**
     * The job's state as the JobManager's dispatcher has it now, from {@code /jobs/overview}: unlike
     * {@code /jobs/<id>}, which serves a job's details from a cache up to a few seconds old (Flink's
     * {@code web.refresh-interval}, 3 s, kept filled by the command's own watch while the job ran),
     * the overview asks the dispatcher, which knows the job finished once its client has the result.
     */
    private static String stateNow(String job) {
        for (JsonElement j : rest("/jobs/overview").getAsJsonObject().getAsJsonArray("jobs")) {
            JsonObject o = j.getAsJsonObject();
            if (o.get("jid").getAsString().equals(job)) {
                return o.get("state").getAsString();
            }
        }
        throw new AssertionError("job " + job + " is not in /jobs/overview: " + rest("/jobs/overview"));
    }

    /**
     * Waits until Flink has completed a checkpoint of the job, so that the kill after it tests recovery
     * from a checkpoint: restored state and sources that read on from their checkpointed positions.
     */
    private static void awaitCompletedCheckpoint(String job, Client client) {
        awaitUntilRest("no checkpoint of job " + job + " completed within " + RUN_DEADLINE.toSeconds() + " s", () -> {
            assertStillRunning(client, "no checkpoint of its job had completed");
            return checkpointCounts(job).get("completed").getAsInt();
        }, completed -> completed > 0);
    }

    /** Fails, with what the command printed, if it has ended already: {@code why} says what it had not done yet. */
    private static void assertStillRunning(Client client, String why) {
        if (!client.process().isAlive()) {
            String out;
            try {
                out = Files.readString(client.output());
            } catch (IOException e) {
                out = "(its output unreadable: " + e.getMessage() + ")";
            }
            throw new AssertionError("flowlab flink ended (exit " + client.process().exitValue() + ") while " + why
                    + "; it printed:\n" + out);
        }
    }

    private static JsonObject checkpointCounts(String job) {
        return rest("/jobs/" + job + "/checkpoints").getAsJsonObject().getAsJsonObject("counts");
    }

    /** A TaskManager with a slot in use: one that runs tasks of the job. */
    private static String taskManagerRunningTasks() {
        for (JsonElement t : rest("/taskmanagers").getAsJsonObject().getAsJsonArray("taskmanagers")) {
            JsonObject o = t.getAsJsonObject();
            if (o.get("freeSlots").getAsInt() < o.get("slotsNumber").getAsInt()) {
                return o.get("id").getAsString();
            }
        }
        throw new AssertionError("no TaskManager runs a task: " + rest("/taskmanagers"));
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }
}
