/**
 * Key distributions: which key (card, store, host, symbol …) an event belongs to. A
 * {@link org.flowlab.workloads.keys.KeyDistribution} is uniform, Zipf or hot-key over keys
 * {@code 0 .. n-1}, parsed from a scenario's JSON; its seeded
 * {@link org.flowlab.workloads.keys.KeySampler} draws keys. Skew is what makes one partition of a
 * stream job busier than the others, so every scenario names its skew here.
 */
package org.flowlab.workloads.keys;
