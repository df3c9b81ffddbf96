package org.flowlab.torture;

import org.flowlab.sim.engine.EngineType;
import org.flowlab.sim.registry.EngineRegistry;
import org.flowlab.sim.stream.StreamEngineType;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.flowlab.sim.engine.Engine;
import org.flowlab.sim.engine.ProgressListener;
import org.flowlab.sim.engine.RunOutcome;
import org.flowlab.sim.engine.RunStatus;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.metrics.RecoveryFigures;
import org.flowlab.sim.metrics.RunMetrics;
import org.flowlab.workloads.Trace;

/** Engine factories whose stream engine is deliberately broken, for tests that torture must catch it. */
public final class BrokenEngines {

    private BrokenEngines() {
    }

    /**
     * The standard engines, but a stream that has restarted from a checkpoint loses one row of its
     * result table (the middle one): the kind of bug a restore can have, which only a run with a
     * failure shows.
     */
    public static EngineRegistry droppingARowAfterARestore() {
        return brokenStream(o -> {
            if (o.metrics().recovery().restarts() == 0 || o.results().isEmpty()) {
                return o;
            }
            NavigableMap<ResultKey, Object> rows = new TreeMap<>(o.results().asMap());
            ResultKey dropped = rows.keySet().stream().skip(rows.size() / 2).findFirst().orElseThrow();
            rows.remove(dropped);
            return new RunOutcome(o.engine(), ResultTable.of(rows), o.metrics(), o.lateRecords(), o.duplicateOutputs(),
                    o.visibility(), o.lateRecordIds(), o.judgements(), o.status());
        });
    }

    /** The standard engines, but every stream run ends as failed for good at its end, faults or not. */
    public static EngineRegistry streamAlwaysFailing() {
        return brokenStream(o -> new RunOutcome(o.engine(), o.results(), o.metrics(), o.lateRecords(), o.duplicateOutputs(),
                o.visibility(), o.lateRecordIds(), o.judgements(),
                RunStatus.failed(o.metrics().endTime(), o.metrics().recovery().restarts(), "broken on purpose")));
    }

    /** The standard engines, but the stream's recovery figures are replaced by {@code recovery}'s. */
    public static EngineRegistry streamReporting(UnaryOperator<RecoveryFigures> recovery, long duplicateOutputs) {
        return brokenStream(o -> {
            RunMetrics m = o.metrics();
            RunMetrics changed = new RunMetrics(m.recordsIn(), m.latency(), m.firstVisibleLatency(), m.processingLatency(),
                    m.eventTimeLatency(), m.detectionLatency(), m.throughputPerSecond(), m.stalenessMeanMs(), m.stalenessMaxMs(),
                    m.backPressuredNanos(), m.checkpoints(), m.checkpointDurations(), recovery.apply(m.recovery()), m.faults(),
                    m.lateRecords(), m.corrections(), m.bill(), m.workerSecondsBusy(), m.endTime(), m.staleness(), m.throughput());
            return new RunOutcome(o.engine(), o.results(), changed, o.lateRecords(), duplicateOutputs, o.visibility(),
                    o.lateRecordIds(), o.judgements(), o.status());
        });
    }

    /** The standard engines, with the stream's outcome passed through {@code breaking}. */
    public static EngineRegistry brokenStream(UnaryOperator<RunOutcome> breaking) {
        return EngineRegistry.STANDARD.map(t -> t.id().equals(StreamEngineType.STREAM.id()) ? broken(t, breaking) : t);
    }

    private static <S> EngineType<S> broken(EngineType<S> type, UnaryOperator<RunOutcome> breaking) {
        return type.withFactory((common, own, faults, seed) -> new Broken(type.create(common, own, faults, seed), breaking));
    }

    private record Broken(Engine engine, UnaryOperator<RunOutcome> breaking) implements Engine {
        @Override
        public RunOutcome run(Job job, Trace trace) {
            return breaking.apply(engine.run(job, trace));
        }

        @Override
        public RunOutcome run(Job job, Trace trace, ProgressListener progress) {
            return breaking.apply(engine.run(job, trace, progress));
        }

        @Override
        public String name() {
            return engine.name();
        }
    }
}
