package org.flowlab.lessons;

/**
 * A {@link Check} that did not pass. It stops the notebook, so a lesson whose committed answer is
 * wrong fails in CI; the lesson runner reports its hint instead of a stack trace.
 */
public final class CheckFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CheckFailure(String message) {
        super(message);
    }
}
