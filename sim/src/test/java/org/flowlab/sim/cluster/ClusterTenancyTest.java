package org.flowlab.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.util.List;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.TraceBuilder;
import org.flowlab.workloads.TraceSchema;
import org.flowlab.workloads.WorkloadSpec;
import org.junit.jupiter.api.Test;

/** The billing rule by hand: what is held when, and why. */
class ClusterTenancyTest {
    private static final long S = 1_000_000_000L;
    private static final long M = 60 * S;
    private static final ClusterSpec FOUR = ClusterSpec.DEFAULT;

    private static Trace arrivals(long... at) {
        TraceBuilder b = new TraceBuilder(new WorkloadSpec("t", "t", new JsonObject()), 1,
                new TraceSchema(List.of("e"), "k", "v", null, null, null, List.of("none")));
        for (long t : at) {
            b.add(t, t, 0, 0, 0, 0, 0, 0, 0);
        }
        return b.build();
    }

    @Test
    void runsWithinTheWarmPoolReuseTheClusterAndTheirGapsAreBilledAsIdle() {
        ClusterTenancy t = ClusterTenancy.ephemeral(FOUR, 10 * M);
        assertThat(t.ask(2 * M, 90 * S)).isTrue();
        t.release(2 * M + 100 * S);          // 90 s starting, 10 s running
        assertThat(t.ask(4 * M, 90 * S)).isFalse();
        t.release(4 * M + 10 * S);           // 10 s running after a gap of 20 s
        Bill bill = t.bill(4 * M + 10 * S);
        assertThat(bill.startingNanos()).isEqualTo(90 * S);
        assertThat(bill.runningNanos()).isEqualTo(20 * S);
        // The gap, then the pool after the last run: the cluster is held until the pool releases it.
        assertThat(bill.idleNanos()).isEqualTo(20 * S + 10 * M);
        assertThat(bill.coldStarts()).isEqualTo(1);
        assertThat(bill.heldNanos()).isEqualTo(2 * M + 10 * S + 10 * M);
        assertThat(bill.workerSeconds()).isEqualTo(4 * (12 * 60 + 10));
        assertThat(bill.amount()).isEqualTo(4 * (12 * 60 + 10) / 3600.0 * 0.2);
    }

    @Test
    void aClusterHeldForEightyYearsCostsEightyYearsOfItsWorkers() {
        // 4 workers × 2.52e18 ns passes a long: the worker-seconds once came out negative.
        long eightyYears = 80 * 365 * 24 * 60 * M;
        ClusterTenancy t = ClusterTenancy.alwaysOn(FOUR, arrivals(0));
        t.ask(0, 0);
        t.release(eightyYears);
        Bill bill = t.bill(eightyYears);
        assertThat(bill.workerSeconds()).isCloseTo(4.0 * eightyYears / S, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(bill.amount()).isPositive();
    }

    @Test
    void aRunAfterThePoolWasReleasedStartsColdAndThePoolWasBilledUpToItsRelease() {
        ClusterTenancy t = ClusterTenancy.ephemeral(FOUR, 10 * M);
        t.ask(0, 90 * S);
        t.release(100 * S);
        assertThat(t.ask(60 * M, 90 * S)).isTrue();
        t.release(60 * M + 100 * S);
        Bill bill = t.bill(60 * M + 100 * S);
        assertThat(bill.coldStarts()).isEqualTo(2);
        assertThat(bill.startingNanos()).isEqualTo(2 * 90 * S);
        assertThat(bill.runningNanos()).isEqualTo(2 * 10 * S);
        assertThat(bill.idleNanos()).isEqualTo(2 * 10 * M);
        // A gap of exactly the pool still finds it warm.
        ClusterTenancy edge = ClusterTenancy.ephemeral(FOUR, 10 * M);
        edge.ask(0, 0);
        edge.release(S);
        assertThat(edge.ask(S + 10 * M, 90 * S)).isFalse();
    }

    @Test
    void aRerunAfterAFailureIsAnotherRequestOfTheSameRule() {
        ClusterTenancy t = ClusterTenancy.ephemeral(FOUR, 5 * M);
        t.ask(0, 30 * S);
        t.release(40 * S);                   // failed 10 s into the run
        assertThat(t.ask(70 * S, 30 * S)).isFalse();
        t.release(90 * S);
        Bill bill = t.bill(90 * S);
        assertThat(bill.startingNanos()).isEqualTo(30 * S);
        assertThat(bill.runningNanos()).isEqualTo(30 * S);
        assertThat(bill.idleNanos()).isEqualTo(30 * S + 5 * M);
    }

    @Test
    void anAlwaysOnClusterIsHeldFromTheTracesStartToTheRunsEnd() {
        ClusterTenancy t = ClusterTenancy.alwaysOn(FOUR, arrivals(5 * S, 50 * S));
        assertThat(t.ask(10 * S, 90 * S)).as("an always-on cluster never starts cold").isFalse();
        t.release(12 * S);
        t.ask(20 * S, 90 * S);
        t.release(23 * S);
        Bill bill = t.bill(30 * S);
        assertThat(bill.heldNanos()).isEqualTo(30 * S);
        assertThat(bill.runningNanos()).isEqualTo(5 * S);
        assertThat(bill.idleNanos()).isEqualTo(25 * S);
        assertThat(bill.startingNanos()).isZero();
        assertThat(bill.coldStarts()).isZero();
        assertThat(bill.rule()).startsWith("always-on cluster");
        // A trace that starts before 0 is held from its first arrival, where every engine's clock starts.
        assertThat(ClusterTenancy.alwaysOn(FOUR, arrivals(-7 * S, S)).bill(S).heldNanos()).isEqualTo(8 * S);
        assertThat(ClusterTenancy.traceStart(arrivals(-7 * S, S))).isEqualTo(-7 * S);
    }

    @Test
    void anEphemeralClusterNoRunAskedForCostsNothing() {
        Bill bill = ClusterTenancy.ephemeral(FOUR, 10 * M).bill(3 * M);
        assertThat(bill.heldNanos()).isZero();
        assertThat(bill.amount()).isZero();
        assertThat(bill.rule()).startsWith("ephemeral cluster, warm pool 10 m 00 s");
    }

    @Test
    void misuseIsAnErrorThatSaysWhat() {
        ClusterTenancy t = ClusterTenancy.ephemeral(FOUR, M);
        assertThatThrownBy(() -> t.release(S)).isInstanceOf(IllegalStateException.class).hasMessageContaining("without a run");
        t.ask(S, 0);
        assertThatThrownBy(() -> t.ask(2 * S, 0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("another holds it");
        assertThatThrownBy(() -> t.bill(3 * S)).isInstanceOf(IllegalStateException.class).hasMessageContaining("while a run holds");
    }
}
