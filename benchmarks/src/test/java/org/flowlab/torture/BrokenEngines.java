package org.flowlab.torture;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.flowlab.experiment.EngineFactory;
import org.flowlab.experiment.Paradigm;
import org.flowlab.experiment.StandardEngines;
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
    public static EngineFactory droppingARowAfterARestore() {
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
    public static EngineFactory streamAlwaysFailing() {
        return brokenStream(o -> new RunOutcome(o.engine(), o.results(), o.metrics(), o.lateRecords(), o.duplicateOutputs(),
                o.visibility(), o.lateRecordIds(), o.judgements(),
                RunStatus.failed(o.metrics().endTime(), o.metrics().recovery().restarts(), "broken on purpose")));
    }

    /** The standard engines, but the stream's recovery figures are replaced by {@code recovery}'s. */
    public static EngineFactory streamReporting(UnaryOperator<RecoveryFigures> recovery, long duplicateOutputs) {
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
    public static EngineFactory brokenStream(UnaryOperator<RunOutcome> breaking) {
        return (paradigm, settings, faults, seed) -> {
            Engine engine = StandardEngines.FACTORY.create(paradigm, settings, faults, seed);
            return paradigm == Paradigm.STREAM ? new Broken(engine, breaking) : engine;
        };
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
