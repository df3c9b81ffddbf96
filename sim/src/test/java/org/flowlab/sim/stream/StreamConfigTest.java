package org.flowlab.sim.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowlab.sim.cluster.ClusterSpec;
import org.flowlab.sim.engine.ContractJobs;
import org.flowlab.sim.engine.ContractTraces;
import org.flowlab.sim.fault.FaultPlan;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowFilter;
import org.flowlab.sim.job.Windows;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.Trace;
import org.junit.jupiter.api.Test;

/** Bad configurations are rejected with one clear line naming the field and what is allowed. */
class StreamConfigTest {
    static final long S = 1_000_000_000L;

    @Test
    void theDefaultsAreValidAndDocumented() {
        StreamConfig d = StreamConfig.defaults();
        assertThat(d.validated()).isSameAs(d);
        assertThat(d.parallelism()).isEqualTo(4);
        assertThat(d.watermarkInterval()).isEqualTo(200_000_000L);
        assertThat(d.heartbeatTimeout()).isEqualTo(50 * S);
        assertThat(d.delivery()).isEqualTo(Delivery.AT_LEAST_ONCE);
        assertThat(d.withCheckpointInterval("1s").checkpointInterval()).isEqualTo(S);
        assertThat(d.withFaults("crash:worker=1@5s").faults()).isEqualTo(FaultPlan.parse("crash:worker=1@5s"));
        // Copies can be made in any order; what spans fields is checked when a run starts.
        StreamConfig one = d.withCluster(ClusterSpec.ofWorkers(1)).withTasks(2);
        assertThat(one.validated()).isSameAs(one);
    }

    @Test
    void aKeysSourcePartitionIsTheLogTheEngineReadsItFrom() {
        Trace trace = StreamEngineTest.nexmark(2, 500, 3);
        StreamConfig three = StreamConfig.defaults().withSourcePartitions(3);
        int[][] logs = TaskGraph.partitionLogs(trace, 3);
        for (int p = 0; p < logs.length; p++) {
            assertThat(logs[p]).as("partition " + p + "'s log").isNotEmpty();
            for (int i : logs[p]) {
                assertThat(three.sourcePartitionOf(trace.key(i))).isEqualTo(p);
            }
        }
    }

