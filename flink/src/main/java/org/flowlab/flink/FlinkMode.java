package org.flowlab.flink;

import org.apache.flink.api.common.RuntimeExecutionMode;

/**
 * Flink's two runtime modes for the same DataStream program, and the engine names they have in
 * Flowlab's reports.
 */
public enum FlinkMode {
    /** Bounded input processed stage by stage, keyed input sorted by key; watermarks are +inf at each key's end. */
    BATCH(RuntimeExecutionMode.BATCH, "flink-batch"),
    /** Records flow through all operators at once; windows and timers fire as watermarks advance. */
    STREAMING(RuntimeExecutionMode.STREAMING, "flink-streaming");

    private final RuntimeExecutionMode runtimeMode;
    private final String engineName;

    FlinkMode(RuntimeExecutionMode runtimeMode, String engineName) {
        this.runtimeMode = runtimeMode;
        this.engineName = engineName;
    }

    public RuntimeExecutionMode runtimeMode() {
        return runtimeMode;
    }

    /** {@code flink-batch} or {@code flink-streaming}. */
    public String engineName() {
        return engineName;
    }
}
