package org.flowlab.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * A trace's disorder is the largest amount by which an event's time lies before an event time
 * that arrived earlier: zero for a trace in event-time order, and the smallest watermark delay
 * under which no event arrives at or behind a watermark already passed.
 */
class TraceDisorderProperties {

    @Property(tries = 300)
    void isTheLargestLagBehindAnEarlierArrival(
            @ForAll @Size(max = 40) List<@LongRange(min = 0, max = 1_000) Long> eventTimes) {
        TraceSchema schema = new TraceSchema(List.of("k"), "key", "value", null, null, null, List.of("none"));
        TraceBuilder builder = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, schema);
        for (int i = 0; i < eventTimes.size(); i++) {
            builder.add(eventTimes.get(i), 1_000 + i, 0, 1, 1.0); // arriving in list order, each after its time
        }
        Trace trace = builder.build();

        long expected = 0;
        for (int i = 0; i < eventTimes.size(); i++) {
            for (int j = 0; j < i; j++) {
                expected = Math.max(expected, eventTimes.get(j) - eventTimes.get(i));
            }
        }
        assertThat(trace.disorder()).isEqualTo(expected);
        // Trailing the largest time seen by the disorder, no watermark passes an event still to come.
        long maxSeen = Long.MIN_VALUE;
        for (int i = 0; i < trace.size(); i++) {
            if (maxSeen != Long.MIN_VALUE) {
                assertThat(trace.eventTime(i)).isGreaterThanOrEqualTo(maxSeen - trace.disorder());
            }
            maxSeen = Math.max(maxSeen, trace.eventTime(i));
        }
    }
}
