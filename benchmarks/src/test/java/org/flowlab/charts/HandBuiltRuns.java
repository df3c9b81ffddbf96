package org.flowlab.charts;

import org.flowlab.sim.engine.EngineType;
import com.google.gson.JsonObject;
import java.util.BitSet;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.flowlab.experiment.EngineRun;
import org.flowlab.sim.cluster.Bill;
import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.FaultTally;
import org.flowlab.sim.metrics.LatencySummary;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.metrics.StalenessTimeline;
import org.flowlab.sim.metrics.ThroughputTimeline;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;

/** Engine runs made by hand: a steady trace and a rule for when each record becomes visible. */
final class HandBuiltRuns {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;

    private HandBuiltRuns() {
    }

    /** {@code n} records, one every {@code gap} nanoseconds, arriving when they happen. */
    static Trace steady(int n, long gap) {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("test", "test.json", new JsonObject()), 1,
                new TraceSchema(List.of("e"), "k", "v", null, null, null, List.of("none")));
        for (int i = 0; i < n; i++) {
            b.add(i * gap, i * gap, 0, i % 7, 1.0);
        }
        return b.build();
    }

    /** A run whose record arriving at t becomes visible at {@code visible(t)}, read at the same moment. */
    static EngineRun run(EngineType<?> paradigm, Trace trace, LongUnaryOperator visible) {
        RecordVisibility v = new RecordVisibility(trace.size());
        ThroughputTimeline.Builder reads = ThroughputTimeline.builder(SECOND);
        long end = 0;
        for (int i = 0; i < trace.size(); i++) {
            long t = visible.applyAsLong(trace.arrivalTime(i));
            v.mark(i, t);
            reads.read(t, false);
            end = Math.max(end, t);
        }
        StalenessTimeline staleness = StalenessTimeline.from(trace, v.toArray(), 100 * MS);
        RunMetrics m = new RunMetrics(trace.size(), v.finalLatency(trace), v.firstVisibleLatency(trace), LatencySummary.EMPTY,
                LatencySummary.EMPTY, LatencySummary.EMPTY, 1, staleness.meanMs(), staleness.maxMs(), 0, 0, LatencySummary.EMPTY,
                RecoveryFigures.NONE, FaultTally.NONE, 0, 0, new Bill(ClusterSpec.DEFAULT, Bill.Holding.ALWAYS_ON, 0, 0, end, 0, 0), 1,
                end, staleness,
                reads.build(trace));
        return new EngineRun(paradigm, paradigm.id() + " by hand",
                new RunOutcome(paradigm.id(), ResultTable.empty(), m, 0, 0, v, new BitSet()), 0);
    }

    /** Batch every {@code interval}: visible at the next multiple of it. */
    static LongUnaryOperator everyInterval(long interval) {
        return t -> (t / interval + 1) * interval;
    }
}
