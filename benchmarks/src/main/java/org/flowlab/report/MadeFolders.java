package org.flowlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders a command makes for its output, to take away again when it fails: a failed command
 * leaves no empty folder behind, and never deletes one that holds anything.
 */
public final class MadeFolders {
    private MadeFolders() {
    }

    /** The highest folder that creating {@code folder} would make (itself, or an ancestor), or null if it exists. */
    public static Path highestMissing(Path folder) {
        Path made = null;
        for (Path p = folder.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            made = p;
        }
        return made;
    }

    /** Deletes the folders from {@code folder} up through {@code made} (none if null), while they are empty. */
    public static void removeEmpty(Path folder, Path made) {
        if (made == null) {
            return;
        }
        for (Path p = folder.toAbsolutePath(); p != null && p.startsWith(made); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty (files kept, or another run's) or not ours to delete: leave it
            }
        }
    }
}
