/**
 * Experiments: a {@link org.flowlab.experiment.ComparisonPlan} (trace source, seed, job, engines, fault
 * plan, SLA and budget, all values) is run by {@link org.flowlab.experiment.Comparison}, which
 * generates one trace (or takes the one a trace file holds: {@link org.flowlab.experiment.TraceSource})
 * and replays it through every engine in its own simulation, checks the results against the
 * reference oracle and each other, and recommends the cheapest engine that meets the SLA.
 * {@link org.flowlab.experiment.Sweep} varies parameters over ranges and keeps each finished
 * point on disk, so an interrupted sweep resumes; {@link
 * org.flowlab.experiment.SustainableThroughput} bisects the highest input rate an engine keeps up
 * with. Nothing here draws or prints: reports and charts read the results.
 */
package org.flowlab.experiment;
