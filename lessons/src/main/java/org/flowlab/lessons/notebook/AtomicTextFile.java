package org.flowlab.lessons.notebook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.flowlab.workloads.InvalidInputException;

/**
 * Writes a UTF-8 text file the way every Flowlab file is written: to a temporary name beside it,
 * then renamed over it, so a reader never sees half a notebook or half a page.
 */
public final class AtomicTextFile {
    private AtomicTextFile() {
    }

    /** Writes {@code text} to {@code file}, creating its folder; returns {@code file}. */
    public static Path write(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not Files.createTempFile: its owner-only permissions would stay on the renamed file.
            // The name is this process's and thread's alone, so one left by a crash can be replaced.
            tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The failure to write is the one worth reporting.
                }
            }
            throw InvalidInputException.cannot("write the file", file, e);
        }
    }
}
