/**
 * Durations and rates as people write them on command lines and in scenario files (500ms, 2h, 20000/s), parsed to virtual nanoseconds and events per second, and formatted back for display.
 */
package org.flowlab.workloads.text;
