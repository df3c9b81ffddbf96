/**
 * The commands the lessons module adds to the {@code flowlab} command line: {@code flowlab lesson}
 * lists, runs one or runs all lessons; {@code flowlab shell} opens the JDK's {@code jshell} with
 * Flowlab on the class path and the lessons' imports. {@link org.flowlab.lessons.FlowlabMain} wires
 * them in beside the benchmarks module's commands.
 */
package org.flowlab.lessons.cli;
