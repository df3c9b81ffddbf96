package org.flowlab.lessons.runner;

import org.flowlab.workloads.text.DurationText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.flowlab.lessons.notebook.CodeCell;
import org.junit.jupiter.api.Test;

class LessonImportsTest {

    @Test
    void everyImportCompilesAndItsTypesNeedNoPackageName() {
        LessonRun run = new LessonRunner().run("imports.ipynb", TestNotebooks.ofCode(
                "List.of(WorkloadGenerator.class, ZipfKeys.class, TraceSummary.class, DurationText.class, Simulation.class,\n"
                        + "    Job.class, JobCatalog.class, FaultPlan.class, RunMetrics.class, ReferenceOracle.class,\n"
                        + "    ChartFiles.class, Check.class, XYChartBuilder.class, Styler.class, StreamEngine.class).size()"));
        assertThat(((CodeCell) run.executed().cells().get(1)).outputs().toString()).contains("text/plain=15");
    }

    @Test
    void anImportThatDoesNotCompileStopsTheSessionNamingIt() {
        List<String> imports = List.of("import java.util.*;", "import org.flowlab.nothing.here.*;");
        assertThatThrownBy(() -> new LessonRunner(imports, LessonRunner.classPathOfThisJvm())
                .run("x.ipynb", TestNotebooks.ofCode("1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("import org.flowlab.nothing.here.*;");
    }

    /** Two on-demand imports offering one simple name make that name unusable in a cell ("reference is ambiguous"). */
    @Test
    void noTwoImportedPackagesOfferTheSameSimpleName() throws IOException {
        Map<String, TreeSet<String>> packagesByName = new TreeMap<>();
        List<String> packages = new ArrayList<>(List.of("java.lang"));
        for (String line : LessonImports.ALL) {
            assertThat(line).matches("import [a-z0-9.]+\\.\\*;");
            packages.add(line.substring("import ".length(), line.length() - ".*;".length()));
        }
        for (String pkg : packages) {
            List<String> names = publicTopLevelTypes(pkg);
            assertThat(names).as("public types of " + pkg).isNotEmpty();
            names.forEach(name -> packagesByName.computeIfAbsent(name, n -> new TreeSet<>()).add(pkg));
        }
        packagesByName.values().removeIf(set -> set.size() < 2);
        assertThat(packagesByName).as("simple names offered by more than one imported package").isEmpty();
    }

    private static List<String> publicTopLevelTypes(String pkg) throws IOException {
        List<String> classNames = new ArrayList<>();
        String dir = pkg.replace('.', '/');
        if (pkg.startsWith("java.")) {
            FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
            try (Stream<Path> modules = Files.list(jrt.getPath("/packages", pkg))) {
                for (Path module : (Iterable<Path>) modules::iterator) {
                    collect(jrt.getPath("/modules", module.getFileName().toString(), dir), pkg, classNames);
                }
            }
        } else {
            for (String entry : LessonRunner.classPathOfThisJvm()) {
                Path path = Path.of(entry);
                if (Files.isDirectory(path)) {
                    collect(path.resolve(dir), pkg, classNames);
                } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                    try (JarFile jar = new JarFile(path.toFile())) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String name = e.nextElement().getName();
                            if (name.startsWith(dir + "/") && name.indexOf('/', dir.length() + 1) < 0 && name.endsWith(".class")) {
                                classNames.add(pkg + "." + name.substring(dir.length() + 1, name.length() - ".class".length()));
                            }
                        }
                    }
                }
            }
        }
        List<String> simpleNames = new ArrayList<>();
        for (String className : classNames) {
            if (className.contains("$") || className.endsWith("package-info") || className.endsWith("module-info")) {
                continue;
            }
            try {
                Class<?> type = Class.forName(className, false, LessonImportsTest.class.getClassLoader());
                if (Modifier.isPublic(type.getModifiers())) {
                    simpleNames.add(type.getSimpleName());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + className, e);
            }
        }
        return simpleNames;
    }

    private static void collect(Path dir, String pkg, List<String> classNames) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                    .forEach(n -> classNames.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
