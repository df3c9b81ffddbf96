package org.flowlab.flink;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;

/**
 * Watches a job on a cluster ({@link FlinkTarget.JobManager}) through its JobManager's REST
 * endpoint while the client waits for its results, and gives up on it when its tasks have not all
 * been running for longer than the target's {@linkplain FlinkTarget.JobManager#deployTimeout deploy
 * timeout}: it cancels the job and interrupts the waiting thread, whose call then fails with
 * {@link #stall()}.
 *
 * <p>Without it such a wait never ends. A job whose tasks find no free slot waits for them; a
 * JobManager short of heap to deploy the tasks (the trace travels inside the job) leaves them
 * scheduled, and its TaskManagers may die; Flink's default restart strategy for a checkpointed job
 * restarts it without end. The clock restarts whenever every task runs (or has finished), so a
 * job that Flink restarts after a lost TaskManager has the whole timeout to be running again.
 */
final class DeploymentWatch implements AutoCloseable {
    /** How often the job's details are read. */
    static final Duration POLL = Duration.ofMillis(500);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** A task in one of these is at work; any other state is on its way there or on its way out. */
    private static final Set<String> AT_WORK = Set.of("RUNNING", "FINISHED");
    /** The job states after which nothing more happens to the job (the client learns why itself). */
    private static final Set<String> JOB_ENDED = Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");

    private final JobClient job;
    private final Thread waiter;
    private final long timeoutNanos;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private final HttpRequest details;
    private final ScheduledExecutorService poller;
    /** When every task was last seen at work, or when the watch began. Read and written by the poller only. */
    private long atWorkSince;
    private String stall;
    private boolean closed;

    private DeploymentWatch(FlinkTarget.JobManager target, JobClient job, Thread waiter) {
        this.job = job;
        this.waiter = waiter;
        this.timeoutNanos = target.deployTimeout().toNanos();
        this.details = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":" + target.port() + "/jobs/" + job.getJobID()))
                .timeout(REQUEST_TIMEOUT).build();
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowlab-deployment-watch-" + job.getJobID());
            t.setDaemon(true);
            return t;
        });
        this.atWorkSince = System.nanoTime();
    }

    /** Starts watching {@code job}, just submitted to {@code target}, on behalf of the calling thread, which waits for it. */
    static DeploymentWatch start(FlinkTarget.JobManager target, JobClient job) {
        DeploymentWatch watch = new DeploymentWatch(target, job, Thread.currentThread());
        watch.poller.scheduleWithFixedDelay(watch::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Why the watch gave up on the job, or null while it has not. */
    synchronized String stall() {
        return stall;
    }

    private void poll() {
        long now = System.nanoTime();
        String seen;
        try {
            HttpResponse<String> response = http.send(details, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                seen = "its JobManager answered HTTP " + response.statusCode();
            } else {
                JsonObject job = JsonParser.parseString(response.body()).getAsJsonObject();
                String state = job.get("state").getAsString();
                if (JOB_ENDED.contains(state)) {
                    poller.shutdown();
                    return;
                }
                Map<String, Integer> tasks = taskStates(job);
                if (state.equals("RUNNING") && AT_WORK.containsAll(tasks.keySet())) {
                    atWorkSince = now;
                    return;
                }
                seen = "job " + state + ", tasks " + summary(tasks);
            }
        } catch (IOException | JsonParseException | IllegalStateException | UnsupportedOperationException | NullPointerException e) {
            seen = "its JobManager did not answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (now - atWorkSince > timeoutNanos) {
            giveUp(String.format(Locale.ROOT, "its tasks were not all running for %d s (last seen: %s)",
                    TimeUnit.NANOSECONDS.toSeconds(now - atWorkSince), seen));
        }
    }

    /** How many of the job's tasks are in each execution state (only states some task is in). */
    private static Map<String, Integer> taskStates(JsonObject job) {
        Map<String, Integer> counts = new TreeMap<>();
        for (JsonElement vertex : job.getAsJsonArray("vertices")) {
            for (Map.Entry<String, JsonElement> e : vertex.getAsJsonObject().getAsJsonObject("tasks").entrySet()) {
                int n = e.getValue().getAsInt();
                if (n > 0) {
                    counts.merge(e.getKey(), n, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static String summary(Map<String, Integer> tasks) {
        if (tasks.isEmpty()) {
            return "none yet";
        }
        StringBuilder b = new StringBuilder();
        tasks.forEach((state, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(state));
        return b.toString();
    }

    private synchronized void giveUp(String why) {
        if (closed) {
            return;
        }
        stall = why;
        poller.shutdown();
        job.cancel(); // asynchronous; a JobManager that does not answer cannot cancel it, and the wait ends anyway
        waiter.interrupt();
    }

    /** Stops watching: after this the waiting thread is never interrupted. */
    @Override
    public synchronized void close() {
        closed = true;
        poller.shutdownNow();
    }
}
