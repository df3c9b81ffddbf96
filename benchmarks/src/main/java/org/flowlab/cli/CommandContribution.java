package org.flowlab.cli;

import java.util.List;

/**
 * Commands another module adds to the {@code flowlab} command line, so that there is one entry point
 * ({@link FlowlabCommand}) although those commands live in modules that depend on this one. A module
 * implements this interface and names the implementation in
 * {@code META-INF/services/org.flowlab.cli.CommandContribution}; {@link FlowlabCommand#commandLine()}
 * finds it through {@link java.util.ServiceLoader} and lists its commands after this module's and
 * before {@code help}, contributions ordered by class name.
 */
public interface CommandContribution {

    /** The commands to add, each an instance of a picocli {@code @Command} class, in the order the help lists them. */
    List<Object> commands();

    /** Lines for the top help's "Examples:" footer, each indented like the others, e.g. {@code "  ./flowlab lesson 1"}. */
    List<String> examples();
}
