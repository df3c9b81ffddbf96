package org.flowlab.cli;

import java.nio.file.Path;

/** Where results go: {@code results/} of the Flowlab checkout the launcher runs from, else of the working directory. */
final class ResultsLocation {
    private ResultsLocation() {
    }

    static Path root() {
        String home = System.getProperty("flowlab.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).resolve("results");
    }

    /** Where run folders go: {@code out} when given ({@code --out}), else {@code results/runs}. */
    static Path runs(Path out) {
        return out != null ? out : root().resolve("runs");
    }

    /** The index page listing the runs of {@link #runs}: {@code out/index.html}, else {@code results/index.html}. */
    static Path index(Path out) {
        return out != null ? out.resolve("index.html") : root().resolve("index.html");
    }
}
