package org.flowlab.workloads;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * A user's mistake: a malformed scenario, an out-of-range parameter, a corrupt trace file.
 * The message is one line that names where the problem is, what is wrong and what is allowed;
 * the command line prints it as it is and exits with code 2, without a stack trace.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message, null, false, false);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** {@code <file>: cannot <doing> (<what went wrong>)}, for example "x.json: cannot read the spec file (no such file or directory: x.json)". */
    public static InvalidInputException cannot(String doing, Path file, IOException e) {
        return new InvalidInputException(file + ": cannot " + doing + " (" + describe(e) + ")", e);
    }

    /** One line saying what went wrong with a file operation, for people: "no such file or directory: x". */
    public static String describe(IOException e) {
        String what;
        if (e instanceof NoSuchFileException x) {
            what = "no such file or directory: " + x.getFile();
        } else if (e instanceof AccessDeniedException x) {
            what = "permission denied: " + x.getFile();
        } else if (e instanceof NotDirectoryException x) {
            what = "not a directory: " + x.getFile();
        } else if (e instanceof FileSystemException x && x.getReason() != null) {
            what = x.getReason().trim() + ": " + x.getFile() + (x.getOtherFile() == null ? "" : " -> " + x.getOtherFile());
        } else if (e instanceof CharacterCodingException) {
            what = "text that is not valid Unicode, such as an unpaired surrogate in a name";
        } else if (e.getClass() == IOException.class && e.getMessage() != null) {
            what = e.getMessage();
        } else {
            what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return what.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
