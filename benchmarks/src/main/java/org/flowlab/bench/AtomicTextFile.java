package org.flowlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.flowlab.workloads.InvalidInputException;

/** Writes a result file under a temporary name beside it, then renames it: a reader never sees half a file. */
public final class AtomicTextFile {
    private AtomicTextFile() {
    }

    /** Writes {@code text} to {@code file}, creating its directories; a failure names the file. */
    public static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            moveOnto(temp, target);
            temp = null;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Renames {@code temp} onto {@code target}, atomically where the file system can. */
    public static void moveOnto(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // The write already failed; that error is the one to report.
            }
        }
    }
}
