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
}
