package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

class RowTest {

    @Test
    void aSourceRowIsTheTraceEventWithItsPositionAsId() {
        TraceSchema schema = new TraceSchema(List.of("a", "b"), "k", "v", "x", "y", "z", List.of("none"));
        Trace trace = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, schema)
                .add(50, 60, 1, 7, 2.5, 11, 12, 13, 0)
                .add(10, 20, 0, 8, 1.5)
                .build();
        assertThat(Row.of(trace, 0)).isEqualTo(new Row(0, 10, 0, 8, 1.5, 0, 0, 0));
        assertThat(Row.of(trace, 1)).isEqualTo(new Row(1, 50, 1, 7, 2.5, 11, 12, 13));
    }

    @Test
    void withCopiesChangeOneFieldOnly() {
        Row r = new Row(1, 2, 3, 4, 5.0, 6, 7, 8);
        assertThat(r.withEventTime(20)).isEqualTo(new Row(1, 20, 3, 4, 5.0, 6, 7, 8));
        assertThat(r.withKind(30)).isEqualTo(new Row(1, 2, 30, 4, 5.0, 6, 7, 8));
        assertThat(r.withKey(40)).isEqualTo(new Row(1, 2, 3, 40, 5.0, 6, 7, 8));
        assertThat(r.withValue(50)).isEqualTo(new Row(1, 2, 3, 4, 50.0, 6, 7, 8));
        assertThat(r.withAttr1(60)).isEqualTo(new Row(1, 2, 3, 4, 5.0, 60, 7, 8));
        assertThat(r.withAttr2(70)).isEqualTo(new Row(1, 2, 3, 4, 5.0, 6, 70, 8));
        assertThat(r.withAttr3(80)).isEqualTo(new Row(1, 2, 3, 4, 5.0, 6, 7, 80));
        assertThat(r).isEqualTo(new Row(1, 2, 3, 4, 5.0, 6, 7, 8));
    }

    @Test
    void orderIsEventTimeThenIdThenTheOtherFields() {
        Row a = new Row(5, 1, 0, 0, 0, 0, 0, 0);
        Row b = new Row(2, 2, 0, 0, 0, 0, 0, 0);
        Row c = new Row(3, 2, 0, 0, 0, 0, 0, 0);
        Row d = new Row(3, 2, 0, 0, 1.0, 0, 0, 0);
        List<Row> rows = new ArrayList<>(List.of(d, c, b, a));
        rows.sort(Row.ORDER);
        assertThat(rows).containsExactly(a, b, c, d);
    }
}
