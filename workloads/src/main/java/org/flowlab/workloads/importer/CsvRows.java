package org.flowlab.workloads.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flowlab.workloads.InvalidInputException;

/**
 * A CSV file's rows (RFC 4180, as Apache Commons CSV reads it), the first row naming the columns; blank lines are
 * skipped and an empty cell is a missing value. A row is numbered by the line it starts on.
 */
final class CsvRows extends FileRows {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

    private List<String> columns;

    CsvRows(Path file) {
        super(file);
    }

    @Override
    public List<String> columns() {
        if (columns == null) {
            read(null);
        }
        return columns;
    }

    @Override
    public int indexOf(String name) {
        return columns().indexOf(name);
    }

    /** Reads the header, then, if {@code handler} is not null, every row. */
    @Override
    public void read(Handler handler) {
        try (BufferedReader in = RowSource.open(file); CSVParser parser = parse(in)) {
            header(parser.getHeaderNames());
            if (handler == null) {
                return;
            }
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                if (!next(records, parser.getCurrentLineNumber() + 1)) {
                    break;
                }
                CSVRecord record = records.next();
                long line = startLine(parser.getCurrentLineNumber(), record);
                if (record.size() != columns.size()) {
                    handler.malformed(line, record.size() + " cells where the header has " + columns.size());
                    continue;
                }
                String[] cells = record.values();
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i].isEmpty()) {
                        cells[i] = null;
                    }
                }
                handler.row(line, cells);
            }
        } catch (IOException e) {
            throw InvalidInputException.cannot("read the file to import", file, e);
        }
    }

    private CSVParser parse(BufferedReader in) throws IOException {
        try {
            return FORMAT.parse(in);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(file + ":1: malformed CSV header (" + InvalidInputException.describe(e.getCause()) + ")");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ":1: malformed CSV header (" + e.getMessage() + ")");
        }
    }

    /**
     * The line a record starts on: the parser has counted the line breaks up to the record's end (the blank
     * lines before it included), so the start is that count less the line breaks inside its quoted cells.
     */
    private static long startLine(long lineBreaksRead, CSVRecord record) {
        long inside = 0;
        for (String cell : record.values()) {
            inside += cell.chars().filter(c -> c == '\n').count();
        }
        return lineBreaksRead - inside;
    }

    private boolean next(Iterator<CSVRecord> records, long line) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new InvalidInputException(file + ":" + line + ": malformed CSV (" + e.getCause().getMessage() + ")");
        }
    }

    private void header(List<String> names) {
        if (names.isEmpty()) {
            throw new InvalidInputException(file + ": empty file; expected a header row naming the columns, then one row per event");
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                throw new InvalidInputException(file + ":1: the header has a column without a name: " + String.join(",", names));
            }
            if (!seen.add(name)) {
                throw new InvalidInputException(file + ":1: the header names column '" + name + "' twice");
            }
        }
        if (columns != null && !columns.equals(names)) {
            throw new InvalidInputException(file + ": the header changed while it was being imported");
        }
        columns = List.copyOf(names);
    }
}
