package org.flowlab.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog job, translated into a Flink program, gives exactly the oracle's final results in
 * both of Flink's runtime modes, on a few thousand events of its scenario, with parallelism 2 (so
 * rows really are shuffled between tasks). One local cluster serves the whole class.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CatalogJobsOnFlinkTest {
    private static LocalFlinkCluster cluster;
    private static FlinkRunner runner;

    @BeforeAll
    static void startCluster() {
        cluster = LocalFlinkCluster.start(2);
        runner = new FlinkRunner(cluster, 2);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    static Stream<Arguments> jobsAndModes() {
        List<Arguments> out = new ArrayList<>();
        for (CatalogJob job : JobCatalog.all()) {
            for (FlinkMode mode : FlinkMode.values()) {
                out.add(Arguments.of(job, mode));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("jobsAndModes")
    void flinkGivesTheOraclesResults(CatalogJob catalogJob, FlinkMode mode) {
        Trace trace = SmallTraces.of(catalogJob.scenario(), 11);
        ResultTable expected = ReferenceOracle.run(catalogJob.build(trace), trace);

        FlinkRun run = runner.run(JobRecipe.catalog(catalogJob, trace.schema()), trace, mode);

        assertThat(expected.size()).isPositive();
        assertThat(run.lateRows()).as("late rows").isZero();
        assertThat(run.repeatedOutputs()).as("repeated outputs").isZero();
        assertThat(run.records()).isEqualTo(trace.size());
        assertThat(expected.diffReport(run.results(), 10)).as("%s", run).isEmpty();
        assertThat(run.results()).isEqualTo(expected);
    }
}
