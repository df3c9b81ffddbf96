/**
 * What happens in the world, independent of how it is processed: the {@link org.flowlab.workloads.Event},
 * the column-wise {@link org.flowlab.workloads.Trace} every engine reads, and the
 * {@link org.flowlab.workloads.WorkloadGenerator} that makes a trace as a pure function of a
 * {@link org.flowlab.workloads.WorkloadSpec} and a seed.
 */
package org.flowlab.workloads;
