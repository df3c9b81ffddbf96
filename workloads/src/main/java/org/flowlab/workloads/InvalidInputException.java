package org.flowlab.workloads;

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
}
