package org.flowlab.lessons.catalog;

import java.nio.file.Path;

/** A lesson: its number (from the file name), its title (the notebook's first heading) and its notebook file. */
public record Lesson(int number, String title, Path file) {

    /** The file name without {@code .ipynb}, which names the lesson's results too: {@code 03-stream-processing}. */
    public String baseName() {
        String name = file.getFileName().toString();
        return name.endsWith(".ipynb") ? name.substring(0, name.length() - ".ipynb".length()) : name;
    }

    /** The file name, which names the lesson in messages. */
    public String fileName() {
        return file.getFileName().toString();
    }
}
