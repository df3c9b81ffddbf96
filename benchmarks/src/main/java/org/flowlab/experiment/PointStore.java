package org.flowlab.experiment;

import java.util.Optional;

/**
 * Where a sweep keeps its finished points, by key: read back when the same sweep runs again, so
 * finished points are never recomputed.
 */
public interface PointStore {

    /** The point stored under {@code key}, if any. */
    Optional<SweepPoint> find(String key);

    /** Keeps {@code point} under its key, whole or not at all. */
    void save(SweepPoint point);
}
