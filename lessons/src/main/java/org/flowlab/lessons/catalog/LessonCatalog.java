package org.flowlab.lessons.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowlab.lessons.notebook.Notebook;
import org.flowlab.lessons.notebook.NotebookFiles;
import org.flowlab.workloads.InvalidInputException;

/**
 * The lessons in a folder: every {@code NN-title.ipynb} directly in it, ordered by number. Other
 * files (a README, a student's {@code scratch.ipynb}, Jupyter's checkpoints folder) are not lessons.
 */
public final class LessonCatalog {
    /** A lesson's file name: its number, a dash, a name. */
    public static final Pattern FILE_NAME = Pattern.compile("(\\d{1,3})-[^/\\\\]+\\.ipynb");

    private final Path dir;
    private final List<Lesson> lessons;

    private LessonCatalog(Path dir, List<Lesson> lessons) {
        this.dir = dir;
        this.lessons = List.copyOf(lessons);
    }

    /** Reads the lessons in {@code dir}; two files with one number, or a notebook that cannot be read, is an error. */
    public static LessonCatalog in(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException(dir + ": no lessons here (not a folder); lessons are notebooks named "
                    + "NN-title.ipynb in lessons/notebooks/ of the Flowlab checkout");
        }
        Map<Integer, Path> byNumber = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.comparing(Path::toString))::iterator) {
                Matcher m = FILE_NAME.matcher(file.getFileName().toString());
                if (!m.matches() || !Files.isRegularFile(file)) {
                    continue;
                }
                int number = Integer.parseInt(m.group(1));
                Path other = byNumber.putIfAbsent(number, file);
                if (other != null) {
                    throw new InvalidInputException(file + ": lesson " + number + " is also " + other.getFileName()
                            + "; each lesson needs its own number");
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.cannot("list the lessons", dir, e);
        }
        List<Lesson> lessons = new ArrayList<>();
        byNumber.forEach((number, file) -> {
            Notebook notebook = NotebookFiles.read(file);
            lessons.add(new Lesson(number, notebook.title().orElse(file.getFileName().toString()), file));
        });
        return new LessonCatalog(dir, lessons);
    }

    /** The folder the lessons were read from. */
    public Path dir() {
        return dir;
    }

    /** The lessons, ordered by number. */
    public List<Lesson> lessons() {
        return lessons;
    }

    /** The lesson numbered {@code number}; a number with no lesson is the user's mistake. */
    public Lesson get(int number) {
        for (Lesson lesson : lessons) {
            if (lesson.number() == number) {
                return lesson;
            }
        }
        String known = lessons.isEmpty() ? "there are no lessons there yet"
                : "the lessons are " + numbers();
        throw new InvalidInputException("no lesson " + number + " in " + dir + "; " + known);
    }

    private String numbers() {
        List<String> numbers = new ArrayList<>();
        lessons.forEach(l -> numbers.add(Integer.toString(l.number())));
        return String.join(", ", numbers);
    }
}
