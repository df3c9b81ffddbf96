package org.flowlab.sim.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.flowlab.sim.job.aggregate.AggregateFunction;

/**
 * A job: which trace events enter it, and a linear chain of steps; the last step's results are the
 * job's outputs. A plain value, written once and run by every engine and by the reference oracle:
 * <pre>{@code
 * Job q7 = Job.named("q7", "highest bid per 10 s window")
 *         .from(RowFilter.kind("bid"))
 *         .keyBy(Row::attr1)
 *         .window(Windows.tumbling("10s"))
 *         .aggregate(Aggregates.max())
 *         .build();
 * }</pre>
 * What the outputs are:
 * <ul>
 *   <li>the last step is a window aggregate: its results, at {@link ResultKey#window};</li>
 *   <li>the last step is a process function: what it emits or forwards, at {@link ResultKey#at};</li>
 *   <li>only stateless steps follow the last stateful one: the rows that come out, each at the
 *       output key of the stateful result it derives from;</li>
 *   <li>no stateful step at all: every row that comes out, at {@link ResultKey#row}.</li>
 * </ul>
 * The constructor checks the chain and throws {@link IllegalArgumentException} with a one-line
 * message; callers that take jobs from users wrap it.
 *
 * @param name        short name, for example {@code q7}
 * @param description one line saying what it computes
 * @param source      which trace events enter
 * @param operators   the steps, in order
 */
public record Job(String name, String description, RowFilter source, List<Operator> operators) {

    public Job {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a job needs a name (got " + (name == null ? "none" : "'" + name + "'") + ")");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, () -> "job " + name + ": source is null (use RowFilter.ALL)");
        Objects.requireNonNull(operators, "operators");
        List<Operator> ops = new ArrayList<>(operators.size());
        Set<String> names = new HashSet<>();
        boolean keyed = false;
        Operator previousStateful = null;
        for (int i = 0; i < operators.size(); i++) {
            Operator op = operators.get(i);
            if (op == null) {
                throw new IllegalArgumentException("job " + name + ": step " + (i + 1) + " is null");
            }
            if (op.name().isBlank()) {
                throw new IllegalArgumentException("job " + name + ": step " + (i + 1) + " has a blank name");
            }
            if (!names.add(op.name())) {
                throw new IllegalArgumentException("job " + name + ": two steps are named '" + op.name() + "'; names must be unique");
            }
            if (op instanceof KeyBy) {
                keyed = true;
            } else if (op.stateful()) {
                if (!keyed) {
                    throw new IllegalArgumentException("job " + name + ": " + op + " must follow a keyBy"
                            + (previousStateful == null ? "" : " after " + previousStateful)
                            + " (add .keyBy(...) before it)");
                }
                keyed = false;
                previousStateful = op;
            }
            ops.add(op);
        }
        operators = List.copyOf(ops);
    }

    /** Starts a job with the fluent {@link Builder}. */
    public static Builder named(String name, String description) {
        return new Builder(name, description);
    }

    /** Whether the job has no window and no process function (then it outputs one result per row). */
    public boolean stateless() {
        return lastStatefulIndex() < 0;
    }

    /** The position of the last stateful step, or -1. */
    public int lastStatefulIndex() {
        for (int i = operators.size() - 1; i >= 0; i--) {
            if (operators.get(i).stateful()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether step {@code index} is the last one, whose results are the job's outputs. */
    public boolean isLast(int index) {
        return index == operators.size() - 1;
    }

    /** For example {@code q7 (highest bid per 10 s window): kind[bid] → keyBy 'keyBy' → window 'max' (max per tumbling(10 s))}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(" (").append(description).append("): ").append(source);
        for (Operator op : operators) {
            s.append(" → ").append(op);
        }
        return s.toString();
    }

    /**
     * Builds a job step by step. {@code window(...)} must be followed by {@code aggregate(...)};
     * everything else is checked when {@link #build()} makes the {@link Job}.
     */
    public static final class Builder {
        private final String name;
        private final String description;
        private RowFilter source = RowFilter.ALL;
        private final List<Operator> operators = new ArrayList<>();
        private final Set<String> usedNames = new HashSet<>();
        private WindowAssigner pendingWindow;

        private Builder(String name, String description) {
            this.name = name;
            this.description = description;
        }

        /** Which trace events enter; all of them unless set. */
        public Builder from(RowFilter filter) {
            this.source = Objects.requireNonNull(filter, "filter");
            return this;
        }

        public Builder filter(RowPredicate predicate) {
            return filter(autoName("filter"), predicate);
        }

        public Builder filter(String stepName, RowPredicate predicate) {
            return then(new Filter(stepName, predicate));
        }

        public Builder map(RowFunction function) {
            return map(autoName("map"), function);
        }

        public Builder map(String stepName, RowFunction function) {
            return then(new MapRow(stepName, function));
        }

        public Builder keyBy(KeySelector selector) {
            return keyBy(autoName("keyBy"), selector);
        }

        public Builder keyBy(String stepName, KeySelector selector) {
            return then(new KeyBy(stepName, selector));
        }

        /** Windows the keyed rows; the next call must be {@code aggregate(...)}. */
        public Builder window(WindowAssigner window) {
            requireNoPendingWindow("window(" + window + ")");
            this.pendingWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Aggregates the pending window; a numeric result becomes the value of the row passed on. */
        public Builder aggregate(AggregateFunction<?, ?> aggregate) {
            return aggregate(aggregate, ResultMapper.NUMERIC);
        }

        public Builder aggregate(AggregateFunction<?, ?> aggregate, ResultMapper toRow) {
            String stepName = autoName(String.valueOf(aggregate));
            return aggregate(stepName, aggregate, toRow);
        }

        public Builder aggregate(String stepName, AggregateFunction<?, ?> aggregate, ResultMapper toRow) {
            if (pendingWindow == null) {
                throw new IllegalArgumentException("job " + name + ": aggregate(" + aggregate
                        + ") needs a window: call .window(...) before it");
            }
            WindowAssigner w = pendingWindow;
            pendingWindow = null;
            return then(new WindowAggregate(stepName, w, aggregate, toRow));
        }

        public Builder process(Supplier<? extends KeyedProcessFunction> function) {
            return process(autoName("process"), function);
        }

        public Builder process(String stepName, Supplier<? extends KeyedProcessFunction> function) {
            return then(new KeyedProcess(stepName, function));
        }

        /** Appends any step. */
        public Builder then(Operator operator) {
            requireNoPendingWindow(String.valueOf(operator));
            operators.add(Objects.requireNonNull(operator, "operator"));
            usedNames.add(operator.name());
            return this;
        }

        /** The job; throws {@link IllegalArgumentException} naming the first problem. */
        public Job build() {
            requireNoPendingWindow("build()");
            return new Job(name, description, source, operators);
        }

        private void requireNoPendingWindow(String next) {
            if (pendingWindow != null) {
                throw new IllegalArgumentException("job " + name + ": window " + pendingWindow
                        + " has no aggregate: call .aggregate(...) right after .window(...), before " + next);
            }
        }

        private String autoName(String base) {
            String candidate = base;
            for (int i = 2; usedNames.contains(candidate); i++) {
                candidate = base + "-" + i;
            }
            return candidate;
        }
    }
}
