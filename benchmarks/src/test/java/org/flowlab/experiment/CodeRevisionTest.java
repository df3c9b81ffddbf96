package org.flowlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flowlab.cli.FlowlabVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeRevisionTest {

    @Test
    void theRevisionFollowsTheClassesAndResourcesButNotTheBuildsRecords(@TempDir Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(classes.resolve("org/x"));
        Files.write(classes.resolve("org/x/A.class"), new byte[] {1, 2, 3});
        Files.write(classes.resolve("org/x/B.class"), new byte[] {4});
        String before = CodeRevision.of(List.of(classes));
        assertThat(before).matches("[0-9a-f]{12}");

        Files.createDirectories(classes.resolve("META-INF/maven"));
        Files.writeString(classes.resolve("META-INF/maven/pom.properties"), "version=0.1.0");
        assertThat(CodeRevision.of(List.of(classes))).as("the build's records").isEqualTo(before);

        Path jar = dir.resolve("same.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            // Another order in the jar than in the folder: classes are taken in name order.
            put(zip, "org/x/B.class", new byte[] {4});
            put(zip, "org/x/A.class", new byte[] {1, 2, 3});
        }
        assertThat(CodeRevision.of(List.of(jar))).as("the same classes in a jar").isEqualTo(before);

        Files.write(classes.resolve("org/x/B.class"), new byte[] {5});
        assertThat(CodeRevision.of(List.of(classes))).as("a class changed").isNotEqualTo(before);
        Files.write(classes.resolve("org/x/B.class"), new byte[] {4});
        Files.writeString(classes.resolve("org/x/cost-model.json"), "{\"batchRecordNanos\": 1000}");
        String withResource = CodeRevision.of(List.of(classes));
        assertThat(withResource).as("a resource added").isNotEqualTo(before);
        Files.writeString(classes.resolve("org/x/cost-model.json"), "{\"batchRecordNanos\": 2000}");
        assertThat(CodeRevision.of(List.of(classes))).as("a resource changed").isNotEqualTo(withResource);
        Files.delete(classes.resolve("org/x/cost-model.json"));
        Files.write(classes.resolve("org/x/A.class"), new byte[] {1, 2});
        Files.write(classes.resolve("org/x/B.class"), new byte[] {3, 4});
        assertThat(CodeRevision.of(List.of(classes))).as("a byte moved from one class to the next").isNotEqualTo(before);
    }

    @Test
    void theVersionNamesTheRevisionOfThisBuild() {
        assertThat(CodeRevision.current()).matches("[0-9a-f]{12}").isEqualTo(CodeRevision.current());
        assertThat(FlowlabVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\+" + CodeRevision.current());
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(bytes);
        zip.closeEntry();
    }
}
