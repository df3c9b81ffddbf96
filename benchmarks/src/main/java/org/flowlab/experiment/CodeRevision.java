package org.flowlab.experiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sql.SqlQuery;
import org.flowlab.workloads.Trace;

/**
 * Which build of the simulation this is: the first 12 hex digits of a SHA-256 over the class files
 * and resources (the default cost model, the scenarios' specs) of the code that decides simulated
 * numbers — the workloads, the engines ({@code sim}), the SQL compiler and this harness — each read
 * from its jar or class folder, file by file in name order, {@code META-INF/} (the build's own
 * records) left out. Any change to that code or those files gives another revision. Class files are
 * the compiler's: another JDK may compile the same sources to another revision, which costs a sweep
 * its stored points, never a stale one. The Maven version stays the same across many
 * such changes (0.1.0), so it is the revision, in the version Flowlab prints and writes, that makes
 * {@code (scenario, seed, version)} fix every simulated number, and a sweep keys its stored points
 * by it ({@link SweepPlan#canonical}), never reading back a point another build computed.
 */
public final class CodeRevision {
    private static final int HEX_DIGITS = 12;
    private static volatile String current;

    private CodeRevision() {
    }

    /** This build's revision, 12 hex digits; computed once (about 1.5 MB of classes and resources hashed). */
    public static String current() {
        String r = current;
        if (r == null) {
            List<Path> places = new ArrayList<>();
            for (Class<?> c : List.of(Trace.class, RunOutcome.class, SqlQuery.class, CodeRevision.class)) {
                places.add(location(c));
            }
            r = of(places);
            current = r;
        }
        return r;
    }

    /** The revision of the files in {@code places}, each a jar or a folder of classes and resources. */
    static String of(List<Path> places) {
        MessageDigest sha = sha256();
        for (Path place : places) {
            sha.update(("place\n").getBytes(StandardCharsets.UTF_8));
            if (Files.isDirectory(place)) {
                hashFolder(place, sha);
            } else {
                hashJar(place, sha);
            }
        }
        byte[] hash = sha.digest();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < HEX_DIGITS / 2; i++) {
            hex.append(String.format("%02x", hash[i]));
        }
        return hex.toString();
    }

    private static void hashFolder(Path folder, MessageDigest sha) {
        List<Path> classes;
        try (Stream<Path> files = Files.walk(folder)) {
            classes = files.filter(Files::isRegularFile).filter(p -> counts(folder.relativize(p).toString().replace('\\', '/')))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the classes in " + folder, e);
        }
        for (Path p : classes) {
            try {
                hashFile(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p), sha);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + p, e);
            }
        }
    }

    private static void hashJar(Path jar, MessageDigest sha) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> classes = zip.stream().filter(e -> !e.isDirectory() && counts(e.getName()))
                    .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
            for (ZipEntry e : classes) {
                try (InputStream in = zip.getInputStream(e)) {
                    hashFile(e.getName(), in.readAllBytes(), sha);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the classes in " + jar, e);
        }
    }

    /** Whether a file, by its path within its jar or folder, counts: all but the build's records under META-INF/. */
    private static boolean counts(String relativePath) {
        return !relativePath.startsWith("META-INF/");
    }

    /** A file's name, its length and its bytes: no two sets of files hash alike by moving bytes between them. */
    private static void hashFile(String name, byte[] bytes, MessageDigest sha) {
        sha.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(bytes);
    }

    private static Path location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException(c.getName() + " has no code source to take the code revision from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(c.getName() + ": " + source.getLocation(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
