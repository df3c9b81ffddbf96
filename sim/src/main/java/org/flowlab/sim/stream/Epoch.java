package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a task did between two checkpoint barriers that becomes visible only when the checkpoint
 * after them completes (exactly-once): the outputs its sink staged, and the input records whose
 * effect it consumed without an output (filtered out, dropped as late, folded into a detector's
 * state). A restart discards the epochs of checkpoints that did not complete.
 */
final class Epoch {
    final List<SinkOutput> outputs = new ArrayList<>();
    final List<Lineage> lineages = new ArrayList<>();
    private int[] ids = new int[8];
    private int idCount;

    void addId(int id) {
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = id;
    }

    int idCount() {
        return idCount;
    }

    int id(int i) {
        return ids[i];
    }
}
