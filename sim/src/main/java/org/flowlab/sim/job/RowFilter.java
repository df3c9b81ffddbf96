package org.flowlab.sim.job;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.flowlab.workloads.TraceSchema;

/**
 * Which trace events enter a job. Kinds are named ({@code kind("bid")}), and a job is written
 * before it meets a trace, so a filter is bound to the trace's schema when a run starts; naming a
 * kind the schema lacks fails there, with the kinds it has.
 */
public interface RowFilter {

    /** Every event enters. */
    RowFilter ALL = new RowFilter() {
        @Override
        public RowPredicate bind(TraceSchema schema) {
            return row -> true;
        }

        @Override
        public String toString() {
            return "all";
        }
    };

    /**
     * The predicate to apply to source rows of a trace with this schema.
     *
     * @throws IllegalArgumentException if the filter names something the schema does not have
     */
    RowPredicate bind(TraceSchema schema);

    /** Events of any of the named kinds. */
    static RowFilter kind(String... names) {
        List<String> wanted = List.of(names);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("kind(...): name at least one event kind");
        }
        return new RowFilter() {
            @Override
            public RowPredicate bind(TraceSchema schema) {
                boolean[] accepted = new boolean[schema.kinds().size()];
                for (String name : wanted) {
                    int index = schema.kindIndex(name);
                    if (index < 0) {
                        throw new IllegalArgumentException("source: kind '" + name
                                + "' is not in the trace's kinds " + schema.kinds());
                    }
                    accepted[index] = true;
                }
                return row -> row.kind() >= 0 && row.kind() < accepted.length && accepted[row.kind()];
            }

            @Override
            public String toString() {
                return "kind" + Arrays.toString(names);
            }
        };
    }

    /** Events for which {@code predicate} holds, whatever the schema. */
    static RowFilter where(String description, RowPredicate predicate) {
        Objects.requireNonNull(predicate, "predicate");
        return new RowFilter() {
            @Override
            public RowPredicate bind(TraceSchema schema) {
                return predicate;
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** Events that pass both filters. */
    default RowFilter and(RowFilter other) {
        RowFilter self = this;
        return new RowFilter() {
            @Override
            public RowPredicate bind(TraceSchema schema) {
                RowPredicate a = self.bind(schema);
                RowPredicate b = other.bind(schema);
                return row -> a.test(row) && b.test(row);
            }

            @Override
            public String toString() {
                return self + " and " + other;
            }
        };
    }
}
