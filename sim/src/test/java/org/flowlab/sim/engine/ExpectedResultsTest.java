package org.flowlab.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.BitSet;
import java.util.List;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

class ExpectedResultsTest {
    static final long S = 1_000_000_000L;

    @Test
    void excludedRecordsAreLeftOutWithoutRenumberingTheRest() {
        Trace trace = new TraceBuilder(new WorkloadSpec("t", "t.json", new JsonObject()), 1,
                new TraceSchema(List.of("a", "b"), "k", "v", null, null, null, List.of("none")))
                .add(1 * S, 1 * S, 0, 1, 10)
                .add(2 * S, 2 * S, 0, 1, 20)
                .add(3 * S, 3 * S, 1, 1, 40)
                .add(4 * S, 4 * S, 0, 1, 80)
                .build();
        Job sum = Job.named("sum", "d").from(RowFilter.kind("a")).keyBy(Row::key).window(Windows.tumbling("10s"))
                .aggregate(Aggregates.sum()).build();
        ResultKey w = ResultKey.window(1, 0, 10 * S);
        assertThat(ExpectedResults.excluding(sum, trace, new BitSet()).get(w)).isEqualTo(110.0);
        BitSet late = new BitSet();
        late.set(1);
        late.set(2); // of kind b: the source filter leaves it out anyway
        assertThat(ExpectedResults.excluding(sum, trace, late).get(w)).isEqualTo(90.0);
        Job rows = Job.named("rows", "d").build();
        assertThat(ExpectedResults.excluding(rows, trace, late).asMap().keySet())
                .containsExactly(ResultKey.row(Row.of(trace, 0)), ResultKey.row(Row.of(trace, 3)));
    }
}
