package org.flowlab.sim.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.workloads.GroundTruth;

/**
 * How well a detector's alerts match the injected episodes of a trace. An alert at key k with
 * trigger time t detects an episode on k when {@code start <= t < end + slack}; the slack admits
 * detectors that only see an episode through a window reaching past its end. An alert that detects
 * no episode is a false alarm.
 *
 * @param episodes    how many episodes of the kind the trace has
 * @param detected    how many of them at least one alert detects
 * @param alerts      how many alerts the table holds
 * @param falseAlarms how many alerts detect no episode
 * @param delays      per detected episode, in episode order: the first detecting alert's trigger
 *                    time minus the episode's start, nanoseconds (event time)
 */
public record DetectionScore(int episodes, int detected, int alerts, int falseAlarms, List<Long> delays) {

    public DetectionScore {
        delays = List.copyOf(delays);
    }

    /**
     * Scores the alerts of a detector's result table against the episodes of one kind.
     *
     * @param alerts      a detector job's final result; values that are not {@link Alert}s are an error
     * @param truth       the trace's ground truth
     * @param episodeKind which episodes count, for example {@code fraud-burst}
     * @param slack       how long after an episode's end an alert still detects it, nanoseconds
     */
    public static DetectionScore of(ResultTable alerts, GroundTruth truth, String episodeKind, long slack) {
        Objects.requireNonNull(episodeKind, "episodeKind");
        if (slack < 0) {
            throw new IllegalArgumentException("slack must not be negative (got " + slack + ")");
        }
        // Episodes by index, not by value: two identical episodes are still two.
        Map<Long, List<Integer>> byKey = new HashMap<>();
        List<GroundTruth.Episode> episodes = new ArrayList<>();
        for (GroundTruth.Episode e : truth.episodes()) {
            if (e.kind().equals(episodeKind)) {
                byKey.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(episodes.size());
                episodes.add(e);
            }
        }
        long[] firstTrigger = new long[episodes.size()];
        Arrays.fill(firstTrigger, Long.MAX_VALUE);
        int count = 0;
        int falseAlarms = 0;
        for (Map.Entry<ResultKey, Object> out : alerts.asMap().entrySet()) {
            if (!(out.getValue() instanceof Alert alert)) {
                throw new IllegalArgumentException("output at " + out.getKey() + " is not an alert: " + out.getValue());
            }
            count++;
            long t = alert.triggerTime();
            boolean hit = false;
            for (int i : byKey.getOrDefault(out.getKey().key(), List.of())) {
                GroundTruth.Episode e = episodes.get(i);
                if (e.start() <= t && t - e.end() < slack) {
                    hit = true;
                    firstTrigger[i] = Math.min(firstTrigger[i], t);
                }
            }
            if (!hit) {
                falseAlarms++;
            }
        }
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            if (firstTrigger[i] != Long.MAX_VALUE) {
                delays.add(firstTrigger[i] - episodes.get(i).start());
            }
        }
        return new DetectionScore(episodes.size(), delays.size(), count, falseAlarms, Collections.unmodifiableList(delays));
    }

    /** The share of episodes detected, 1 when there are none. */
    public double recall() {
        return episodes == 0 ? 1 : detected / (double) episodes;
    }

    /** The share of alerts that detect an episode, 1 when there are none. */
    public double precision() {
        return alerts == 0 ? 1 : (alerts - falseAlarms) / (double) alerts;
    }

    @Override
    public String toString() {
        return detected + " of " + episodes + " episodes detected, " + alerts + " alerts, " + falseAlarms + " false alarms";
    }
}
