package org.flowlab.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jar files a remote Flink cluster needs to run Flowlab's operators: Flowlab's own modules and
 * the libraries they use that a Flink distribution may lack (the datagen connector among them; a
 * cluster that has a Flink class loads its own, Flink's classes being parent-first), found where
 * this JVM loaded them from. A class folder (a build's {@code target/classes}) is packed into a
 * temporary jar first.
 */
final class ShippedJars {

    private ShippedJars() {
    }

    /** The jars for Flowlab's workloads, sim and flink modules, their libraries and Flink's datagen connector. */
    static List<Path> flowlab() {
        return of(org.flowlab.workloads.Trace.class, org.flowlab.sim.job.Job.class, FlinkRunner.class,
                com.google.gson.Gson.class, org.apache.commons.math3.random.RandomGenerator.class,
                org.HdrHistogram.Histogram.class, org.apache.flink.connector.datagen.source.DataGeneratorSource.class);
    }

    /** The jars holding these classes, in order, without repeats. */
    static List<Path> of(Class<?>... classes) {
        Set<Path> locations = new LinkedHashSet<>();
        for (Class<?> c : classes) {
            CodeSource source = c.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new IllegalStateException("cannot tell where " + c.getName() + " was loaded from, so it cannot be shipped to Flink");
            }
            try {
                locations.add(Path.of(source.getLocation().toURI()));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("odd location of " + c.getName() + ": " + source.getLocation(), e);
            }
        }
        List<Path> jars = new ArrayList<>();
        for (Path location : locations) {
            jars.add(Files.isDirectory(location) ? packed(location) : location);
        }
        return List.copyOf(jars);
    }

    /** A temporary jar with the files under {@code folder}, deleted when the JVM exits. */
    private static Path packed(Path folder) {
        try {
            // target/classes of a module: name the jar after the module.
            Path module = folder.getParent() != null && folder.getParent().getParent() != null
                    ? folder.getParent().getParent().getFileName() : folder.getFileName();
            Path jar = Files.createTempFile("flowlab-" + module + "-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar);
                 JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> files = Files.walk(folder)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(folder.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not pack " + folder + " into a jar for Flink", e);
        }
    }
}
