package org.flowlab.experiment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a sweep found.
 *
 * @param plan           what was asked for
 * @param points         every engine run, in the order the sweep reached them, each once (the same whatever
 *                       the threads)
 * @param sustainable    per engine, the sustainable throughput found (empty unless searched)
 * @param recommendation the cheapest point that meets the SLA within the budget (empty for a search)
 * @param computed       how many points were run now
 * @param reused         how many were read back from an earlier run of the same sweep
 * @param wallNanos      how long the sweep took, wall clock
 * @param threads        how many engine runs it ran at once, at most
 */
public record SweepResult(SweepPlan plan, List<SweepPoint> points, List<SustainableThroughput.Result> sustainable,
                          Optional<Recommendation> recommendation, int computed, int reused, long wallNanos, int threads) {

    public SweepResult {
        Objects.requireNonNull(plan, "plan");
        points = List.copyOf(points);
        sustainable = List.copyOf(sustainable);
        Objects.requireNonNull(recommendation, "recommendation");
    }
}
