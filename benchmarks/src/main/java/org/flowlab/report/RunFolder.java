package org.flowlab.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.flowlab.workloads.InvalidInputException;

/**
 * The folder of one run, {@code <runs>/<yyyyMMdd-HHmmss>-<scenario>}, with {@code -2}, {@code -3} …
 * appended when the name is taken, so no run ever overwrites another's. Everything is written into
 * a hidden temporary folder beside it, {@code .<name>.tmp}, which {@link #commit()} renames into
 * place at the end; a run that fails {@link #close() closes} it unrenamed, which deletes it, so a
 * failed run leaves no run folder behind, nor the folders above it that it made. Claiming the temporary folder is atomic, so two runs
 * started in the same second get different names. A run stopped from outside (Ctrl-C, {@code kill}) deletes its temporary
 * folder too, from a shutdown hook; only a kill the JVM cannot see ({@code kill -9}, a crash of the machine) leaves it, hidden.
 */
public final class RunFolder implements AutoCloseable {

    /** The time stamp of a run's name, local time of the machine. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path runs;
    private final String id;
    private final Path work;
    /** The highest folder that {@link #create} made for {@code runs}, or null if {@code runs} was there. */
    private final Path made;
    private boolean committed;
    /**
     * Deletes the temporary folder if the JVM is stopped before {@link #commit} or {@link #close}; the three
     * are synchronized, so the hook never deletes a folder that a commit is moving into place.
     */
    private final Thread onExit;

    private RunFolder(Path runs, String id, Path work, Path made) {
        this.runs = runs;
        this.id = id;
        this.work = work;
        this.made = made;
        this.onExit = new Thread(this::abandon, "flowlab-run-folder-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /** What the shutdown hook does: unless the run was committed, its temporary folder goes, and the empty folders made for it. */
    synchronized void abandon() {
        if (!committed) {
            deleteQuietly(work);
            MadeFolders.removeEmpty(runs, made);
        }
    }

    private void forgetHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs now, or has run: it leaves a committed folder alone.
        }
    }

    /**
     * Claims a new run's folder under {@code runs} (created if missing).
     *
     * @throws InvalidInputException if {@code runs} cannot be created or written
     */
    public static RunFolder create(Path runs, String scenario, ZonedDateTime startedAt) {
        String base = STAMP.format(startedAt) + "-" + scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        Path made = MadeFolders.highestMissing(runs);
        try {
            Files.createDirectories(runs);
        } catch (IOException e) {
            throw InvalidInputException.cannot("create the folder for runs", runs, e);
        }
        for (int n = 1; ; n++) {
            String name = n == 1 ? base : base + "-" + n;
            if (Files.exists(runs.resolve(name))) {
                continue;
            }
            Path work = runs.resolve("." + name + ".tmp");
            try {
                Files.createDirectory(work);
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                throw InvalidInputException.cannot("create a run folder in", runs, e);
            }
            if (Files.exists(runs.resolve(name))) {
                // Committed by another run between our check and our claim.
                deleteQuietly(work);
                continue;
            }
            return new RunFolder(runs, name, work, made);
        }
    }

    /** The run's id: its folder's final name. */
    public String id() {
        return id;
    }

    /** Where to write the run's files until {@link #commit()}. */
    public Path dir() {
        return work;
    }

    /** The folder's final place. */
    public Path finalDir() {
        return runs.resolve(id);
    }

    /** Renames the finished folder into place and returns it. */
    public synchronized Path commit() {
        if (committed) {
            return finalDir();
        }
        try {
            Files.move(work, finalDir());
        } catch (IOException e) {
            throw InvalidInputException.cannot("move the finished run into place", finalDir(), e);
        }
        committed = true;
        forgetHook();
        return finalDir();
    }

    /**
     * Unless the run was committed, deletes the temporary folder, then the folders {@link #create}
     * made for it, from {@code runs} up, as long as they are empty.
     */
    @Override
    public synchronized void close() {
        forgetHook();
        if (!committed) {
            deleteQuietly(work);
            MadeFolders.removeEmpty(runs, made);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            ReportFiles.deleteTree(dir);
        } catch (IOException | UncheckedIOException ignored) {
            // Nothing more can be done; the folder is hidden and never listed as a run.
        }
    }
}
