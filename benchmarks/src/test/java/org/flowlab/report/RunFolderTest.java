package org.flowlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.flowlab.workloads.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    static final ZonedDateTime AT = ZonedDateTime.of(2026, 3, 4, 5, 6, 7, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCommittedRunAppearsUnderItsNameWithEverythingWrittenIntoIt() throws IOException {
        Path committed;
        try (RunFolder f = RunFolder.create(dir, "card-fraud", AT)) {
            assertThat(f.id()).isEqualTo("20260304-050607-card-fraud");
            assertThat(f.dir().getFileName().toString()).isEqualTo(".20260304-050607-card-fraud.tmp");
            Files.writeString(f.dir().resolve("run.json"), "{}");
            assertThat(f.finalDir()).doesNotExist();
            committed = f.commit();
        }
        assertThat(committed).isEqualTo(dir.resolve("20260304-050607-card-fraud"));
        assertThat(committed.resolve("run.json")).hasContent("{}");
        assertThat(list()).containsExactly("20260304-050607-card-fraud");
    }

    @Test
    void aRunThatFailsLeavesNothingBehind() throws IOException {
        try (RunFolder f = RunFolder.create(dir, "card-fraud", AT)) {
            Files.writeString(f.dir().resolve("half.png"), "x");
            Files.createDirectories(f.dir().resolve("sub"));
            Files.writeString(f.dir().resolve("sub").resolve("more"), "y");
        }
        assertThat(list()).isEmpty();
    }

    @Test
    void aRunStoppedFromOutsideDeletesItsTemporaryFolderButNeverACommittedOne() throws IOException {
        try (RunFolder stopped = RunFolder.create(dir, "card-fraud", AT)) {
            Files.writeString(stopped.dir().resolve("half.png"), "x");
            stopped.abandon(); // what its shutdown hook does when the JVM is stopped (Ctrl-C, kill)
            assertThat(list()).isEmpty();
        }
        try (RunFolder done = RunFolder.create(dir, "card-fraud", AT)) {
            Files.writeString(done.dir().resolve("run.json"), "{}");
            done.commit();
            done.abandon();
        }
        assertThat(list()).containsExactly("20260304-050607-card-fraud");
    }

    @Test
    void aRunThatFailsRemovesTheFoldersItMadeButNotTheOnesThatWereThere() throws IOException {
        Path runs = dir.resolve("results").resolve("runs");
        try (RunFolder f = RunFolder.create(runs, "nexmark", AT)) {
            Files.writeString(f.dir().resolve("half.json"), "{");
        }
        assertThat(dir.resolve("results")).doesNotExist();
        assertThat(dir).exists();

        Files.createDirectories(runs);
        Files.writeString(runs.resolve("index-notes.txt"), "someone else's");
        Path deeper = runs.resolve("a").resolve("b");
        try (RunFolder f = RunFolder.create(deeper, "nexmark", AT)) {
            Files.writeString(f.dir().resolve("half.json"), "{");
        }
        assertThat(runs.resolve("a")).doesNotExist();
        assertThat(runs.resolve("index-notes.txt")).hasContent("someone else's");
    }

    @Test
    void takenNamesGetASuffixAndNothingIsOverwritten() throws IOException {
        Files.createDirectories(dir.resolve("20260304-050607-nexmark"));
        Files.writeString(dir.resolve("20260304-050607-nexmark").resolve("run.json"), "first");
        try (RunFolder a = RunFolder.create(dir, "nexmark", AT); RunFolder b = RunFolder.create(dir, "nexmark", AT)) {
            // Two runs claim names at once: each its own.
            assertThat(a.id()).isEqualTo("20260304-050607-nexmark-2");
            assertThat(b.id()).isEqualTo("20260304-050607-nexmark-3");
            b.commit();
            a.commit();
        }
        assertThat(dir.resolve("20260304-050607-nexmark").resolve("run.json")).hasContent("first");
        assertThat(list()).containsExactly("20260304-050607-nexmark", "20260304-050607-nexmark-2", "20260304-050607-nexmark-3");
    }

    @Test
    void aScenarioNameBecomesASafeFolderName() {
        try (RunFolder f = RunFolder.create(dir, "My Shop/../x", AT)) {
            assertThat(f.id()).isEqualTo("20260304-050607-my-shop-x");
        }
    }

    @Test
    void anUnwritablePlaceIsAUserMistakeNamingIt() throws IOException {
        Path file = dir.resolve("plain");
        Files.writeString(file, "keep");
        assertThatThrownBy(() -> RunFolder.create(file.resolve("runs"), "x", AT)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file.resolve("runs") + ": cannot create the folder for runs");
        assertThat(file).hasContent("keep");
    }

    private java.util.List<String> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
