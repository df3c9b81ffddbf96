package org.flowlab.flink.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.flowlab.flink.SourceData;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.runtime.typeutils.ExternalTypeInfo;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.table.SqlType;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;

/**
 * A trace's tables as Flink SQL views: for each {@link TraceTable}, a stream of its events' rows
 * ({@link TableRows}) whose rowtime column is the event-time attribute, with the watermark
 * {@code rowtime - INTERVAL ...} trailing the largest rowtime seen by the disorder bound.
 */
final class TraceViews {

    private static final long NANOS_PER_MILLI = 1_000_000;
    private static final long MILLIS_PER_DAY = 86_400_000;
    /** The largest bound {@code INTERVAL 'd hh:mm:ss.fff' DAY TO SECOND(3)} can say: DAY's default precision is 2 digits. */
    private static final long MAX_BOUND_MILLIS = 100 * MILLIS_PER_DAY - 1;

    private TraceViews() {
    }

    /**
     * Registers every table of {@code trace} in {@code tables} under its name.
     *
     * @param disorderBound how far, nanoseconds, an event's time may lie behind the largest seen before it
     * @param data          how the tables' rows reach the sources
     * @return each table's row count, in the schema's order
     */
    static List<Integer> register(StreamExecutionEnvironment env, StreamTableEnvironment tables, Trace trace,
                                  long disorderBound, SourceData data) {
        TraceTables schema = trace.schema().tables();
        String delay = interval(watermarkDelayMillis(disorderBound));
        List<Integer> sizes = new ArrayList<>();
        for (TraceTable table : schema.tables()) {
            TableRows rows = new TableRows(trace, table, schema.originMillis());
            DataType rowType = rowType(table);
            @SuppressWarnings("unchecked")
            TypeInformation<Row> type = (TypeInformation<Row>) (TypeInformation<?>) ExternalTypeInfo.of(rowType);
            // Flink's generator source emits index 0 even when told to make no rows: an empty table makes one row, dropped.
            DataStream<Row> stream = env.fromSource(new DataGeneratorSource<>(data.of(rows), Math.max(1, rows.size()), type),
                    WatermarkStrategy.noWatermarks(), "trace table " + table.name());
            if (rows.size() == 0) {
                stream = stream.filter(row -> false).returns(type).name("no rows in " + table.name());
            }
            Schema withTime = Schema.newBuilder()
                    .fromRowDataType(rowType)
                    .watermark(table.rowtime(), quoted(table.rowtime()) + " - " + delay)
                    .build();
            tables.createTemporaryView(quoted(table.name()), tables.fromDataStream(stream, withTime));
            sizes.add(rows.size());
        }
        return sizes;
    }

    /**
     * The watermark delay, milliseconds, that makes no event late: Flink SQL's timestamps are the
     * event times cut to milliseconds, so two events {@code d} nanoseconds apart lie up to
     * {@code ceil(d / 1 ms)} apart; and a row exactly at the watermark is late, hence one more.
     */
    static long watermarkDelayMillis(long disorderBound) {
        if (disorderBound < 0) {
            throw new IllegalArgumentException("the disorder bound must not be negative (got " + disorderBound + " ns)");
        }
        long millis = Math.floorDiv(disorderBound + NANOS_PER_MILLI - 1, NANOS_PER_MILLI) + 1;
        if (millis > MAX_BOUND_MILLIS) {
            throw new InvalidInputException("Flink SQL: the trace's disorder (" + disorderBound / NANOS_PER_MILLI
                    + " ms) is more than a watermark delay can be here (99 days)");
        }
        return millis;
    }

    /** For example {@code INTERVAL '0 00:00:05.001' DAY TO SECOND(3)}. */
    static String interval(long millis) {
        long ms = millis % 1000;
        long s = millis / 1000 % 60;
        long m = millis / 60_000 % 60;
        long h = millis / 3_600_000 % 24;
        long d = millis / MILLIS_PER_DAY;
        return String.format(Locale.ROOT, "INTERVAL '%d %02d:%02d:%02d.%03d' DAY TO SECOND(3)", d, h, m, s, ms);
    }

    /** The table's row type: each column's name and SQL type, as Flink's default classes carry them. */
    static DataType rowType(TraceTable table) {
        List<DataTypes.Field> fields = new ArrayList<>();
        for (TraceColumn c : table.columns()) {
            fields.add(DataTypes.FIELD(c.name(), dataType(c.type())));
        }
        return DataTypes.ROW(fields);
    }

    private static DataType dataType(SqlType type) {
        return switch (type) {
            case BIGINT -> DataTypes.BIGINT();
            case DOUBLE -> DataTypes.DOUBLE();
            case VARCHAR -> DataTypes.STRING();
            case BOOLEAN -> DataTypes.BOOLEAN();
            case TIMESTAMP -> DataTypes.TIMESTAMP(3);
        };
    }

    /** A name in back quotes, Flink SQL's quoted identifier ({@code dateTime} keeps its case either way). */
    private static String quoted(String name) {
        return "`" + name + "`";
    }
}
