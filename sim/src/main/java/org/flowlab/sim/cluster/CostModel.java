package org.flowlab.sim.cluster;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.WorkloadSpec;
import org.flowlab.workloads.spec.SpecReader;

/**
 * The virtual time, in nanoseconds, that each step of work costs. Engines charge these and nothing
 * else; the defaults, with where each number comes from, are in the commented resource
 * {@code cost-model.json} ({@link #defaults()}), and a cost profile of the same shape may override
 * any of them ({@link #withOverrides}).
 *
 * @param recordNanos                stream: per record per stateless step (source read, filter, map)
 * @param keyByNanos                 stream: per record at a keyBy (hash and serialise)
 * @param networkHopNanos            stream: transit of an element between two tasks
 * @param stateAccessNanos           stream: per keyed-state access
 * @param windowResultNanos          stream: per window result emitted
 * @param sinkWriteNanos             stream: per output written by a sink
 * @param checkpointBaseNanos        stream: per task per checkpoint
 * @param checkpointPerEntryNanos    stream: per state entry snapshotted
 * @param checkpointCoordinatorNanos stream: the checkpoint coordinator's round trip
 * @param batchRunStartupNanos       batch: start-up of one run on a running cluster
 * @param batchTaskOverheadNanos     batch: per task
 * @param batchRecordNanos           batch: per record read and processed
 * @param batchShuffleRecordNanos    batch: per record shuffled
 * @param batchCommitNanos           batch: committing a run's output
 * @param clusterStartupNanos        batch: starting an ephemeral cluster
 */
