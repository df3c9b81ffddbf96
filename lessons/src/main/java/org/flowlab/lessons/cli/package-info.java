/**
 * The commands the lessons module adds to the {@code flowlab} command line: {@code flowlab lesson}
 * lists, runs one or runs all lessons; {@code flowlab shell} opens the JDK's {@code jshell} with
 * Flowlab on the class path and the lessons' imports. {@link org.flowlab.lessons.cli.LessonsCommands}
 * contributes them, through {@link java.util.ServiceLoader}, to the benchmarks module's
 * {@link org.flowlab.cli.FlowlabCommand}, the one entry point.
 */
package org.flowlab.lessons.cli;
