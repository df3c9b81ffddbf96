package org.flowlab.sim.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.flowlab.sim.job.RowFilter.kind;

import java.util.List;
import org.flowlab.sim.job.aggregate.Aggregates;
import org.flowlab.workloads.TraceSchema;
import org.junit.jupiter.api.Test;

class JobBuilderTest {
    private static final KeyedProcessFunction NOTHING = (row, ctx) -> { };

    @Test
    void aFluentJobHasTheStepsInOrderWithReadableNames() {
        Job q7 = Job.named("q7", "highest bid per 10 s window")
                .from(kind("bid"))
                .keyBy(Row::attr1)
                .window(Windows.tumbling("10s"))
                .aggregate(Aggregates.max())
                .build();
        assertThat(q7.operators()).hasSize(2);
        assertThat(q7.operators().get(0)).isInstanceOf(KeyBy.class);
        WindowAggregate w = (WindowAggregate) q7.operators().get(1);
        assertThat(w.window()).isEqualTo(Windows.tumbling("10s"));
        assertThat(w.toRow()).isSameAs(ResultMapper.NUMERIC);
        assertThat(q7.stateless()).isFalse();
        assertThat(q7.lastStatefulIndex()).isEqualTo(1);
        assertThat(q7).hasToString("q7 (highest bid per 10 s window): kind[bid] → keyBy 'keyBy' → window 'max' (max per tumbling(10 s))");
    }

    @Test
    void automaticNamesAreMadeUnique() {
        Job job = Job.named("j", "d").filter(r -> true).filter(r -> true).map(r -> r).filter(r -> true).build();
        assertThat(job.operators()).extracting(Operator::name).containsExactly("filter", "filter-2", "map", "filter-3");
        assertThat(job.stateless()).isTrue();
    }

    @Test
    void aWindowWithoutKeyByIsRejected() {
        assertThatThrownBy(() -> Job.named("q", "d").window(Windows.tumbling(10)).aggregate(Aggregates.count()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job q: window 'count' (count per tumbling(10 ns)) must follow a keyBy (add .keyBy(...) before it)");
    }

    @Test
    void aProcessWithoutKeyByIsRejected() {
        assertThatThrownBy(() -> Job.named("q", "d").process("detect", () -> NOTHING).build())
                .hasMessage("job q: process 'detect' must follow a keyBy (add .keyBy(...) before it)");
    }

    @Test
    void aSecondStatefulStepNeedsItsOwnKeyBy() {
        assertThatThrownBy(() -> Job.named("q5", "d").keyBy(Row::attr1)
                .window(Windows.sliding(10, 2)).aggregate(Aggregates.count())
                .filter(r -> true)
                .window(Windows.tumbling(2)).aggregate(Aggregates.max()).build())
                .hasMessage("job q5: window 'max' (max per tumbling(2 ns)) must follow a keyBy after window 'count'"
                        + " (count per sliding(10 ns every 2 ns)) (add .keyBy(...) before it)");
    }

    @Test
    void aWindowNeedsAnAggregateAndAnAggregateNeedsAWindow() {
        assertThatThrownBy(() -> Job.named("q", "d").keyBy(Row::key).window(Windows.tumbling(10)).build())
                .hasMessage("job q: window tumbling(10 ns) has no aggregate: call .aggregate(...) right after .window(...), before build()");
        assertThatThrownBy(() -> Job.named("q", "d").keyBy(Row::key).aggregate(Aggregates.count()))
                .hasMessage("job q: aggregate(count) needs a window: call .window(...) before it");
        assertThatThrownBy(() -> Job.named("q", "d").keyBy(Row::key).window(Windows.tumbling(10)).filter(r -> true))
                .hasMessageStartingWith("job q: window tumbling(10 ns) has no aggregate");
    }

    @Test
    void slideLargerThanTheWindowIsRejectedWhileBuilding() {
        assertThatThrownBy(() -> Job.named("q", "d").keyBy(Row::key).window(Windows.sliding("10s", "20s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sliding window: slide 20 s is larger than the size 10 s");
    }

    @Test
    void namesMustBePresentAndUnique() {
        assertThatThrownBy(() -> Job.named(" ", "d").build()).hasMessage("a job needs a name (got ' ')");
        assertThatThrownBy(() -> Job.named("q", "d").filter("f", r -> true).map("f", r -> r).build())
                .hasMessage("job q: two steps are named 'f'; names must be unique");
        assertThatThrownBy(() -> new Job("q", "d", RowFilter.ALL, java.util.Arrays.asList(new KeyBy("k", Row::key), null)))
                .hasMessage("job q: step 2 is null");
    }

    @Test
    void topNNeedsAPositiveN() {
        assertThatThrownBy(() -> Aggregates.topN(0, Row::attr1, Row::value))
                .hasMessage("topN: n must be positive (got 0)");
    }

    @Test
    void sourceFiltersBindToTheSchemaByKindName() {
        TraceSchema schema = new TraceSchema(List.of("person", "auction", "bid"), "k", "v", null, null, null, List.of("none"));
        RowPredicate bids = kind("bid").bind(schema);
        Row row = new Row(0, 0, 2, 0, 0, 0, 0, 0);
        assertThat(bids.test(row)).isTrue();
        assertThat(bids.test(row.withKind(1))).isFalse();
        assertThat(kind("person", "auction").bind(schema).test(row.withKind(1))).isTrue();
        assertThat(RowFilter.ALL.bind(schema).test(row)).isTrue();
        assertThat(kind("bid").and(RowFilter.where("value > 1", r -> r.value() > 1)).bind(schema).test(row)).isFalse();
        assertThatThrownBy(() -> kind("bids").bind(schema))
                .hasMessage("source: kind 'bids' is not in the trace's kinds [person, auction, bid]");
    }
}
