/**
 * The {@code flowlab} command line, built with picocli: one class per command, the top command
 * ({@link org.flowlab.cli.FlowlabCommand}, the one {@code main}) wiring them together, with the
 * commands other modules contribute through {@link org.flowlab.cli.CommandContribution}, and turning
 * user mistakes into one line on standard error and exit code 2. Commands parse flags, call the workloads, the simulation
 * and the charts, and print; they hold no simulation logic of their own.
 */
package org.flowlab.cli;
