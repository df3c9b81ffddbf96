/**
 * Arrival processes: when events happen. An {@link org.flowlab.workloads.arrival.ArrivalProcess}
 * (constant rate, Poisson, bursty on/off, diurnal) is a value parsed from a scenario's JSON; given a
 * seeded generator it hands out an {@link org.flowlab.workloads.arrival.ArrivalClock} of ascending
 * event times, which an {@link org.flowlab.workloads.arrival.ArrivalBound} cuts off at a duration or
 * an event count. Virtual time 0 is midnight of day 0, which is what gives the diurnal process its
 * hour of day.
 */
package org.flowlab.workloads.arrival;
