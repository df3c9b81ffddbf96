package org.flowlab.workloads.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;

/**
 * Trace files: JSON Lines, one header line and then one line per event in arrival order.
 * <pre>{@code
 * {"format":"flowlab-trace","version":1,"scenario":"card-fraud","seed":42,"spec":{…},
 *  "schema":{"kinds":["payment"],"key":"card","value":"amount","attr1":"country","attr2":null,"attr3":null,
 *            "labels":["none","fraud"]},"groundTruth":[{"kind":"fraud-burst","key":17,"start":…,"end":…}],"events":2}
 * {"id":0,"eventTime":1000,"arrivalTime":1500,"kind":"payment","card":17,"amount":12.5,"country":3,"label":"none"}
 * {"id":1,"eventTime":900,"arrivalTime":2000,"kind":"payment","card":4,"amount":8.0,"country":1,"label":"fraud"}
 * }</pre>
 * (The header is one line in the file.) Event fields are named by the trace's schema; attribute
 * columns the schema leaves unnamed are left out. Numbers are written so that equal traces give
 * byte-identical files on any JDK and locale, and reading gives back exactly the trace written:
 * every column, the spec, the seed, the schema and the ground truth.
 */
public final class TraceFiles {
    private TraceFiles() {
    }

    /**
     * Writes {@code trace} to {@code file}, replacing it. The lines go to a temporary file beside
     * it, which is then renamed, so a failure never leaves a half-written trace (nor the
     * temporary file).
     *
     * @throws InvalidInputException    if the file cannot be written, naming it and why
     * @throws IllegalArgumentException if the trace cannot be written faithfully (a value that is
     *                                  not finite, an attribute in a column the schema leaves
     *                                  unnamed, column names that clash)
     */
    public static void write(Trace trace, Path file) {
        TraceFileWriter formatter = new TraceFileWriter(trace);
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            temp = createTemp(target);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                // A strict encoder: an unpaired surrogate in a name fails the write instead of becoming '?'.
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                        StandardCharsets.UTF_8.newEncoder()), 1 << 16);
                formatter.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write the trace file (" + describeWrite(e, target) + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed; that error is the one to report.
                }
            }
        }
    }

    /**
     * A new, empty file beside the target, named after it and this process, with ordinary
     * permissions (createTempFile's are owner-only, and the rename would keep them).
     */
    private static Path createTemp(Path target) throws IOException {
        Path dir = target.getParent();
        String base = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-";
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(dir.resolve(base + n + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                // Another write of the same file in this process, or one left by a crash; try the next name.
            }
        }
    }

    /**
     * Reads a trace file, checking every line.
     *
     * @throws InvalidInputException naming the file, the line and what is wrong:
     *                               {@code trace.jsonl:7: field "price" must be a number (got a string)}
     */
    public static Trace read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new TraceFileReader(file.toString(), in).read();
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read the trace file (" + describe(e) + ")", e);
        }
    }

    /** What went wrong with a write, naming the directory or target rather than the temporary file. */
    private static String describeWrite(IOException e, Path target) {
        Path dir = target.getParent();
        if (e instanceof NoSuchFileException) {
            return "no such directory: " + dir;
        }
        if (e instanceof FileSystemException x && x.getReason() != null) {
            Path about = x.getOtherFile() != null ? target : dir;
            return x.getReason().trim() + ": " + about;
        }
        if (e instanceof FileSystemException) {
            return (e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName()) + ": " + dir;
        }
        return describe(e);
    }

    private static String describe(IOException e) {
        return InvalidInputException.describe(e);
    }
}