public record CostModel(
        long recordNanos,
        long keyByNanos,
        long networkHopNanos,
        long stateAccessNanos,
        long windowResultNanos,
        long sinkWriteNanos,
        long checkpointBaseNanos,
        long checkpointPerEntryNanos,
        long checkpointCoordinatorNanos,
        long batchRunStartupNanos,
        long batchTaskOverheadNanos,
        long batchRecordNanos,
        long batchShuffleRecordNanos,
        long batchCommitNanos,
        long clusterStartupNanos) {

    /** Where the defaults live, on the class path. */
    public static final String RESOURCE = "/cost-model.json";

    /** The JSON fields of the {@code stream} object, in the order of the record's components. */
    static final List<String> STREAM_FIELDS = List.of("record", "keyBy", "networkHop", "stateAccess",
            "windowResult", "sinkWrite", "checkpointBase", "checkpointPerEntry", "checkpointCoordinator");
    /** The JSON fields of the {@code batch} object, in the order of the record's components. */
    static final List<String> BATCH_FIELDS = List.of("runStartup", "taskOverhead", "record", "shuffleRecord",
            "commit", "clusterStartup");

    // Parsed once: the resource never changes while the JVM runs, and a record is immutable.
    private static final CostModel DEFAULTS = load();

    public CostModel {
        long[] all = {recordNanos, keyByNanos, networkHopNanos, stateAccessNanos, windowResultNanos,
                sinkWriteNanos, checkpointBaseNanos, checkpointPerEntryNanos, checkpointCoordinatorNanos,
                batchRunStartupNanos, batchTaskOverheadNanos, batchRecordNanos, batchShuffleRecordNanos,
                batchCommitNanos, clusterStartupNanos};
        for (int i = 0; i < all.length; i++) {
            if (all[i] < 0) {
                String field = i < STREAM_FIELDS.size() ? "stream." + STREAM_FIELDS.get(i)
                        : "batch." + BATCH_FIELDS.get(i - STREAM_FIELDS.size());
                throw new InvalidInputException("cost model: " + field + " must be a duration >= 0 (got " + all[i] + " ns)");
            }
        }
    }

    /** The documented defaults of {@code cost-model.json}. */
    public static CostModel defaults() {
        return DEFAULTS;
    }

    /** Every cost zero: results without any time passing, for lessons that isolate one effect. */
    public static CostModel free() {
        return new CostModel(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * A complete cost model: an object with {@code stream} and {@code batch} objects holding every
     * field (an optional {@code description} aside); a missing or unknown field is an error naming it.
     */
    public static CostModel fromJson(SpecReader reader) {
        reader.rejectUnknown("description", "stream", "batch");
        SpecReader stream = reader.object("stream").rejectUnknown(STREAM_FIELDS);
        SpecReader batch = reader.object("batch").rejectUnknown(BATCH_FIELDS);
        long[] s = new long[STREAM_FIELDS.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = stream.durationOrZero(STREAM_FIELDS.get(i));
        }
        long[] b = new long[BATCH_FIELDS.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = batch.durationOrZero(BATCH_FIELDS.get(i));
        }
        return fromArrays(s, b);
    }

    /** This model with the fields that {@code profile} sets replaced; the others stay. */
    public CostModel withOverrides(SpecReader profile) {
        profile.rejectUnknown("description", "stream", "batch");
        long[] s = streamArray();
        long[] b = batchArray();
        if (profile.has("stream")) {
            SpecReader stream = profile.object("stream").rejectUnknown(STREAM_FIELDS);
            for (int i = 0; i < s.length; i++) {
                if (stream.has(STREAM_FIELDS.get(i))) {
                    s[i] = stream.durationOrZero(STREAM_FIELDS.get(i));
                }
            }
        }
        if (profile.has("batch")) {
            SpecReader batch = profile.object("batch").rejectUnknown(BATCH_FIELDS);
            for (int i = 0; i < b.length; i++) {
                if (batch.has(BATCH_FIELDS.get(i))) {
                    b[i] = batch.durationOrZero(BATCH_FIELDS.get(i));
                }
            }
        }
        return fromArrays(s, b);
    }

    /** The fields by their JSON path ({@code stream.record} …), nanoseconds, in file order. */
    public Map<String, Long> asMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        long[] s = streamArray();
        for (int i = 0; i < s.length; i++) {
            m.put("stream." + STREAM_FIELDS.get(i), s[i]);
        }
        long[] b = batchArray();
        for (int i = 0; i < b.length; i++) {
            m.put("batch." + BATCH_FIELDS.get(i), b[i]);
        }
        return m;
    }

    public CostModel withRecordNanos(long v) {
        long[] s = streamArray();
        s[0] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withKeyByNanos(long v) {
        long[] s = streamArray();
        s[1] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withNetworkHopNanos(long v) {
        long[] s = streamArray();
        s[2] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withStateAccessNanos(long v) {
        long[] s = streamArray();
        s[3] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withWindowResultNanos(long v) {
        long[] s = streamArray();
        s[4] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withSinkWriteNanos(long v) {
        long[] s = streamArray();
        s[5] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withCheckpointBaseNanos(long v) {
        long[] s = streamArray();
        s[6] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withCheckpointPerEntryNanos(long v) {
        long[] s = streamArray();
        s[7] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withCheckpointCoordinatorNanos(long v) {
        long[] s = streamArray();
        s[8] = v;
        return fromArrays(s, batchArray());
    }

    public CostModel withBatchRunStartupNanos(long v) {
        long[] b = batchArray();
        b[0] = v;
        return fromArrays(streamArray(), b);
    }

    public CostModel withBatchTaskOverheadNanos(long v) {
        long[] b = batchArray();
        b[1] = v;
        return fromArrays(streamArray(), b);
    }

    public CostModel withBatchRecordNanos(long v) {
        long[] b = batchArray();
        b[2] = v;
        return fromArrays(streamArray(), b);
    }

    public CostModel withBatchShuffleRecordNanos(long v) {
        long[] b = batchArray();
        b[3] = v;
        return fromArrays(streamArray(), b);
    }

    public CostModel withBatchCommitNanos(long v) {
        long[] b = batchArray();
        b[4] = v;
        return fromArrays(streamArray(), b);
    }

    public CostModel withClusterStartupNanos(long v) {
        long[] b = batchArray();
        b[5] = v;
        return fromArrays(streamArray(), b);
    }

    private long[] streamArray() {
        return new long[]{recordNanos, keyByNanos, networkHopNanos, stateAccessNanos, windowResultNanos,
                sinkWriteNanos, checkpointBaseNanos, checkpointPerEntryNanos, checkpointCoordinatorNanos};
    }

    private long[] batchArray() {
        return new long[]{batchRunStartupNanos, batchTaskOverheadNanos, batchRecordNanos, batchShuffleRecordNanos,
                batchCommitNanos, clusterStartupNanos};
    }

    private static CostModel fromArrays(long[] s, long[] b) {
        return new CostModel(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], b[0], b[1], b[2], b[3], b[4], b[5]);
    }

    private static CostModel load() {
        try (InputStream in = CostModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            JsonObject json = WorkloadSpec.parseObject("cost-model.json", text);
            return fromJson(new SpecReader("cost-model.json", json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
