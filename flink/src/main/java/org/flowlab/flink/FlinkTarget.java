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
        return new JobManager(text.substring(0, colon), port, ShippedJars.flowlab());
    }

    /** A MiniCluster in this JVM, started and stopped by Flink for each run. */
    record InJvm() implements FlinkTarget {
        @Override
        public StreamExecutionEnvironment environment(int parallelism) {
            return StreamExecutionEnvironment.createLocalEnvironment(parallelism, new Configuration());
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
     * {@code restart-strategy} restarts it, and a Flowlab job, which reads the trace from a source
     * inside the job, reads it again from its start. So that the client sees this through rather than
     * fail with Flink's {@code Job restarted}, the job's outputs are collected at least once: Flink picks
     * a restart-tolerant collect buffer only for a job with checkpointing on in {@code AT_LEAST_ONCE} mode,
     * so checkpointing is on, at an interval ({@link #NO_CHECKPOINT_BEFORE}) that no run reaches, and
     * without the final checkpoint a finishing job would wait for. An output the restarted job emits
     * again has the value it had ({@code ResultTable.Builder#add} fails otherwise) and is counted in
     * {@link FlinkRun#repeatedOutputs()}. ({@code BATCH} jobs never checkpoint; they are collected the same way.)
     *
     * @param host the JobManager's host
     * @param port its REST port
     * @param jars the jar files to ship with each job
     */
    record JobManager(String host, int port, List<Path> jars) implements FlinkTarget {
        /** The checkpoint interval of a job on a cluster: longer than any reference run. */
        static final Duration NO_CHECKPOINT_BEFORE = Duration.ofDays(1);

        public JobManager {
            jars = List.copyOf(jars);
        }

        @Override
        public StreamExecutionEnvironment environment(int parallelism) {
            String[] files = jars.stream().map(Path::toString).toArray(String[]::new);
            Configuration conf = new Configuration();
            conf.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, false);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(host, port, conf, files);
            env.enableCheckpointing(NO_CHECKPOINT_BEFORE.toMillis(), CheckpointingMode.AT_LEAST_ONCE);
            env.setParallelism(parallelism);
            return env;
        }

        @Override
        public String toString() {
            return "JobManager at " + host + ":" + port;
        }
    }
}
