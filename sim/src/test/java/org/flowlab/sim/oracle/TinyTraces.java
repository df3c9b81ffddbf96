package org.flowlab.sim.oracle;

import com.google.gson.JsonObject;
import java.util.List;
import org.flowlab.sim.job.Row;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/** Hand-built traces in Nexmark's three kinds, for tests written before any scenario exists. */
final class TinyTraces {
    static final long S = 1_000_000_000L;
    static final TraceSchema SCHEMA = new TraceSchema(List.of("person", "auction", "bid"),
            "id", "price", "seller-or-auction", "category", "bidder", List.of("none"));
    static final int PERSON = 0;
    static final int AUCTION = 1;
    static final int BID = 2;

    private TinyTraces() {
    }

    static TraceBuilder builder() {
        return new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1, SCHEMA);
    }

    /** The source row of the event with this event time (the tests keep event times unique). */
    static Row rowAt(Trace trace, long eventTime) {
        Row found = null;
        for (int i = 0; i < trace.size(); i++) {
            if (trace.eventTime(i) == eventTime) {
                if (found != null) {
                    throw new IllegalArgumentException("two events at " + eventTime);
                }
                found = Row.of(trace, i);
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no event at " + eventTime);
        }
        return found;
    }
}
