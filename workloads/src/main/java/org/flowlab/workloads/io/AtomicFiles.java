package org.flowlab.workloads.io;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.flowlab.workloads.InvalidInputException;

/**
 * Replaces a file whole or not at all: the content goes to a new temporary file beside it
 * ({@code .name.<pid>-<n>.tmp.ext}, keeping the extension for writers that pick a format by it),
 * is forced to disk, and is renamed over the file, atomically where the file system can. On any
 * failure, an exception from the content included, the temporary file is deleted and the old file
 * is left as it was. Only {@link #writeString} creates missing folders.
 */
public final class AtomicFiles {
    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** Writes a file's bytes to a stream, which it need not close. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file's text to a writer, which it need not close. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Writes a file's content into the temporary file it is given (created empty), for writers
     * that only take a path; may return what it produced.
     *
     * @param <T> what the writer returns
     * @param <E> the checked exception the writer may throw besides {@link IOException}
     */
    @FunctionalInterface
    public interface PathWriter<T, E extends Exception> {
        T writeTo(Path temporary) throws IOException, E;
    }

    /**
     * Writes {@code text} as UTF-8 to {@code file}, creating its folder; returns {@code file}.
     *
     * @throws InvalidInputException naming the file and why it cannot be written
     */
    public static Path writeString(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) { // the root has none, and writeText refuses it
                Files.createDirectories(parent);
            }
            writeText(file, out -> out.write(text));
            return file;
        } catch (IOException e) {
            throw InvalidInputException.cannot("write", file, e);
        }
    }

    /**
     * Writes what {@code content} writes to {@code file} as UTF-8; text that is not valid Unicode
     * (an unpaired surrogate) fails the write with a {@link java.nio.charset.CharacterCodingException}
     * instead of becoming '?'.
     */
    public static void writeText(Path file, TextContent content) throws IOException {
        writeThrough(file, temporary -> {
            // Closed before the rename: only closing makes the encoder judge a surrogate at the very end.
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temporary),
                    StandardCharsets.UTF_8.newEncoder()), BUFFER)) {
                content.writeTo(out);
            }
            return null;
        });
    }

    /** Writes what {@code content} writes to {@code file}. */
    public static void writeBytes(Path file, ByteContent content) throws IOException {
        writeThrough(file, temporary -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), BUFFER)) {
                content.writeTo(out);
            }
            return null;
        });
    }

    /**
     * Writes {@code file} by a writer that takes a path (a chart encoder, JMH's result file), and
     * returns what the writer returns. The other ways of writing come down to this one.
     */
    public static <T, E extends Exception> T writeThrough(Path file, PathWriter<T, E> writer) throws IOException, E {
        Path target = replaceableTarget(file);
        Path temporary = createTemporary(target);
        try {
            T result = writer.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                // On disk before the rename, so that a crash of the machine cannot leave an empty file.
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
            return result;
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }

    /**
     * The file that {@code file} names, checked before anything is written: a symbolic link stands for
     * the file it points to (which is replaced, the link kept); a path that exists and is not a
     * regular file (a folder, the root, a device such as /dev/null, a named pipe) is refused, since
     * the rename would replace it with a regular file or fail only after the work is done.
     */
    private static Path replaceableTarget(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        // Link by link, so that a link to a file not written yet stands for that file too.
        for (int hops = 0; Files.isSymbolicLink(target); hops++) {
            if (hops == 40) {
                throw new IOException("is a loop of symbolic links");
            }
            target = target.resolveSibling(Files.readSymbolicLink(target));
        }
        if (target.getFileName() == null || Files.isDirectory(target)) {
            // A plain IOException: its message is what InvalidInputException.describe shows, without a path after it.
            throw new IOException("is a folder, not a file; give a file name");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("is not a regular file (a device, a pipe or a socket) and is not replaced; give a file name");
        }
        return target;
    }

    /**
     * A new empty file beside {@code target}, named for this process; created with the folder's
     * default permissions, not {@code createTempFile}'s owner-only ones, which the rename would keep.
     */
    private static Path createTemporary(Path target) throws IOException {
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        String base = "." + stem + "." + ProcessHandle.current().pid() + "-";
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(dir.resolve(base + n + ".tmp" + extension));
            } catch (FileAlreadyExistsException e) {
                // Another write of the same file in this process, or one left by a crash; try the next name.
            }
        }
    }
}
