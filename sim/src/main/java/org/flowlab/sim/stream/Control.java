package org.flowlab.sim.stream;

/**
 * The in-band elements that travel between tasks besides records: watermarks, a partition going
 * idle, checkpoint barriers and the end of the input. Records never wait behind a full queue for
 * them: control elements do not count against a channel's capacity.
 */
sealed interface Control {

    /** Event time has progressed to {@code value}: no more records at or before it are expected. */
    record Watermark(long value) implements Control {
    }

    /** The sending partition has been idle; leave it out of watermark minimums until it sends again. */
    record Idle() implements Control {
    }

    /** Checkpoint {@code id}'s barrier: everything before it belongs to the checkpoint. */
    record Barrier(long id) implements Control {
    }

    /** The sender has no more elements. */
    record EndOfInput() implements Control {
    }

    Idle IDLE = new Idle();
    EndOfInput END = new EndOfInput();
}
