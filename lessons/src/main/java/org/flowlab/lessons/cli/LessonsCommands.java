package org.flowlab.lessons.cli;

import java.util.List;
import org.flowlab.cli.CommandContribution;

/**
 * The lessons module's commands, {@code lesson} and {@code shell}, for the {@code flowlab} command
 * line: registered in {@code META-INF/services/org.flowlab.cli.CommandContribution}, since the
 * benchmarks module, where that command line lives, does not depend on this one.
 */
public final class LessonsCommands implements CommandContribution {

    @Override
    public List<Object> commands() {
        return List.of(new LessonCommand(), new ShellCommand());
    }

    @Override
    public List<String> examples() {
        return List.of("  ./flowlab lesson", "  ./flowlab lesson 1");
    }
}
