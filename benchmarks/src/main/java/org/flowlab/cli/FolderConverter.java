package org.flowlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A folder to write into ({@code --out DIR}), created if missing: a path that names a file, or lies
 * under one, is refused before anything runs, in words rather than as the file system's exception.
 */
public final class FolderConverter implements CommandLine.ITypeConverter<Path> {
    @Override
    public Path convert(String text) {
        if (text.isBlank()) {
            throw new CommandLine.TypeConversionException("an empty path; give a folder name");
        }
        Path folder = Path.of(text);
        for (Path p = folder.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) {
                break;
            }
            if (Files.exists(p)) {
                throw new CommandLine.TypeConversionException(p.equals(folder.toAbsolutePath())
                        ? text + " is a file, not a folder; give a folder, which is created if missing"
                        : text + " lies under " + p + ", a file, not a folder; give a folder, which is created if missing");
            }
        }
        return folder;
    }
}
