package org.flowlab.lessons.notebook;

import java.util.List;
import java.util.Objects;

/** A cell that failed: the error's name, its message, and the lines explaining where. */
public record ErrorOutput(String ename, String evalue, List<String> traceback) implements Output {
    public ErrorOutput {
        Objects.requireNonNull(ename, "ename");
        Objects.requireNonNull(evalue, "evalue");
        traceback = List.copyOf(traceback);
    }
}
