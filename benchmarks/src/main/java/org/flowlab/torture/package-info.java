/**
 * Torture: FoundationDB's and TigerBeetle's simulation testing (the VOPR) turned on Flowlab's own
 * engines. {@link org.flowlab.torture.CaseGenerator} draws, from a seed and a run's index alone, a
 * whole comparison — scenario, job, trace size, run seed, every engine setting a {@code compare}
 * flag can set, and a plan of up to three faults of every kind, many timed where they hurt (just
 * after a checkpoint trigger, inside a batch's task phase or commit); {@link
 * org.flowlab.torture.Torture} runs each through the same code path as {@code flowlab compare}
 * ({@link org.flowlab.experiment.Comparison}), twice, and {@link org.flowlab.torture.InvariantCheck}
 * holds every engine that did not fail to the invariants of {@link org.flowlab.torture.Invariant}.
 * A violation names the one {@code ./flowlab compare} command that replays its run; {@link
 * org.flowlab.torture.TortureSummary} counts which faults really fired, which engines failed for
 * good, and what was violated. Nothing here prints: {@code flowlab torture} does.
 */
package org.flowlab.torture;
