package org.flowlab.flink.translate;

import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.flowlab.sim.job.Row;
import org.flowlab.workloads.Trace;

/**
 * The trace as a Flink source function: index {@code i} (arrival order) becomes
 * {@link Row#of}{@code (trace, i)}. It carries the trace's columns as primitive arrays, which
 * serialize compactly and travel with the job to a remote cluster; Flink's number-sequence source
 * hands each reader a contiguous range of indexes, so every reader emits in arrival order.
 */
final class TraceRows implements GeneratorFunction<Long, Row> {
    private static final long serialVersionUID = 1L;

    private final long[] eventTime;
    private final int[] kind;
    private final long[] key;
    private final double[] value;
    private final long[] attr1;
    private final long[] attr2;
    private final long[] attr3;

    TraceRows(Trace trace) {
        int n = trace.size();
        eventTime = new long[n];
        kind = new int[n];
        key = new long[n];
        value = new double[n];
        attr1 = new long[n];
        attr2 = new long[n];
        attr3 = new long[n];
        for (int i = 0; i < n; i++) {
            eventTime[i] = trace.eventTime(i);
            kind[i] = trace.kind(i);
            key[i] = trace.key(i);
            value[i] = trace.value(i);
            attr1[i] = trace.attr1(i);
            attr2[i] = trace.attr2(i);
            attr3[i] = trace.attr3(i);
        }
    }

    int size() {
        return eventTime.length;
    }

    @Override
    public Row map(Long index) {
        int i = Math.toIntExact(index);
        return new Row(i, eventTime[i], kind[i], key[i], value[i], attr1[i], attr2[i], attr3[i]);
    }
}
