package org.flowlab.torture;

/** The kinds of fault a torture counts when they fire, in the summary's order. */
public enum FaultKind {
    CRASH("worker crashes"),
    CRASH_DURING_CHECKPOINT("  of them during a checkpoint or commit"),
    TASK_FAILURE("task failures"),
    SLOW("slow periods"),
    STALL("source stalls");

    private final String text;

    FaultKind(String text) {
        this.text = text;
    }

    /** The summary's row label. */
    public String text() {
        return text;
    }
}
