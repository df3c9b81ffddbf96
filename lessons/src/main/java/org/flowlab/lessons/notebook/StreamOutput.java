package org.flowlab.lessons.notebook;

import java.util.Objects;

/** Text a cell printed on {@code stdout} or {@code stderr}. */
public record StreamOutput(String name, String text) implements Output {
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    public StreamOutput {
        Objects.requireNonNull(text, "text");
        if (!STDOUT.equals(name) && !STDERR.equals(name)) {
            throw new IllegalArgumentException("a stream is stdout or stderr, not " + name);
        }
    }
}
