package org.flowlab.sim.catalog;

/**
 * An alert of {@code infra-monitoring}'s detector: a host's CPU percentile over a sliding window
 * went above the threshold, after the previous window was below it. Output at the host and the
 * window's last instant.
 *
 * @param reason      always {@code cpu-p<percentile>}, for example {@code cpu-p95}
 * @param triggerTime the event time of the window's latest CPU sample
 * @param percentile  the CPU percentile of the window, percent busy
 * @param samples     how many CPU samples the window holds
 * @param windowStart the window's start, nanoseconds
 * @param windowEnd   the window's end (exclusive), nanoseconds
 * @param datacenter  the host's datacenter
 */
public record CpuAlert(String reason, long triggerTime, double percentile, long samples,
                       long windowStart, long windowEnd, long datacenter) implements Alert {
}
