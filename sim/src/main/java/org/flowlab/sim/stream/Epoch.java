package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowlab.sim.metrics.RecordVisibility;

/**
 * What a task did between two checkpoint barriers that becomes visible only when the checkpoint
 * after them completes (exactly-once): the outputs its sink staged, and the input records whose
 * effect it consumed without an output (filtered out, dropped as late, folded into a detector's
 * state), and the records whose final evaluation it committed (a detector's in the {@code updates}
 * output mode). A restart discards the epochs of checkpoints that did not complete.
 */
final class Epoch {
    /** An epoch with nothing staged, what a task that staged nothing seals (never added to). */
    static final Epoch EMPTY = new Epoch();

    final List<SinkOutput> outputs = new ArrayList<>();
    final List<Lineage> lineages = new ArrayList<>();
    private int[] ids = new int[8];
    private int idCount;
    /** Records whose final evaluation this epoch commits (a detector's, after its provisional one); made at the first. */
    private int[] finalIds;
    private int finalIdCount;
    private List<Lineage> finalLineages;

    /** Whether nothing was staged in this epoch: its commit would do nothing. */
    boolean isEmpty() {
        return outputs.isEmpty() && lineages.isEmpty() && idCount == 0 && finalIdCount == 0
                && (finalLineages == null || finalLineages.isEmpty());
    }

    void addId(int id) {
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = id;
    }

    void addFinalId(int id) {
        if (finalIds == null) {
            finalIds = new int[8];
        } else if (finalIdCount == finalIds.length) {
            finalIds = Arrays.copyOf(finalIds, finalIdCount * 2);
        }
        finalIds[finalIdCount++] = id;
    }

    void addFinalLineage(Lineage lineage) {
        if (finalLineages == null) {
            finalLineages = new ArrayList<>();
        }
        finalLineages.add(lineage);
    }

    /** The checkpoint after this epoch completed at {@code t}: what it staged becomes visible (and final). */
    void commit(Sink sink, RecordVisibility visibility, long t) {
        // Indexed loops: a checkpoint commits every task's epoch, most of them empty, and an iterator
        // per list would be made for nothing.
        for (int i = 0, n = outputs.size(); i < n; i++) {
            sink.publish(outputs.get(i), t);
        }
        for (int i = 0; i < idCount; i++) {
            visibility.mark(ids[i], t);
        }
        for (int i = 0, n = lineages.size(); i < n; i++) {
            lineages.get(i).mark(visibility, t);
        }
        for (int i = 0; i < finalIdCount; i++) {
            visibility.markFinal(finalIds[i], t);
        }
        if (finalLineages != null) {
            for (int i = 0, n = finalLineages.size(); i < n; i++) {
                finalLineages.get(i).markFinal(visibility, t);
            }
        }
    }
}
