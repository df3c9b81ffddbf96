package org.flowlab.experiment;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceField;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;
import org.flowlab.workloads.trace.TraceFiles;

/**
 * A small trace shaped like an imported one, for tests: its spec names the scenario {@code imported},
 * which is no catalog scenario and has no catalog jobs, and its schema holds one SQL table of purchases
 * ({@code ts, card, amount, country}) instead of a scenario's.
 */
public final class ImportedTraces {
    /** How many purchases {@link #purchases()} holds. */
    public static final int EVENTS = 400;

    private ImportedTraces() {
    }

    /** 400 purchases over 20 s of event time on 10 cards, arriving up to 60 ms late. */
    public static Trace purchases() {
        TraceTable events = new TraceTable(TraceTables.EVENTS, List.of(), List.of(
                TraceColumn.of("ts", SqlType.TIMESTAMP, TraceField.EVENT_TIME),
                TraceColumn.of("card", SqlType.BIGINT, TraceField.KEY),
                TraceColumn.of("amount", SqlType.DOUBLE, TraceField.VALUE),
                TraceColumn.strings("country", TraceField.ATTR1, List.of("FR", "DE", "US"))), "ts");
        TraceSchema schema = new TraceSchema(List.of("purchase"), "card", "amount", "country", null, null, List.of("none"),
                new TraceTables(1_700_000_000_000L, List.of(events)));
        JsonObject settings = new JsonObject();
        settings.addProperty("scenario", "imported");
        settings.addProperty("from", "purchases.csv");
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("imported", "purchases.csv", settings), 0, schema);
        long ms = 1_000_000L;
        for (int i = 0; i < EVENTS; i++) {
            long eventTime = i * 50 * ms;
            b.add(eventTime, eventTime + (i % 7) * 10 * ms, 0, i % 10, 1.25 * (i % 13), i % 3, 0, 0, 0);
        }
        return b.build();
    }

    /** {@link #purchases()} written to {@code file}. */
    public static Path write(Path file) {
        TraceFiles.write(purchases(), file);
        return file;
    }

    /** A hand-built job over the purchases: spend per card every 5 s. */
    public static Job spendPerCard() {
        return Job.named("spend-5s", "spend per card every 5 s").from(RowFilter.ALL).keyBy(Row::key)
                .window(Windows.tumbling("5s")).aggregate(Aggregates.sum()).build();
    }
}
