package org.flowlab.toy;

import java.util.BitSet;
import java.util.List;
import org.flowlab.sim.cluster.ClusterTenancy;
import org.flowlab.sim.engine.CommonSettings;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.EngineOption;
import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.metrics.RecordVisibility;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.text.DurationText;

/**
 * A toy engine, to show what adding an engine takes: this package and one registration line. It waits for
 * the whole trace, then runs the job once ({@link ReferenceOracle}), {@code delay} after the last arrival:
 * every record becomes visible then, on a cluster held from the trace's start. It ignores faults.
 */
public record ToyEngine(CommonSettings common, Settings own) implements Engine {

    /** Its own settings: how long its one run takes. */
    public record Settings(long delay) {
    }

    /** The registration: id, label, colour, complexity, settings, options, factory, description, interval. */
    public static final EngineType<Settings> TYPE = new EngineType<>("toy", "toy", "#CC79A7",
            "one run at the end of the input: never early, never wrong", Settings.class, new Settings(DurationText.NANOS_PER_MINUTE),
            List.of(EngineOption.duration("toy-delay", "delay", "Toy: how long its one run takes (default: 1m).",
                    Settings::delay, (s, d) -> new Settings(d))),
            (CommonSettings common, Settings own, FaultPlan faults, long seed) -> new ToyEngine(common, own),
            (own, common) -> "one run, " + DurationText.exact(own.delay()), own -> 0L, "rerun", own -> "It never gives up.");

    @Override
    public RunOutcome run(Job job, Trace trace) {
        long end = (trace.size() == 0 ? 0 : trace.lastArrival()) + own.delay();
        RecordVisibility visibility = new RecordVisibility(trace.size());
        for (int i = 0; i < trace.size(); i++) {
            visibility.mark(i, end);
        }
        RunMetrics metrics = RunMetrics.ofVisibility(trace, visibility,
                ClusterTenancy.alwaysOn(common.cluster(), trace).bill(end), own.delay() / 1e9);
        return new RunOutcome(name(), ReferenceOracle.run(job, trace), metrics, 0, 0, visibility, new BitSet());
    }

    @Override
    public String name() {
        return "toy";
    }
}
