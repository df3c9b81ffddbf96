package org.flowlab.flink;

import java.net.URI;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;

/**
 * A Flink MiniCluster in this JVM that stays up for many runs, reached like a remote cluster
 * through its REST endpoint on a free local port. {@link FlinkTarget#inJvm()} starts a cluster per
 * run (a second or two each); this one is started once, for tests and for commands that run many
 * jobs. The classes are already here, so no jars are shipped.
 * <pre>{@code
 * try (LocalFlinkCluster cluster = LocalFlinkCluster.start(2)) {
 *     FlinkRun run = new FlinkRunner(cluster.target(), 2).run(recipe, trace, FlinkMode.STREAMING);
 * }
 * }</pre>
 */
public final class LocalFlinkCluster implements AutoCloseable {
    private final MiniCluster cluster;
    private final FlinkTarget target;

    private LocalFlinkCluster(MiniCluster cluster, FlinkTarget target) {
        this.cluster = cluster;
        this.target = target;
    }

    /** Starts a cluster with one TaskManager of {@code slots} slots (the largest parallelism it can run). */
    public static LocalFlinkCluster start(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a cluster needs at least one slot (got " + slots + ")");
        }
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "localhost");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(conf)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        try {
            cluster.start();
            URI rest = cluster.getRestAddress().get();
            return new LocalFlinkCluster(cluster, new FlinkTarget.JobManager(rest.getHost(), rest.getPort(), List.of()));
        } catch (Exception e) {
            closeQuietly(cluster, e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start a local Flink cluster: " + e.getMessage(), e);
        }
    }

    /** Where to send jobs: this cluster's REST endpoint. */
    public FlinkTarget target() {
        return target;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the local Flink cluster: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(MiniCluster cluster, Exception cause) {
        try {
            cluster.close();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "local Flink cluster, " + target;
    }
}
