/**
 * Writing files the way every Flowlab file is written: to a temporary name beside the file, forced to disk, then renamed over it, so that a reader, a crash or a failed write never leaves half a trace, report, chart or notebook, nor overwrites the old file with one. Every module depends on workloads, so this is the one copy all of them use.
 */
package org.flowlab.workloads.io;
