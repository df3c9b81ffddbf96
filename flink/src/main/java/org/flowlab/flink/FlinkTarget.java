package org.flowlab.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.flowlab.workloads.InvalidInputException;

/**
 * Where a Flink program runs: in this JVM, on a MiniCluster started for the run
 * ({@link #inJvm()}) or kept up for many runs ({@link LocalFlinkCluster}), or on a cluster whose
 * JobManager answers at {@code host:port} (its REST port), to which Flowlab's code is shipped as jars.
 */
public sealed interface FlinkTarget permits FlinkTarget.InJvm, FlinkTarget.JobManager, LocalFlinkCluster {

    /** An execution environment for one program with this parallelism. */
    StreamExecutionEnvironment environment(int parallelism);

    /** Called by the runner when a job has failed, so the target can recover; nothing by default. */
    default void afterFailedJob() {
    }

    /** Whether jobs run in this JVM (a MiniCluster's), whose memory their tasks share; not by default. */
    default boolean runsInThisJvm() {
        return false;
    }

    /** A fresh MiniCluster in this JVM for every run (Flink's local environment). */
    static FlinkTarget inJvm() {
        return new InJvm();
    }

    /**
     * The cluster whose JobManager's REST endpoint is at {@code hostPort}, for example
     * {@code localhost:8081}; Flowlab's classes go with every job.
     *
     * @throws InvalidInputException if {@code hostPort} is not {@code host:port}
     */
    static JobManager jobManager(String hostPort) {
        return jobManager(hostPort, JobManager.DEFAULT_DEPLOY_TIMEOUT);
    }

    /**
     * {@link #jobManager(String)}, giving up on a job whose tasks have not all been running for
     * {@code deployTimeout} ({@link JobManager#deployTimeout}).
     *
     * @throws InvalidInputException if {@code hostPort} is not {@code host:port}, or the timeout is not positive
     */
    static JobManager jobManager(String hostPort, Duration deployTimeout) {
        if (deployTimeout == null || deployTimeout.isNegative() || deployTimeout.isZero()) {
            throw new InvalidInputException("--deploy-timeout must be more than 0, for example 2m (got " + deployTimeout + ")");
        }
        String text = hostPort == null ? "" : hostPort.trim();
        int colon = text.lastIndexOf(':');
        String problem = "--jobmanager must be host:port with a port from 1 to 65535, for example localhost:8081 (got \""
                + hostPort + "\")";
        if (colon <= 0 || colon == text.length() - 1) {
            throw new InvalidInputException(problem);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(problem);
        }
        if (port < 1 || port > 65535) {
            throw new InvalidInputException(problem);
        }
        return new JobManager(text.substring(0, colon), port, ShippedJars.flowlab(), deployTimeout);
    }

    /** A MiniCluster in this JVM, started and stopped by Flink for each run. */
    record InJvm() implements FlinkTarget {
        @Override
        public StreamExecutionEnvironment environment(int parallelism) {
            return StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
        }

        @Override
        public boolean runsInThisJvm() {
            return true;
        }

        @Override
        public String toString() {
            return "in-JVM MiniCluster";
        }
    }

    /**
     * A running cluster reached through its REST endpoint.
     * <p>
     * There Flink itself recovers a job whose task failed (a TaskManager lost, say): the cluster's
     * {@code restart-strategy} restarts it from its last completed checkpoint. So that a restart gives
     * the results a run without failures gives, a job here is checkpointed {@code EXACTLY_ONCE} every
     * {@link #CHECKPOINT_INTERVAL}: barriers are aligned, so a checkpoint's window state holds exactly
     * the rows its sources' positions say were read, and the restored sources read on from there. (In
     * {@code AT_LEAST_ONCE} mode a task snapshots its state after rows that came behind the barrier on
     * another input, and the restored sources read those rows again: a restarted q5 counted some bids
     * twice.) The outputs are collected exactly once as well, as Flink does
     * for a job checkpointed in that mode: the client sees an output once the checkpoint after it
     * completes, or when the job ends, and after a restart only what the restored job emits anew. A
     * finishing job does not wait for a final checkpoint. ({@code BATCH} jobs never checkpoint: Flink
     * restarts their failed stages from the stages' inputs.)
     *
     * <p>A job whose tasks have not all been running for {@code deployTimeout} — at its submission
     * or after a restart, waiting for free slots or for a JobManager that cannot deploy them — is
     * cancelled, and its run fails saying so ({@link DeploymentWatch}); Flink itself would keep such
     * a job waiting for good.
     *
     * @param host          the JobManager's host
     * @param port          its REST port
     * @param jars          the jar files to ship with each job
     * @param deployTimeout how long a job's tasks may go without all running before the job is cancelled
     */
    record JobManager(String host, int port, List<Path> jars, Duration deployTimeout) implements FlinkTarget {
        /** How often a streaming job on a cluster is checkpointed; each checkpoint releases its outputs to the client. */
        static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
        /** The deploy timeout unless told otherwise: well above the seconds a deployment or a restart takes. */
        public static final Duration DEFAULT_DEPLOY_TIMEOUT = Duration.ofMinutes(2);

        public JobManager {
            jars = List.copyOf(jars);
            if (deployTimeout.isNegative() || deployTimeout.isZero()) {
                throw new IllegalArgumentException("the deploy timeout must be positive (got " + deployTimeout + ")");
            }
        }

        /** The cluster at {@code host:port}, shipping {@code jars}, with the default deploy timeout. */
        public JobManager(String host, int port, List<Path> jars) {
            this(host, port, jars, DEFAULT_DEPLOY_TIMEOUT);
        }

        @Override
        public StreamExecutionEnvironment environment(int parallelism) {
            String[] files = jars.stream().map(Path::toString).toArray(String[]::new);
            Configuration conf = new Configuration();
            conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(host, port, conf, files);
            env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis(), CheckpointingMode.EXACTLY_ONCE);
            env.setParallelism(parallelism);
            return env;
        }

        @Override
        public String toString() {
            return "JobManager at " + host + ":" + port;
        }
    }
}
