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
 * @param microBatchStartupNanos     micro-batch: start-up of one trigger's run on a running query
 * @param microBatchTaskOverheadNanos micro-batch: per task, on warm executors
 * @param microBatchCommitNanos      micro-batch: committing one trigger (offset and commit logs, sink)
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
        long clusterStartupNanos,
        long microBatchStartupNanos,
        long microBatchTaskOverheadNanos,
        long microBatchCommitNanos) {

    /** Where the defaults live, on the class path. */
    public static final String RESOURCE = "/cost-model.json";

    /** The JSON fields of the {@code stream} object, in the order of the record's components. */
    static final List<String> STREAM_FIELDS = List.of("record", "keyBy", "networkHop", "stateAccess",
            "windowResult", "sinkWrite", "checkpointBase", "checkpointPerEntry", "checkpointCoordinator");
    /** The JSON fields of the {@code batch} object, in the order of the record's components. */
    static final List<String> BATCH_FIELDS = List.of("runStartup", "taskOverhead", "record", "shuffleRecord",
            "commit", "clusterStartup");
    /** The JSON fields of the {@code microBatch} object, in the order of the record's components. */
    static final List<String> MICRO_BATCH_FIELDS = List.of("runStartup", "taskOverhead", "commit");

    /** The top-level objects of a cost model file. */
    private static final List<String> SECTIONS = List.of("description", "stream", "batch", "microBatch");

    // Parsed once: the resource never changes while the JVM runs, and a record is immutable.
    private static final CostModel DEFAULTS = load();

    public CostModel {
        long[] all = {recordNanos, keyByNanos, networkHopNanos, stateAccessNanos, windowResultNanos,
                sinkWriteNanos, checkpointBaseNanos, checkpointPerEntryNanos, checkpointCoordinatorNanos,
                batchRunStartupNanos, batchTaskOverheadNanos, batchRecordNanos, batchShuffleRecordNanos,
                batchCommitNanos, clusterStartupNanos, microBatchStartupNanos, microBatchTaskOverheadNanos,
                microBatchCommitNanos};
        for (int i = 0; i < all.length; i++) {
            if (all[i] < 0) {
                int b = i - STREAM_FIELDS.size();
                int m = b - BATCH_FIELDS.size();
                String field = b < 0 ? "stream." + STREAM_FIELDS.get(i)
                        : m < 0 ? "batch." + BATCH_FIELDS.get(b) : "microBatch." + MICRO_BATCH_FIELDS.get(m);
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
        return new CostModel(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * A complete cost model: an object with {@code stream}, {@code batch} and {@code microBatch}
     * objects holding every field (an optional {@code description} aside); a missing or unknown
     * field is an error naming it.
     */
    public static CostModel fromJson(SpecReader reader) {
        reader.rejectUnknown(SECTIONS);
        return fromArrays(readAll(reader.object("stream"), STREAM_FIELDS), readAll(reader.object("batch"), BATCH_FIELDS),
                readAll(reader.object("microBatch"), MICRO_BATCH_FIELDS));
    }

    private static long[] readAll(SpecReader section, List<String> fields) {
        section.rejectUnknown(fields);
        long[] out = new long[fields.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = section.durationOrZero(fields.get(i));
        }
        return out;
    }

    private static void readSome(SpecReader profile, String name, List<String> fields, long[] into) {
        if (!profile.has(name)) {
            return;
        }
        SpecReader section = profile.object(name).rejectUnknown(fields);
        for (int i = 0; i < into.length; i++) {
            if (section.has(fields.get(i))) {
                into[i] = section.durationOrZero(fields.get(i));
            }
        }
    }

    /** This model with the fields that {@code profile} sets replaced; the others stay. */
    public CostModel withOverrides(SpecReader profile) {
        profile.rejectUnknown(SECTIONS);
        long[] s = streamArray();
        long[] b = batchArray();
        long[] m = microBatchArray();
        readSome(profile, "stream", STREAM_FIELDS, s);
        readSome(profile, "batch", BATCH_FIELDS, b);
        readSome(profile, "microBatch", MICRO_BATCH_FIELDS, m);
        return fromArrays(s, b, m);
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
        long[] mb = microBatchArray();
        for (int i = 0; i < mb.length; i++) {
            m.put("microBatch." + MICRO_BATCH_FIELDS.get(i), mb[i]);
        }
        return m;
    }

    public CostModel withRecordNanos(long v) {
        long[] s = streamArray();
        s[0] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withKeyByNanos(long v) {
        long[] s = streamArray();
        s[1] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withNetworkHopNanos(long v) {
        long[] s = streamArray();
        s[2] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withStateAccessNanos(long v) {
        long[] s = streamArray();
        s[3] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withWindowResultNanos(long v) {
        long[] s = streamArray();
        s[4] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withSinkWriteNanos(long v) {
        long[] s = streamArray();
        s[5] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withCheckpointBaseNanos(long v) {
        long[] s = streamArray();
        s[6] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withCheckpointPerEntryNanos(long v) {
        long[] s = streamArray();
        s[7] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withCheckpointCoordinatorNanos(long v) {
        long[] s = streamArray();
        s[8] = v;
        return fromArrays(s, batchArray(), microBatchArray());
    }

    public CostModel withBatchRunStartupNanos(long v) {
        long[] b = batchArray();
        b[0] = v;
        return fromArrays(streamArray(), b, microBatchArray());
    }

    public CostModel withBatchTaskOverheadNanos(long v) {
        long[] b = batchArray();
        b[1] = v;
        return fromArrays(streamArray(), b, microBatchArray());
    }

    public CostModel withBatchRecordNanos(long v) {
        long[] b = batchArray();
        b[2] = v;
        return fromArrays(streamArray(), b, microBatchArray());
    }

    public CostModel withBatchShuffleRecordNanos(long v) {
        long[] b = batchArray();
        b[3] = v;
        return fromArrays(streamArray(), b, microBatchArray());
    }

    public CostModel withBatchCommitNanos(long v) {
        long[] b = batchArray();
        b[4] = v;
        return fromArrays(streamArray(), b, microBatchArray());
    }

    public CostModel withClusterStartupNanos(long v) {
        long[] b = batchArray();
        b[5] = v;
        return fromArrays(streamArray(), b, microBatchArray());
    }

    public CostModel withMicroBatchStartupNanos(long v) {
        long[] m = microBatchArray();
        m[0] = v;
        return fromArrays(streamArray(), batchArray(), m);
    }

    public CostModel withMicroBatchTaskOverheadNanos(long v) {
        long[] m = microBatchArray();
        m[1] = v;
        return fromArrays(streamArray(), batchArray(), m);
    }

    public CostModel withMicroBatchCommitNanos(long v) {
        long[] m = microBatchArray();
        m[2] = v;
        return fromArrays(streamArray(), batchArray(), m);
    }

    private long[] streamArray() {
        return new long[]{recordNanos, keyByNanos, networkHopNanos, stateAccessNanos, windowResultNanos,
                sinkWriteNanos, checkpointBaseNanos, checkpointPerEntryNanos, checkpointCoordinatorNanos};
    }

    private long[] batchArray() {
        return new long[]{batchRunStartupNanos, batchTaskOverheadNanos, batchRecordNanos, batchShuffleRecordNanos,
                batchCommitNanos, clusterStartupNanos};
    }

    private long[] microBatchArray() {
        return new long[]{microBatchStartupNanos, microBatchTaskOverheadNanos, microBatchCommitNanos};
    }

    private static CostModel fromArrays(long[] s, long[] b, long[] m) {
        return new CostModel(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], b[0], b[1], b[2], b[3], b[4], b[5],
                m[0], m[1], m[2]);
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
