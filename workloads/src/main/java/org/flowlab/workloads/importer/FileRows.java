package org.flowlab.workloads.importer;

import java.nio.file.Path;

/** The rows of one file, which messages name. */
abstract class FileRows implements RowSource {
    final Path file;

    FileRows(Path file) {
        this.file = file;
    }

    @Override
    public final String file() {
        return file.toString();
    }
}
