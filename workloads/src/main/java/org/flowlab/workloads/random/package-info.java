/**
 * Named random streams split from one run seed, so that each component of a workload or a simulation draws from its own stream and adding a component never changes another's draws. Streams are Apache Commons Math generators, ready for its distributions.
 */
package org.flowlab.workloads.random;
