package org.flowlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowlab compare} never touches Apache Flink: picocli builds every command, {@code flink}'s
 * too, when the command line is built, and nothing of that may load a Flink class. Checked in a
 * fresh JVM started at {@link FlowlabCommand#main}, as the launcher starts it, with
 * {@code -verbose:class} listing every class it loads.
 */
class CompareLoadsNoFlinkClassTest {

    @TempDir
    Path dir;

    @Test
    void aSmallCompareLoadsNoApacheFlinkClass() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "-verbose:class", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), FlowlabCommand.class.getName(),
                "compare", "--duration", "2m", "--out", dir.resolve("runs").toString());
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("compare did not finish within 120 s: " + command);
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        List<String> printed = lines.stream().filter(line -> !line.contains("[class,")).toList();
        assertThat(process.exitValue()).as(String.join("\n", printed)).isZero();
        assertThat(printed).as("compare ran").anyMatch(line -> line.startsWith("results agree"));
        assertThat(lines).as("the JVM listed the classes it loaded")
                .anyMatch(line -> line.contains("[class,load] " + CompareCommand.class.getName() + " "));
        assertThat(lines.stream().filter(line -> line.contains("[class,load] org.apache.flink.")))
                .as("classes of Apache Flink that compare loaded").isEmpty();
    }
}
