package org.flowlab.lessons.cli;

import java.nio.file.Path;

/** The Flowlab checkout the launcher runs from ({@code -Dflowlab.home}), else the working directory. */
final class FlowlabHome {
    private FlowlabHome() {
    }

    static Path get() {
        String home = System.getProperty("flowlab.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath();
    }
}
