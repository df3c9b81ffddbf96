package org.flowlab.lessons;

/**
 * A {@link Check} that did not pass: the lesson claims something that does not hold. It stops the
 * notebook, so a broken lesson fails in CI; the lesson runner reports its hint instead of a stack trace.
 */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailure(String message) {
        super(message);
    }
}
