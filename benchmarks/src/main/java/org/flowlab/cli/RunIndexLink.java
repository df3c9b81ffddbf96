package org.flowlab.cli;

import java.nio.file.Path;

/** The link from a run's page to the index of runs, relative, so the pages work from any folder they are copied to. */
final class RunIndexLink {
    private RunIndexLink() {
    }

    static String from(Path runDir, Path index) {
        return runDir.toAbsolutePath().normalize().relativize(index.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }
}
