package org.flowlab.flink;

/**
 * Flink did not run a job to its end: it failed the job, or the job was cancelled after its tasks
 * could not all run on the cluster ({@link DeploymentWatch}). The message says which job, where,
 * and the first cause; a command reports it in one line.
 */
public final class FlinkJobFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    FlinkJobFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
