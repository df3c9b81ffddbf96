/**
 * Value distributions: the numeric payload of events (amounts, prices, latencies). A
 * {@link org.flowlab.workloads.values.ValueDistribution} is fixed, uniform, normal, log-normal or
 * exponential, parsed from a scenario's JSON; its seeded
 * {@link org.flowlab.workloads.values.ValueSampler} draws values through Commons Math.
 */
package org.flowlab.workloads.values;
