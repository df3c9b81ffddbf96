package org.flowlab.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.GeneratorFunction;

/**
 * How the trace reaches a job's source tasks. To a remote cluster it travels inside the job: each
 * source's generator function, which holds the trace's columns, is serialized with the job graph
 * ({@link #SHIPPED}). A job on a MiniCluster in this JVM reads it where it is ({@link #inThisJvm()}):
 * the job carries a number, and its tasks find the function by it, as Flowlab's engines are handed
 * the trace; otherwise submitting a job of a million events serialized and uploaded some 50 MB,
 * counted in Flink's time, which the harness, not Flink, had made.
 */
public interface SourceData extends AutoCloseable {

    /** Every function travels inside the job. */
    SourceData SHIPPED = new SourceData() {
        @Override
        public <O> GeneratorFunction<Long, O> of(GeneratorFunction<Long, O> function) {
            return function;
        }

        @Override
        public void close() {
        }
    };

    /**
     * The function a source of the job uses for {@code function}'s rows. Held in this JVM, one
     * instance serves every source subtask: it must be pure (row {@code i} from the trace's columns,
     * as {@code TraceRows} and {@code TableRows} are), needing no {@code open} or {@code close}.
     */
    <O> GeneratorFunction<Long, O> of(GeneratorFunction<Long, O> function);

    /** The job has ended: the functions held for it are let go. */
    @Override
    void close();

    /** Functions held in this JVM until {@link #close()}, for jobs on a MiniCluster here. */
    static SourceData inThisJvm() {
        return new HeldInThisJvm();
    }

    /** The functions held, by number, and the numbers of one job's. */
    final class HeldInThisJvm implements SourceData {
        private static final Map<Long, GeneratorFunction<Long, ?>> HELD = new ConcurrentHashMap<>();
        private static final AtomicLong NEXT = new AtomicLong();

        private final List<Long> mine = new ArrayList<>();

        private HeldInThisJvm() {
        }

        @Override
        public synchronized <O> GeneratorFunction<Long, O> of(GeneratorFunction<Long, O> function) {
            long id = NEXT.incrementAndGet();
            HELD.put(id, function);
            mine.add(id);
            return new Handle<>(id);
        }

        /** How many functions are held, for every job in this JVM. */
        static int heldCount() {
            return HELD.size();
        }

        @Override
        public synchronized void close() {
            mine.forEach(HELD::remove);
            mine.clear();
        }

        /** What the job carries: the number of a function held in this JVM, found when its source task opens. */
        private static final class Handle<O> implements GeneratorFunction<Long, O> {
            private static final long serialVersionUID = 1L;
            private final long id;
            private transient GeneratorFunction<Long, O> function;

            Handle(long id) {
                this.id = id;
            }

            @Override
            @SuppressWarnings("unchecked")
            public void open(SourceReaderContext context) {
                function = (GeneratorFunction<Long, O>) HELD.get(id);
                if (function == null) {
                    throw new IllegalStateException("source data " + id + " is not held in this JVM: a job that reads"
                            + " its trace in this JVM ran elsewhere, or after its run had ended");
                }
            }

            @Override
            public O map(Long index) throws Exception {
                return function.map(index);
            }
        }
    }
}
