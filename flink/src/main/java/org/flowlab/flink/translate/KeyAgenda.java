package org.flowlab.flink.translate;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;
import org.flowlab.sim.job.Row;

/**
 * Everything a Flowlab process function has for one key inside Flink's keyed state: the rows that
 * wait for the watermark (in {@link Row#ORDER}), the Flowlab timers (one per time), and the
 * function's named state. Kept in one value so that a row costs one state lookup.
 */
final class KeyAgenda {
    final PriorityQueue<Row> pending = new PriorityQueue<>(Row.ORDER);
    final TreeSet<Long> timers = new TreeSet<>();
    final Map<String, Object> state = new HashMap<>();

    /** Whether nothing is left for the key, so its Flink state can be cleared. */
    boolean isEmpty() {
        return pending.isEmpty() && timers.isEmpty() && state.isEmpty();
    }
}
