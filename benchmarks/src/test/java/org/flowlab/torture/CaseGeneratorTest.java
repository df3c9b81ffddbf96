package org.flowlab.torture;

import org.flowlab.sim.batch.BatchEngineTypes;
import org.flowlab.sim.stream.StreamEngineType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowlab.experiment.Comparison;
import org.flowlab.experiment.EngineSettings;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.fault.Fault;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.fault.RandomTaskFailures;
import org.flowlab.sim.fault.SlowWorker;
import org.flowlab.sim.fault.SourceStall;
import org.flowlab.sim.fault.TaskFailure;
import org.flowlab.sim.fault.WorkerCrash;
import org.junit.jupiter.api.Test;

class CaseGeneratorTest {
    private static final long S = 1_000_000_000L;
    private static final long MS = 1_000_000L;
    private static final int DRAWS = 400;

    @Test
    void aRunIsAFunctionOfTheSeedAndItsIndexAlone() {
        CaseGenerator g = new CaseGenerator(42, 5, JobCatalog.scenarios());
        TortureCase late = g.draw(17);
        for (int i = 0; i < 17; i++) {
            g.draw(i);
        }
        assertThat(new CaseGenerator(42, 5, JobCatalog.scenarios()).draw(17)).isEqualTo(late).isEqualTo(g.draw(17));
        assertThat(g.draw(18)).isNotEqualTo(late);
        assertThat(new CaseGenerator(43, 5, JobCatalog.scenarios()).draw(17)).isNotEqualTo(late);
    }

    @Test
    void everyRunIsAComparisonThatCompareAccepts() {
        CaseGenerator g = new CaseGenerator(1, 3, JobCatalog.scenarios());
        for (int i = 0; i < DRAWS; i++) {
            TortureCase c = g.draw(i);
            assertThat(c.index()).isEqualTo(i);
            Comparison.check(c.plan());
            assertThat(FaultPlan.parse(c.faults().toString())).isEqualTo(c.faults());
            assertThat(c.faults().faults()).hasSizeLessThanOrEqualTo(CaseGenerator.MAX_FAULTS);
            assertThat(c.duration()).isBetween(CaseGenerator.MIN_DURATION, 3 * 60 * S);
            assertThat(c.duration() % S).isZero();
            assertThat(c.rate()).isBetween((long) CaseGenerator.MIN_RATE, (long) CaseGenerator.MAX_RATE);
            assertThat(c.settings().cluster().workers()).isBetween(1, 4);
            assertThat(c.settings().costs()).isEqualTo(EngineSettings.DEFAULTS.costs());
            assertThat(c.plan().workload().duration()).isEqualTo(c.duration());
            assertThat(JobCatalog.get(c.scenario(), c.job()).name()).isEqualTo(c.job());
        }
    }

    @Test
    void theRunsCoverEveryScenarioSettingAndKindOfFault() {
        CaseGenerator g = new CaseGenerator(7, 5, JobCatalog.scenarios());
        Set<String> seen = new HashSet<>();
        int crashesAfterCheckpointTriggers = 0;
        int taskFailuresInMicroBatchTasks = 0;
        for (int i = 0; i < DRAWS; i++) {
            TortureCase c = g.draw(i);
            EngineSettings s = c.settings();
            seen.add("scenario " + c.scenario());
            seen.add("workers " + s.cluster().workers());
            seen.add("output " + s.output().id());
            seen.add("delivery " + s.of(StreamEngineType.STREAM).delivery().text());
            seen.add(s.eventTime().allowedLateness() == 0 ? "no allowed lateness" : "allowed lateness");
            seen.add(c.faults().isNone() ? "no faults" : c.faults().faults().size() + " faults");
            for (Fault f : c.faults().faults()) {
                seen.add(f.getClass().getSimpleName());
                if (f instanceof WorkerCrash w && w.at() % s.of(StreamEngineType.STREAM).checkpointInterval() >= MS && w.at() % s.of(StreamEngineType.STREAM).checkpointInterval() < 6 * MS) {
                    crashesAfterCheckpointTriggers++;
                }
                if (f instanceof TaskFailure t && t.worker() == 0 && t.at() % s.of(BatchEngineTypes.MICROBATCH).interval() > 50 * MS
                        && t.at() % s.of(BatchEngineTypes.MICROBATCH).interval() < 55 * MS) {
                    taskFailuresInMicroBatchTasks++;
                }
            }
        }
        for (String scenario : JobCatalog.scenarios()) {
            assertThat(seen).contains("scenario " + scenario);
        }
        assertThat(seen).contains("workers 1", "workers 4", "output final", "output updates", "delivery exactly-once",
                "delivery at-least-once", "no allowed lateness", "allowed lateness", "no faults", "1 faults", "3 faults",
                WorkerCrash.class.getSimpleName(), TaskFailure.class.getSimpleName(), RandomTaskFailures.class.getSimpleName(),
                SlowWorker.class.getSimpleName(), SourceStall.class.getSimpleName());
        assertThat(crashesAfterCheckpointTriggers).as("crashes aimed just after a checkpoint trigger").isGreaterThan(DRAWS / 10);
        assertThat(taskFailuresInMicroBatchTasks).as("task failures aimed at a micro-batch's tasks").isGreaterThan(DRAWS / 20);
    }

    @Test
    void onlyTheGivenScenariosAreDrawn() {
        CaseGenerator g = new CaseGenerator(3, 1, List.of("nexmark"));
        for (int i = 0; i < 50; i++) {
            TortureCase c = g.draw(i);
            assertThat(c.scenario()).isEqualTo("nexmark");
            assertThat(c.duration()).isBetween(CaseGenerator.MIN_DURATION, 60 * S);
        }
    }
}
