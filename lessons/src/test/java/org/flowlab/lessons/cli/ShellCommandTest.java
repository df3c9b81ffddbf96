package org.flowlab.lessons.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowlab.lessons.runner.LessonImports;
import org.flowlab.lessons.runner.LessonRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellCommandTest {

    @TempDir
    Path dir;

    @Test
    void theStartupScriptHoldsTheLessonImports() {
        String script = ShellCommand.startupScript();
        for (String line : LessonImports.ALL) {
            assertThat(script).contains(line + "\n");
        }
        assertThat(script).contains("System.out.println(\"Flowlab ");
    }

    @Test
    void jshellStartsWithFlowlabOnItsClassPathAndTheImportsDone() throws IOException, InterruptedException {
        Path startup = Files.writeString(dir.resolve("startup.jsh"), ShellCommand.startupScript());
        Path input = Files.writeString(dir.resolve("input.jsh"),
                "System.out.println(\"answer \" + WorkloadGenerator.class.getSimpleName() + \" \" + Check.class.getSimpleName()"
                        + " + \" \" + List.of(1).size())\n/exit\n");
        Path output = dir.resolve("output.txt");
        List<String> command = ShellCommand.command(ShellCommand.jshell(), startup, LessonRunner.classPathOfThisJvm(), dir);
        assertThat(command).containsSequence("--startup", "DEFAULT", "--startup", startup.toString())
                .contains("--class-path", "-R-Dflowlab.home=" + dir);
        Process process = new ProcessBuilder(command).redirectInput(input.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("jshell ended").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Flowlab ", "answer WorkloadGenerator Check 1");
    }
}
