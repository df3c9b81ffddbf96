package org.flowlab.workloads.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.flowlab.workloads.InvalidInputException;

/**
 * The rows of an imported file, read one at a time and handed over as text cells, so that a pass over the file
 * holds one row at once. Each {@link #read} is one pass from the start.
 */
interface RowSource {

    /** What a pass does with each row. */
    interface Handler {
        /**
         * A row whose cells are {@code cells[i]} for column {@code i} of {@link #columns()} (null: empty or missing;
         * the array may be shorter than the columns, the rest missing).
         */
        void row(long line, String[] cells);

        /** A row that cannot be split into cells at all (wrong number of cells, malformed JSON), and why. */
        void malformed(long line, String problem);
    }

    /** The columns, in order: the header's, or for JSON Lines the field names in the order first seen so far. */
    List<String> columns();

    /** The index of column {@code name} in {@link #columns()}, or -1 if no row so far has it. */
    int indexOf(String name);

    /** Reads every row, in file order. */
    void read(Handler handler);

    /** The file's name, for messages. */
    String file();

    /** The rows of {@code settings.from()}, by the format its name says. */
    static RowSource of(ImportSettings settings) {
        return settings.format().equals("csv") ? new CsvRows(settings.from()) : new JsonLinesRows(settings.from());
    }

    /** A reader of {@code file} as UTF-8 that fails on bytes that are not, past a byte order mark if it starts with one. */
    static BufferedReader open(java.nio.file.Path file) {
        try {
            BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder()), 1 << 16);
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the file to import", file, e);
        }
    }
}
