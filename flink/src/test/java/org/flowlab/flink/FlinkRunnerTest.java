package org.flowlab.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flowlab.sim.catalog.CatalogJob;
import org.flowlab.sim.catalog.JobCatalog;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.ResultTable;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.oracle.ReferenceOracle;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner's contract beyond "equals the oracle": targets, recipes, late rows, failures. */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FlinkRunnerTest {
    private static LocalFlinkCluster cluster;
    private static FlinkRunner runner;
    private static Trace nexmark;

    @BeforeAll
    static void startCluster() {
        cluster = LocalFlinkCluster.start(2);
        runner = new FlinkRunner(cluster, 2);
        nexmark = SmallTraces.of("nexmark", 5);
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private static JobRecipe catalog(String scenario, String job, Trace trace) {
        return JobRecipe.catalog(JobCatalog.get(scenario, job), trace.schema());
    }

    @Test
    void aFreshInJvmMiniClusterRunsAJobToo() {
        FlinkRun run = new FlinkRunner(FlinkTarget.inJvm(), 1).run(catalog("nexmark", "q1", nexmark), nexmark, FlinkMode.STREAMING);

        assertThat(run.results()).isEqualTo(ReferenceOracle.run(JobCatalog.get("nexmark", "q1").build(nexmark), nexmark));
        assertThat(run.engine()).isEqualTo("flink-streaming");
        assertThat(run.wallClockNanos()).isPositive();
    }

    @Test
    void aRemoteClusterGetsFlowlabsCodeAsJars() throws Exception {
        List<Path> jars = ShippedJars.flowlab();
        assertThat(jars).isNotEmpty().allSatisfy(jar -> assertThat(jar.toString()).endsWith(".jar"));
        assertThat(jars).allSatisfy(jar -> assertThat(Files.isRegularFile(jar)).isTrue());
        FlinkTarget shipping = new FlinkTarget.JobManager(cluster.host(), cluster.port(), jars);

        FlinkRun run = new FlinkRunner(shipping, 2).run(catalog("nexmark", "q7", nexmark), nexmark, FlinkMode.BATCH);

        assertThat(run.results()).isEqualTo(ReferenceOracle.run(JobCatalog.get("nexmark", "q7").build(nexmark), nexmark));
    }

    @Test
    void aCatalogRecipeCarriesParameterOverrides() {
        Trace cards = SmallTraces.of("card-fraud", 3);
        CatalogJob fraud = JobCatalog.get("card-fraud", "fraud-alerts");
        Map<String, String> strict = Map.of("k", "2", "minHistory", "3");
        ResultTable expected = ReferenceOracle.run(fraud.build(cards.schema(), strict), cards);

        FlinkRun run = runner.run(JobRecipe.catalog(fraud, cards.schema(), strict), cards, FlinkMode.STREAMING);

        assertThat(run.results()).isEqualTo(expected);
        assertThat(run.results().size()).isGreaterThan(ReferenceOracle.run(fraud.build(cards), cards).size());
    }

    @Test
    void aBadParameterFailsWhenTheRecipeIsMadeNotInsideFlink() {
        CatalogJob fraud = JobCatalog.get("card-fraud", "fraud-alerts");
        Trace cards = SmallTraces.of("card-fraud", 3);

        assertThatThrownBy(() -> JobRecipe.catalog(fraud, cards.schema(), Map.of("k", "0")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("parameter k must be a number from 1 to 1000");
    }

    /** A user's own job, shipped as a serializable method reference. */
    static Job bigBids() {
        return Job.named("big-bids", "bids over 100 dollars, in euros")
                .from(RowFilter.kind("bid"))
                .filter(row -> row.value() > 10_000)
                .map(row -> row.withValue(row.value() * 0.908))
                .build();
    }

    @ParameterizedTest
    @EnumSource(FlinkMode.class)
    void anOwnJobRunsFromARecipe(FlinkMode mode) {
        JobRecipe recipe = FlinkRunnerTest::bigBids;
        ResultTable expected = ReferenceOracle.run(bigBids(), nexmark);

        FlinkRun run = runner.run(recipe, nexmark, mode);

        assertThat(expected.size()).isPositive();
        assertThat(run.results()).isEqualTo(expected);
    }

    /** Bids per 10 s: every row counts, so a late one changes a result. */
    static Job bidsPer10s() {
        return Job.named("bids-per-10s", "bids per 10 s window")
                .from(RowFilter.kind("bid"))
                .keyBy(row -> 0L)
                .window(org.flowlab.sim.job.Windows.tumbling("10s"))
                .aggregate(org.flowlab.sim.job.aggregate.Aggregates.count())
                .build();
    }

    @Test
    void watermarksThatDoNotCoverTheDisorderDropLateRowsAndCountThem() {
        long disorder = nexmark.disorder();
        assertThat(disorder).isPositive();
        JobRecipe count = FlinkRunnerTest::bidsPer10s;
        ResultTable expected = ReferenceOracle.run(count.build(), nexmark);

        // One task per step, so rows and watermarks reach the window in one order: the count is fixed.
        FlinkRunner single = new FlinkRunner(cluster, 1);
        FlinkRun tight = single.run(count, nexmark, FlinkMode.STREAMING, 0);
        FlinkRun again = single.run(count, nexmark, FlinkMode.STREAMING, 0);
        FlinkRun batch = runner.run(count, nexmark, FlinkMode.BATCH, 0);

        assertThat(tight.lateRows()).isPositive();
        assertThat(tight.results()).isNotEqualTo(expected);
        assertThat(again.lateRows()).isEqualTo(tight.lateRows());
        assertThat(again.results()).isEqualTo(tight.results());
        // Two keyed tasks, but still one reader: event time advances as the trace's, and the same rows are late.
        FlinkRun twoTasks = new FlinkRunner(cluster, 2).run(count, nexmark, FlinkMode.STREAMING, 0);
        assertThat(twoTasks.lateRows()).isEqualTo(tight.lateRows());
        assertThat(twoTasks.results()).isEqualTo(tight.results());
        // Batch sees the whole input before any window fires: nothing is late, whatever the bound.
        assertThat(batch.lateRows()).isZero();
        assertThat(batch.results()).isEqualTo(expected);
    }

    @Test
    void theDisorderIsTheLargestLagBehindTheLatestEventTimeSoFar() {
        Trace trace = FlinkAdapterProperties.trace(List.of(
                new FlinkAdapterProperties.Happening(5_000, 0, 0, 1, 0, 0),
                new FlinkAdapterProperties.Happening(2_000, 3_500, 0, 1, 0, 0),   // arrives at 5 500, 3 000 behind
                new FlinkAdapterProperties.Happening(9_000, 0, 0, 1, 0, 0),
                new FlinkAdapterProperties.Happening(8_000, 1_100, 0, 1, 0, 0))); // arrives at 9 100, 1 000 behind

        assertThat(trace.disorder()).isEqualTo(3_000);
    }

    /** Changes the key after the keyBy, which the job model forbids. */
    static Job rekeyingMap() {
        return Job.named("bad-map", "a map that changes the key of a keyed row")
                .from(RowFilter.kind("bid"))
                .keyBy(Row::key)
                .map("shift-key", row -> row.withKey(row.key() + 1))
                .window(org.flowlab.sim.job.Windows.tumbling("10s"))
                .aggregate(org.flowlab.sim.job.aggregate.Aggregates.count())
                .build();
    }

    @ParameterizedTest
    @EnumSource(FlinkMode.class)
    void aStepThatBreaksTheModelsRulesFailsTheRunWithTheOraclesMessage(FlinkMode mode) {
        assertThatThrownBy(() -> runner.run(FlinkRunnerTest::rekeyingMap, nexmark, mode))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(mode.engineName() + " bad-map failed")
                .hasMessageContaining("map 'shift-key' changed the key of a keyed row");

        // A job failing this early can take Flink's TaskManager down; the local cluster recovers.
        FlinkRun next = runner.run(catalog("nexmark", "q2", nexmark), nexmark, mode);
        assertThat(next.results()).isEqualTo(ReferenceOracle.run(JobCatalog.get("nexmark", "q2").build(nexmark), nexmark));
    }

    @Test
    void aJobInThisJvmKeepsItsOutputsAndTraceHereAndLetsGoOfThemWhenItEndsOrFails() {
        assertThat(cluster.runsInThisJvm()).isTrue();
        FlinkRun q2 = runner.run(catalog("nexmark", "q2", nexmark), nexmark, FlinkMode.STREAMING);
        assertThat(q2.results()).isEqualTo(ReferenceOracle.run(JobCatalog.get("nexmark", "q2").build(nexmark), nexmark));
        assertThatThrownBy(() -> runner.run(FlinkRunnerTest::rekeyingMap, nexmark, FlinkMode.BATCH))
                .isInstanceOf(FlinkJobFailedException.class);
        assertThat(InJvmOutputs.openCount()).isZero();
        assertThat(SourceData.HeldInThisJvm.heldCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "localhost:", ":8081", "localhost:http", "localhost:0", "localhost:70000", " "})
    void aJobManagerAddressMustBeHostAndPort(String address) {
        assertThatThrownBy(() -> FlinkTarget.jobManager(address))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--jobmanager must be host:port with a port from 1 to 65535, for example localhost:8081 (got \""
                        + address + "\")");
    }

    @Test
    void aJobManagerAddressNamesHostAndPort() {
        FlinkTarget.JobManager target = FlinkTarget.jobManager("flink.example.org:8081");

        assertThat(target.host()).isEqualTo("flink.example.org");
        assertThat(target.port()).isEqualTo(8081);
        assertThat(target.jars()).isNotEmpty();
        assertThat(URI.create("http://" + target.host() + ":" + target.port()).getPort()).isEqualTo(8081);
    }

    /**
     * A job on a cluster that cannot give it the slots it needs waits for them for good in Flink (its
     * slot requests time out after minutes, and the restart strategy asks again); the run gives up
     * after the deploy timeout, says why, and the cancelled job leaves the cluster's slots free.
     */
    @Test
    void aClusterJobWhoseTasksCannotAllRunIsCancelledAfterTheDeployTimeout() {
        FlinkTarget.JobManager shortWait = new FlinkTarget.JobManager(cluster.host(), cluster.port(), List.of(), Duration.ofSeconds(2));
        JobRecipe q1 = catalog("nexmark", "q1", nexmark);

        assertThatThrownBy(() -> new FlinkRunner(shortWait, 3).run(q1, nexmark, FlinkMode.STREAMING))
                .isInstanceOf(FlinkJobFailedException.class)
                .hasMessageStartingWith("flink-streaming q1 on JobManager at " + cluster.host() + ":" + cluster.port() + " was cancelled: ")
                .message().containsPattern("its tasks were not all running for \\d+ s \\(last seen: job RUNNING, tasks [^)]*SCHEDULED")
                .contains("may lack free slots for parallelism 3");
        assertThat(Thread.currentThread().isInterrupted()).as("the watch's interrupt is not left to the caller").isFalse();

        // The cancelled job holds no slot: a job that fits runs (and would fail if it waited a minute for slots).
        FlinkTarget.JobManager minute = new FlinkTarget.JobManager(cluster.host(), cluster.port(), List.of(), Duration.ofMinutes(1));
        FlinkRun next = new FlinkRunner(minute, 2).run(q1, nexmark, FlinkMode.STREAMING);
        assertThat(next.results()).isEqualTo(ReferenceOracle.run(JobCatalog.get("nexmark", "q1").build(nexmark), nexmark));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void aDeployTimeoutMustBePositive(long seconds) {
        Duration timeout = Duration.ofSeconds(seconds);

        assertThatThrownBy(() -> FlinkTarget.jobManager("localhost:8081", timeout))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--deploy-timeout must be more than 0, for example 2m (got " + timeout + ")");
    }

    @Test
    void parallelismMustBePositive() {
        assertThatThrownBy(() -> new FlinkRunner(FlinkTarget.inJvm(), 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Flink parallelism must be at least 1 (got 0)");
    }
}
