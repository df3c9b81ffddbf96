package org.flowlab.sim.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;

class StagingAreaTest {
    private static final long S = TestJobs.S;
    private static final long H = 3600 * S;

    private static Trace trace() {
        return TestJobs.builder()
                .add(0, 10 * S, TestJobs.BID, 1, 1)
                .add(S, 20 * S, TestJobs.BID, 1, 1)
                .add(2 * S, 30 * S, TestJobs.BID, 1, 1)
                .add(H, H + 5 * S, TestJobs.BID, 1, 1)
                .add(H, 3 * H, TestJobs.BID, 1, 1)
                .build();
    }

    @Test
    void recordsAreStagedWhenTheyArriveAndAStallHoldsThemBackUntilItEnds() {
        StagingArea plain = new StagingArea(trace(), FaultPlan.NONE);
        assertThat(plain.stagedAt(1)).isEqualTo(20 * S);
        assertThat(plain.stagedBy(19 * S)).isEqualTo(1);
        assertThat(plain.stagedBy(20 * S)).isEqualTo(2);
        assertThat(plain.stagedBy(-1)).isZero();
        assertThat(plain.lastStaged()).isEqualTo(3 * H);

        StagingArea stalled = new StagingArea(trace(), FaultPlan.parse("stall:source@15s..25s;stall:source@25s..40s"));
        assertThat(stalled.stagedAt(0)).isEqualTo(10 * S);
        // Touching stalls hold records back until the last of them ends; order is kept.
        assertThat(stalled.stagedAt(1)).isEqualTo(40 * S);
        assertThat(stalled.stagedAt(2)).isEqualTo(40 * S);
        assertThat(stalled.stagedBy(39 * S)).isEqualTo(1);
        assertThat(stalled.stagedBy(40 * S)).isEqualTo(3);
    }

    @Test
    void partitionsFollowTheArrivalHourLikeADataLakesFolders() {
        StagingArea staging = new StagingArea(trace(), FaultPlan.NONE);
        // id, event time, arrival time, key, value (8 bytes each), kind and label (1 each), and the three attributes in use.
        assertThat(staging.bytesPerRecord()).isEqualTo(5 * 8 + 2 + 3 * 8);
        assertThat(staging.partitions()).extracting(StagingArea.Partition::path)
                .containsExactly("day=0/hour=00", "day=0/hour=01", "day=0/hour=03");
        assertThat(staging.partitions()).extracting(StagingArea.Partition::records).containsExactly(3, 1, 1);
        assertThat(staging.partitions().get(0).bytes()).isEqualTo(3 * staging.bytesPerRecord());
        assertThat(staging.partitions().get(2).firstRecord()).isEqualTo(4);
    }

    @Test
    void backgroundLoadSlowsTasksByOneOverTheFreeShare() {
        BackgroundLoad office = BackgroundLoad.peak(9, 17, 0.6);
        assertThat(office.loadAt(8 * H)).isZero();
        assertThat(office.loadAt(9 * H)).isEqualTo(0.6);
        assertThat(office.loadAt(17 * H - 1)).isEqualTo(0.6);
        assertThat(office.loadAt(24 * H + 10 * H)).isEqualTo(0.6);
        assertThat(office.slowdownAt(10 * H)).isEqualTo(2.5);
        assertThat(office.slowdownAt(20 * H)).isEqualTo(1.0);
        BackgroundLoad night = BackgroundLoad.peak(22, 2, 0.5);
        assertThat(night.loadAt(23 * H)).isEqualTo(0.5);
        assertThat(night.loadAt(H)).isEqualTo(0.5);
        assertThat(night.loadAt(2 * H)).isZero();
        assertThat(BackgroundLoad.none().isNone()).isTrue();
    }
}
