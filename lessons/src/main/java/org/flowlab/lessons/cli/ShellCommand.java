package org.flowlab.lessons.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowlab.cli.FlowlabVersion;
import org.flowlab.lessons.runner.LessonImports;
import org.flowlab.lessons.runner.LessonRunner;
import org.flowlab.workloads.InvalidInputException;
import picocli.CommandLine.Command;

/**
 * {@code flowlab shell}: the JDK's {@code jshell} with Flowlab on the class path and the lessons'
 * imports run at start-up, so what works in a lesson cell works at the prompt.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"Open jshell with Flowlab on the class path and the lessons' imports, to try things out.",
                "There is no window for charts here: save one with ChartFiles.savePng(chart, Path.of(\"chart.png\"))."},
        footer = {"", "Example:", "  ./flowlab shell",
                "  jshell> WorkloadGenerator.generate(\"card-fraud\", 1).size()"})
public final class ShellCommand implements Callable<Integer> {

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path jshell = jshell();
        Path startup = Files.createTempFile("flowlab-shell-", ".jsh");
        try {
            Files.writeString(startup, startupScript(), StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(command(jshell, startup, LessonRunner.classPathOfThisJvm(),
                    FlowlabHome.get())).inheritIO().start();
            return process.waitFor();
        } finally {
            Files.deleteIfExists(startup);
        }
    }

    /** The JDK's jshell beside the java running Flowlab. */
    static Path jshell() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        for (String name : List.of("jshell", "jshell.exe")) {
            if (Files.isExecutable(bin.resolve(name))) {
                return bin.resolve(name);
            }
        }
        throw new InvalidInputException(bin.resolve("jshell") + ": not found; 'flowlab shell' needs a JDK 17 or newer "
                + "(with jshell), not only a Java runtime");
    }

    /** The imports, then one line saying where the user is. */
    static String startupScript() {
        return LessonImports.script() + "System.out.println(\"Flowlab " + FlowlabVersion.current()
                + " — its packages, Check, Show and XChart are imported. /exit leaves.\");\n";
    }

    /** jshell's command line: the JDK's own start-up imports, then ours; Flowlab on the class path of both sides. */
    static List<String> command(Path jshell, Path startup, List<String> classPath, Path home) {
        List<String> command = new ArrayList<>();
        command.add(jshell.toString());
        command.add("--class-path");
        command.add(String.join(java.io.File.pathSeparator, classPath));
        command.add("--startup");
        command.add("DEFAULT");
        command.add("--startup");
        command.add(startup.toString());
        command.add("-R-Djava.awt.headless=true");
        command.add("-R-Dflowlab.home=" + home);
        return command;
    }
}
