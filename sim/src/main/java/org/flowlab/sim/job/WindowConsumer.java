package org.flowlab.sim.job;

/** Receives the windows a row belongs to, as two longs, so engines assign without allocating. */
@FunctionalInterface
public interface WindowConsumer {
    void accept(long start, long end);
}
