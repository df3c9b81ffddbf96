package org.flowlab.workloads.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file is replaced whole or not at all, by every way of writing it, and no temporary file is
 * left behind either way.
 */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeStringCreatesTheFolderAndReplacesTheFile() throws IOException {
        Path file = dir.resolve("a/b/report.html");
        assertThat(AtomicFiles.writeString(file, "first é")).isEqualTo(file);
        AtomicFiles.writeString(file, "second ✓");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("second ✓");
        assertThat(namesIn(file.getParent())).containsExactly("report.html");
    }

    @Test
    void theFileGetsTheFoldersPermissionsNotOwnerOnlyOnes() throws IOException {
        Path file = AtomicFiles.writeString(dir.resolve("notebook.ipynb"), "{}");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "{}");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain))
                    .contains(PosixFilePermission.OWNER_READ);
        }
    }

    @Test
    void aFailingContentLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = AtomicFiles.writeString(dir.resolve("trace.jsonl"), "old");
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            out.write("half of a new file");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThatThrownBy(() -> AtomicFiles.writeBytes(file, out -> {
            out.write(new byte[100_000]);
            throw new IllegalArgumentException("not finite");
        })).hasMessage("not finite");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(namesIn(dir)).containsExactly("trace.jsonl");
    }

    @Test
    void textThatIsNotUnicodeFailsInsteadOfBecomingAQuestionMark() throws IOException {
        Path file = AtomicFiles.writeString(dir.resolve("names.txt"), "old");
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> out.write("k\uD800")))
                .isInstanceOf(CharacterCodingException.class);
        assertThatThrownBy(() -> AtomicFiles.writeString(file, "k\uD800"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(file + ": cannot write (");
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(namesIn(dir)).containsExactly("names.txt");
    }

    @Test
    void onlyWriteStringCreatesMissingFolders() {
        Path file = dir.resolve("no/such/dir/trace.jsonl");
        assertThatThrownBy(() -> AtomicFiles.writeBytes(file, out -> out.write(1))).isInstanceOf(IOException.class);
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void writeThroughGivesAnEmptyFileWithTheTargetsExtensionAndReturnsTheWritersResult() throws IOException {
        Path file = dir.resolve("chart.png");
        List<String> seen = new ArrayList<>();
        int result = AtomicFiles.writeThrough(file, temporary -> {
            seen.add(temporary.getFileName().toString());
            assertThat(temporary).isEmptyFile().hasParent(dir.toAbsolutePath());
            Files.write(temporary, new byte[]{1, 2, 3});
            return 3;
        });
        assertThat(result).isEqualTo(3);
        assertThat(seen.get(0)).startsWith(".chart.").endsWith(".tmp.png");
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
        assertThat(namesIn(dir)).containsExactly("chart.png");
    }

    @Test
    void writeThroughPassesOnTheWritersOwnCheckedException() throws IOException {
        Path file = AtomicFiles.writeString(dir.resolve("jmh.json"), "[]");
        assertThatThrownBy(() -> AtomicFiles.<Void, InterruptedException>writeThrough(file, temporary -> {
            Files.writeString(temporary, "[half");
            throw new InterruptedException("stopped");
        })).isInstanceOf(InterruptedException.class);
        assertThat(Files.readString(file)).isEqualTo("[]");
        assertThat(namesIn(dir)).containsExactly("jmh.json");
    }

    @Test
    void writingOntoAFolderFailsAndLeavesItAlone() throws IOException {
        Path target = Files.createDirectory(dir.resolve("out.json"));
        Files.writeString(target.resolve("inside.txt"), "keep");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(target + ": cannot write (");
        assertThat(namesIn(dir)).containsExactly("out.json");
        assertThat(namesIn(target)).containsExactly("inside.txt");
    }

    @Test
    void theRootIsRefusedInWordsNotWithANullPointer() {
        Path root = dir.getRoot();
        assertThatThrownBy(() -> AtomicFiles.writeString(root, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is a folder, not a file");
    }

    @Test
    void aNamedPipeOrDeviceIsNotReplacedByARegularFile() throws IOException, InterruptedException {
        Path pipe = dir.resolve("pipe.jsonl");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo on this machine");
            return;
        }
        Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo failed");
        assertThatThrownBy(() -> AtomicFiles.writeString(pipe, "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is not a regular file");
        assertThat(Files.isRegularFile(pipe)).isFalse();
        assertThat(Files.exists(pipe)).isTrue();
        assertThat(namesIn(dir)).containsExactly("pipe.jsonl");
    }

    @Test
    void aSymbolicLinkIsKeptAndTheFileItNamesReplaced() throws IOException {
        Path real = Files.writeString(dir.resolve("real.json"), "old");
        Path link = symbolicLink(dir.resolve("link.json"), real);
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(namesIn(dir)).containsExactly("link.json", "real.json");
    }

    @Test
    void aSymbolicLinkToAFileNotWrittenYetStandsForThatFile() throws IOException {
        Path real = dir.resolve("real.json");
        Path link = symbolicLink(dir.resolve("link.json"), Path.of("real.json"));
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(namesIn(dir)).containsExactly("link.json", "real.json");
    }

    /** A symbolic link at {@code link} to {@code target}; the test is skipped where there are none. */
    private static Path symbolicLink(Path link, Path target) {
        try {
            return Files.createSymbolicLink(link, target);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
            throw new AssertionError(e);
        }
    }

    private static List<String> namesIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
