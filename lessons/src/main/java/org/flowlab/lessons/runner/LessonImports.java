package org.flowlab.lessons.runner;

import java.util.List;

/**
 * The imports every lesson cell (and {@code flowlab shell}) starts with, in one place. The first
 * group is what the {@code jshell} tool imports by default, so a cell means the same in JShell, in a
 * Jupyter Java kernel and in the lesson runner; then Flowlab's packages; then XChart, to draw.
 * A package added to Flowlab for students belongs here; {@code LessonImportsTest} proves every line
 * compiles and that no two packages offer the same simple name (which would make it unusable).
 */
public final class LessonImports {
    private LessonImports() {
    }

    /** The import statements, one per entry, in the order they are run. */
    public static final List<String> ALL = List.of(
            // The jshell tool's default imports.
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.prefs.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            // Workloads: events, traces, scenarios and the parts they are built from.
            "import org.flowlab.workloads.*;",
            "import org.flowlab.workloads.arrival.*;",
            "import org.flowlab.workloads.disorder.*;",
            "import org.flowlab.workloads.keys.*;",
            "import org.flowlab.workloads.values.*;",
            "import org.flowlab.workloads.scenario.*;",
            "import org.flowlab.workloads.nexmark.*;",
            "import org.flowlab.workloads.summary.*;",
            "import org.flowlab.workloads.text.*;",
            "import org.flowlab.workloads.trace.*;",
            // The simulation: kernel, cluster, jobs, the job catalog, engines (stream, batch and micro-batch), faults, metrics, the oracle.
            "import org.flowlab.sim.kernel.*;",
            "import org.flowlab.sim.cluster.*;",
            "import org.flowlab.sim.job.*;",
            "import org.flowlab.sim.job.aggregate.*;",
            "import org.flowlab.sim.catalog.*;",
            "import org.flowlab.sim.engine.*;",
            "import org.flowlab.sim.stream.*;",
            "import org.flowlab.sim.batch.*;",
            "import org.flowlab.sim.fault.*;",
            "import org.flowlab.sim.metrics.*;",
            "import org.flowlab.sim.oracle.*;",
            // Charts of Flowlab's figures, and the lessons' own Check and Show.
            "import org.flowlab.charts.*;",
            "import org.flowlab.lessons.*;",
            // XChart, to draw a chart in a cell.
            "import org.knowm.xchart.*;",
            "import org.knowm.xchart.style.*;");

    /** The imports as a JShell startup script, one per line. */
    public static String script() {
        return String.join("\n", ALL) + "\n";
    }
}