    @Test
    void fieldsOutOfRangeAreRejectedWhenTheConfigIsMade() {
        StreamConfig d = StreamConfig.defaults();
        assertThatThrownBy(() -> d.withParallelism(0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("stream config: parallelism must be at least 1 (got 0)");
        assertThatThrownBy(() -> d.withSourcePartitions(-2))
                .hasMessage("stream config: sourcePartitions must be at least 1 (got -2)");
        assertThatThrownBy(() -> d.withChannelCapacity(0))
                .hasMessage("stream config: channelCapacity must be at least 1 (got 0)");
        assertThatThrownBy(() -> d.withCheckpointInterval(0))
                .hasMessage("stream config: checkpointInterval must be a positive duration (got 0 ns); "
                        + "to take no checkpoints use withCheckpointing(false)");
        assertThatThrownBy(() -> d.withCheckpointInterval(-5 * S))
                .hasMessageStartingWith("stream config: checkpointInterval must be a positive duration");
        assertThatThrownBy(() -> d.withWatermarkInterval(0))
                .hasMessage("stream config: watermarkInterval must be a positive duration of at most 36500 days (got 0 ns)");
        assertThatThrownBy(() -> d.withWatermarkDelay(-1))
                .hasMessage("event time: the watermark delay must be a duration from 0 to 366d (got -1 ns)");
        assertThatThrownBy(() -> d.withAllowedLateness(Long.MAX_VALUE))
                .hasMessageStartingWith("event time: the allowed lateness must be a duration from 0 to 366d (got ");
        assertThatThrownBy(() -> d.withHeartbeatTimeout(-1)).hasMessageStartingWith("stream config: heartbeatTimeout");
        assertThatThrownBy(() -> RestartStrategy.parse("fixed-delay:attempts=-1"))
                .hasMessageStartingWith("restart strategy 'fixed-delay:attempts=-1': attempts must be a whole number >= 0");
        assertThatThrownBy(() -> RestartStrategy.parse("forever")).hasMessage("restart strategy 'forever': 'forever' is not a"
                + " restart strategy; allowed: " + RestartStrategy.ALLOWED);
        assertThatThrownBy(() -> d.withWatermarkDelay("soon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'soon' is not a duration");
    }

    @Test
    void whatSpansFieldsIsRejectedWhenARunStarts() {
        Trace trace = ContractTraces.builder().add(S, S, ContractTraces.BID, 1, 1).build();
        Job job = ContractJobs.tumblingCount();
        StreamConfig noCheckpoints = StreamConfig.defaults().withCheckpointing(false).withDelivery(Delivery.EXACTLY_ONCE);
        assertThatThrownBy(() -> StreamEngine.run(job, trace, noCheckpoints)).isInstanceOf(InvalidInputException.class)
                .hasMessage("stream config: delivery EXACTLY_ONCE needs checkpointing (outputs are committed by checkpoints);"
                        + " turn checkpointing on or use AT_LEAST_ONCE");
        StreamConfig tooWide = StreamConfig.defaults().withParallelism(9);
        assertThatThrownBy(() -> StreamEngine.run(job, trace, tooWide))
                .hasMessage("stream config: parallelism 9 needs 9 slots, but the cluster has 8 (4 workers × 2 slots);"
                        + " add workers or slots, or lower it");
        StreamConfig partitions = StreamConfig.defaults().withSourcePartitions(12);
        assertThatThrownBy(() -> StreamEngine.run(job, trace, partitions))
                .hasMessageStartingWith("stream config: sourcePartitions 12 needs 12 slots, but the cluster has 8");
        StreamConfig ghost = StreamConfig.defaults().withFaults("crash:worker=7@1s");
        assertThatThrownBy(() -> StreamEngine.run(job, trace, ghost))
                .hasMessage("fault plan: crash:worker=7@1s+10s names worker 7, but the cluster has 4 workers (0 to 3)");
        StreamRun run = StreamRun.start(job, trace, StreamConfig.defaults());
        assertThatThrownBy(() -> run.crashWorker(4, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessage("crashWorker: the cluster has 4 workers (0 to 3), not worker 4");
    }

    @Test
    void aJobTheTraceCannotFeedOrAWindowThatSkipsRowsIsRejected() {
        Trace trace = ContractTraces.builder().add(S, S, ContractTraces.BID, 1, 1).build();
        Job unknownKind = Job.named("j", "d").from(RowFilter.kind("bids")).build();
        assertThatThrownBy(() -> StreamEngine.run(unknownKind, trace, StreamConfig.defaults()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("job j: source: kind 'bids' is not in the trace's kinds [person, auction, bid]");
        assertThatThrownBy(() -> Job.named("j", "d").keyBy(Row::key).window(Windows.sliding("5s", "10s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sliding window: slide 10 s is larger than the size 5 s (rows between windows would be lost;"
                        + " use a slide <= the size)");
    }

    @Test
    void brokenJobFunctionsFailNamingTheStepAsInTheOracle() {
        Trace trace = ContractTraces.builder().add(5 * S, 5 * S, ContractTraces.BID, 1, 1)
                .add(6 * S, 6 * S, ContractTraces.BID, 1, 2).build();
        Job rekeys = Job.named("j", "d").keyBy(Row::key).map("shift", r -> r.withKey(r.key() + 1))
                .window(Windows.global()).aggregate(org.flowlab.sim.job.aggregate.Aggregates.count()).build();
        assertThatThrownBy(() -> StreamEngine.run(rekeys, trace, StreamConfig.defaults()))
                .hasMessage("job j: map 'shift' changed the key of a keyed row (1 to 2); put a keyBy after it instead");
        Job pastTimer = Job.named("j", "d").keyBy(Row::key)
                .process("p", () -> (row, ctx) -> ctx.registerTimer(row.eventTime() - 1)).build();
        assertThatThrownBy(() -> StreamEngine.run(pastTimer, trace, StreamConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job j: process 'p' registered a timer at 4999999999 for key 1, before the current time 5000000000");
        Job emitsTooEarly = Job.named("j", "d").keyBy(Row::key).process("p", () -> (row, ctx) -> ctx.emit(1L))
                .keyBy(Row::key).window(Windows.global()).aggregate(org.flowlab.sim.job.aggregate.Aggregates.count()).build();
        assertThatThrownBy(() -> StreamEngine.run(emitsTooEarly, trace, StreamConfig.defaults()))
                .hasMessage("job j: process 'p' called emit() but is not the job's last step; use forward(row) to pass rows on");
    }
}
