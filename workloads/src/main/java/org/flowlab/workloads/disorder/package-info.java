/**
 * Disorder: how late events reach ingestion. {@code arrivalTime = eventTime + delay}, the delay
 * drawn from a {@link org.flowlab.workloads.disorder.DelayDistribution}, and with probability
 * {@code lateFraction} from a second, longer one instead: the stragglers that decide how long a
 * stream waits (watermarks, allowed lateness) and what a nightly batch misses. Durations are
 * written as text ({@code "200ms"}) and drawn as whole nanoseconds.
 */
package org.flowlab.workloads.disorder;
