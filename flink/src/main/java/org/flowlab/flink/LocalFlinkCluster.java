package org.flowlab.flink;

import java.net.URI;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster in this JVM that stays up for many runs, reached like a remote cluster
 * through its REST endpoint on a free local port. {@link FlinkTarget#inJvm()} starts a cluster per
 * run (a second or two each); this one is started once, for tests and for commands that run many
 * jobs. The classes are already here, so no jars are shipped.
 * <pre>{@code
 * try (LocalFlinkCluster cluster = LocalFlinkCluster.start(2)) {
 *     FlinkRun run = new FlinkRunner(cluster, 2).run(recipe, trace, FlinkMode.STREAMING);
 * }
 * }</pre>
 * After a failed job the cluster starts afresh: in Flink 2.3 a job that failed before its collect
 * sink had opened could take the TaskManager down with it (the sink's cleanup throws a
 * {@code NullPointerException}, which the TaskManager treats as fatal), and the next job would
 * wait for slots that never come. Jobs here keep their outputs in memory now ({@link FlinkRunner}),
 * not through that sink; starting afresh still leaves nothing of a failed job behind.
 */
public final class LocalFlinkCluster implements FlinkTarget, AutoCloseable {
    private final int slots;
    private MiniCluster cluster;
    private URI rest;

    private LocalFlinkCluster(int slots) {
        this.slots = slots;
    }

    /** Starts a cluster with one TaskManager of {@code slots} slots (the largest parallelism it can run). */
    public static LocalFlinkCluster start(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a cluster needs at least one slot (got " + slots + ")");
        }
        LocalFlinkCluster local = new LocalFlinkCluster(slots);
        local.startMiniCluster();
        return local;
    }

    private void startMiniCluster() {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.BIND_PORT, "0");
        MiniCluster started = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        try {
            started.start();
            rest = started.getRestAddress().get();
            cluster = started;
        } catch (Exception e) {
            try {
                started.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start a local Flink cluster: " + e.getMessage(), e);
        }
    }

    /** The host of the cluster's REST endpoint. */
    public synchronized String host() {
        return rest.getHost();
    }

    /** The port of the cluster's REST endpoint (it changes when the cluster starts afresh). */
    public synchronized int port() {
        return rest.getPort();
    }

    @Override
    public synchronized StreamExecutionEnvironment environment(int parallelism) {
        if (cluster == null) {
            throw new IllegalStateException("the local Flink cluster is closed");
        }
        if (parallelism > slots) {
            throw new IllegalArgumentException("parallelism " + parallelism + " needs more than the cluster's " + slots + " slots");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(rest.getHost(), rest.getPort(),
                new Configuration());
        env.setParallelism(parallelism);
        return env;
    }

    @Override
    public boolean runsInThisJvm() {
        return true;
    }

    /** Starts the cluster afresh, since the failed job may have taken its TaskManager down. */
    @Override
    public synchronized void afterFailedJob() {
        if (cluster != null) {
            stop();
            startMiniCluster();
        }
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            stop();
        }
    }

    private void stop() {
        MiniCluster stopping = cluster;
        cluster = null;
        try {
            stopping.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the local Flink cluster: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized String toString() {
        return "local Flink cluster at " + (rest == null ? "?" : rest.getHost() + ":" + rest.getPort());
    }
}
