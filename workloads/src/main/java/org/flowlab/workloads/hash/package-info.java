/**
 * Bit mixers for 64-bit values: MurmurHash3's finaliser, which spreads keys over the slots of the simulator's hash tables and partitions, and SplitMix64's step, which derives seeds and priorities. They live here, beside the random streams that need SplitMix64, so that every module has the same copy: the bits they produce decide iteration orders and seeds, and so simulated numbers.
 */
package org.flowlab.workloads.hash;
