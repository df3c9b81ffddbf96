package org.flowlab.workloads.importer;

import java.util.Objects;
import org.flowlab.workloads.Trace;

/**
 * An imported trace and what the import saw.
 *
 * @param trace        the trace, its one SQL table {@code events}
 * @param rows         the rows imported (one event each)
 * @param skipped      the malformed rows skipped ({@link ImportSettings#skipBadRows()})
 * @param firstSkipped the first skipped row's problem ({@code FILE:ROW: ...}), or null if none was skipped
 * @param schema       the columns with their SQL types and trace fields, for example
 *                     {@code ts TIMESTAMP(3) (event time), card BIGINT (key), country VARCHAR (attr1), amount DOUBLE (value)}
 */
public record ImportResult(Trace trace, long rows, long skipped, String firstSkipped, String schema) {
    public ImportResult {
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(schema, "schema");
    }
}
