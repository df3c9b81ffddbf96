package org.flowlab.sim.fault;

/**
 * One fault of a {@link FaultPlan}. Times are virtual nanoseconds from the start of the run;
 * workers are numbered from 0. {@link #toString()} gives the plan syntax back.
 */
public sealed interface Fault permits WorkerCrash, TaskFailure, RandomTaskFailures, SlowWorker, SourceStall {
}
