package org.flowlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowlab.workloads.InvalidInputException;

/**
 * A command that reads a file and writes another refuses an output that is its input ({@code --out} the same
 * file as {@code --from} or {@code --spec}, by another name or through a link too): the rename at the end would
 * replace the user's only copy of the input with the output.
 */
final class InputNotOverwritten {
    private InputNotOverwritten() {
    }

    /** Throws if {@code out} is the same file as {@code input}, given as {@code inputOption}; does nothing for a null input. */
    static void check(Path out, Path input, String inputOption) {
        if (input == null || !Files.exists(out) || !Files.exists(input)) {
            return;
        }
        boolean same;
        try {
            same = Files.isSameFile(out, input);
        } catch (IOException e) {
            return; // what cannot be compared is for the read or the write to report
        }
        if (same) {
            throw new InvalidInputException(out + ": --out is the file " + inputOption + " reads, which writing would "
                    + "replace; give --out another file name");
        }
    }
}
