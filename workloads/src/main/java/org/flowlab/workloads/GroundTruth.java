package org.flowlab.workloads;

import java.util.List;

/**
 * What the generator knows that the events alone do not say: the injected incidents, fraud
 * bursts and similar episodes, each an interval of event time on one key. Detectors are scored
 * against it.
 */
public record GroundTruth(List<Episode> episodes) {

    public static final GroundTruth NONE = new GroundTruth(List.of());

    public GroundTruth {
        episodes = List.copyOf(episodes);
    }

    /**
     * One injected episode.
     *
     * @param kind  what it is, for example "incident" or "fraud-burst"
     * @param key   the key it happens on (host, card …)
     * @param start event time at which it starts, nanoseconds
     * @param end   event time at which it ends (exclusive), nanoseconds
     */
    public record Episode(String kind, long key, long start, long end) {
        public Episode {
            if (end < start) {
                throw new IllegalArgumentException("episode ends (" + end + ") before it starts (" + start + ")");
            }
        }
    }

    /** How many episodes of the given kind there are. */
    public long count(String kind) {
        return episodes.stream().filter(e -> e.kind().equals(kind)).count();
    }
}
