package org.flowlab.sim.stream;

import java.util.Arrays;
import org.flowlab.sim.metrics.RecordVisibility;

/**
 * Which input records an intermediate result reflects: the trace positions added to a window pane,
 * and the lineages of the rows of an earlier stage that it aggregates. When an output becomes
 * visible every record in its lineage not yet visible is marked. Only appended to, so a checkpoint
 * keeps it by reference and a length ({@link #snapshot}), and a prefix, once marked, is never
 * walked again.
 */
final class Lineage {
    private int[] ids;
    private int idCount;
    private Lineage[] parts;
    private int partCount;
    private int markedIds;
    private int markedParts;

    Lineage() {
        ids = new int[4];
        parts = NO_PARTS;
    }

    private static final Lineage[] NO_PARTS = new Lineage[0];

    /** An empty lineage with room for {@code ids} trace positions. */
    Lineage(int ids) {
        this.ids = new int[Math.max(1, ids)];
        parts = NO_PARTS;
    }

    private Lineage(int[] ids, int idCount, Lineage[] parts, int partCount) {
        this.ids = ids;
        this.idCount = idCount;
        this.parts = parts;
        this.partCount = partCount;
    }

    void addId(int id) {
        if (idCount == ids.length) {
            ids = Arrays.copyOf(ids, idCount * 2);
        }
        ids[idCount++] = id;
    }

    /** Makes room for {@code more} trace positions (at least doubling, so that repeated calls stay linear). */
    void reserve(int more) {
        if (ids.length - idCount < more) {
            ids = Arrays.copyOf(ids, Math.max(idCount + more, ids.length * 2));
        }
    }

    void addPart(Lineage part) {
        if (partCount == parts.length) {
            parts = Arrays.copyOf(parts, Math.max(4, partCount * 2));
        }
        parts[partCount++] = part;
    }

    /** Adds a record's lineage: its own trace position, or the lineage it carries. */
    void add(StreamRecord record) {
        if (record.sourceId >= 0) {
            addId(record.sourceId);
        }
        if (record.lineage != null) {
            addPart(record.lineage);
        }
    }

    /** Appends everything {@code other} holds (merging session panes). */
    void addAll(Lineage other) {
        for (int i = 0; i < other.idCount; i++) {
            addId(other.ids[i]);
        }
        for (int i = 0; i < other.partCount; i++) {
            addPart(other.parts[i]);
        }
    }

    /** Marks every record in the lineage visible at {@code t} (records already visible keep their time). */
    void mark(RecordVisibility visibility, long t) {
        mark(visibility, t, -1);
    }

    /**
     * Marks every record in the lineage visible at {@code t} through the output of id {@code output}
     * (-1: its effect is committed, no output reflects it); records already visible keep their time.
     */
    void mark(RecordVisibility visibility, long t, int output) {
        for (int i = markedIds; i < idCount; i++) {
            if (output < 0) {
                visibility.mark(ids[i], t);
            } else {
                visibility.mark(ids[i], t, output);
            }
        }
        markedIds = idCount;
        for (int i = markedParts; i < partCount; i++) {
            parts[i].mark(visibility, t, output);
        }
        markedParts = partCount;
    }

    /**
     * Marks what every record in the lineage shows final at {@code t} (the first such time counts).
     * Walked whole each time: final marks come once per row, at its final evaluation.
     */
    void markFinal(RecordVisibility visibility, long t) {
        for (int i = 0; i < idCount; i++) {
            visibility.markFinal(ids[i], t);
        }
        for (int i = 0; i < partCount; i++) {
            parts[i].markFinal(visibility, t);
        }
    }

    /** Marks every record in the lineage late. */
    void markLate(LateLog late) {
        for (int i = 0; i < idCount; i++) {
            late.decide(ids[i], true);
        }
        for (int i = 0; i < partCount; i++) {
            parts[i].markLate(late);
        }
    }

    /** A frozen view of the lineage as it is now; the live one may grow on. */
    Snapshot snapshot() {
        return new Snapshot(this, idCount, partCount);
    }

    /** The lineage as it was at a checkpoint: its first {@code ids} positions and {@code parts} parts. */
    record Snapshot(Lineage of, int ids, int parts) {
        Lineage restore() {
            Lineage l = new Lineage(Arrays.copyOf(of.ids, Math.max(4, ids)), ids,
                    parts == 0 ? NO_PARTS : Arrays.copyOf(of.parts, parts), parts);
            // What was marked stays marked: visibility never goes back.
            l.markedIds = Math.min(of.markedIds, ids);
            l.markedParts = Math.min(of.markedParts, parts);
            return l;
        }
    }
}
