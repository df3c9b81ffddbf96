package org.flowlab.workloads.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.io.AtomicFiles;

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
        try {
            AtomicFiles.writeText(file, formatter::writeTo);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write the trace file (" + describeWrite(e, file.toAbsolutePath()) + ")", e);
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
