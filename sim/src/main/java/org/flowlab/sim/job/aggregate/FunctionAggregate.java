package org.flowlab.sim.job.aggregate;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import org.flowlab.sim.job.Row;

/** An aggregate made of four functions and a name, which is what its {@code toString} shows. */
final class FunctionAggregate<A, R> implements AggregateFunction<A, R> {
    private final String name;
    private final Supplier<A> create;
    private final BiFunction<A, Row, A> add;
    private final BinaryOperator<A> merge;
    private final Function<A, R> result;
    private final Supplier<Fold<A>> fold;

    FunctionAggregate(String name, Supplier<A> create, BiFunction<A, Row, A> add,
                      BinaryOperator<A> merge, Function<A, R> result) {
        this(name, create, add, merge, result, () -> null);
    }

    /** With {@code fold} making the aggregate's {@link Fold}s. */
    FunctionAggregate(String name, Supplier<A> create, BiFunction<A, Row, A> add,
                      BinaryOperator<A> merge, Function<A, R> result, Supplier<Fold<A>> fold) {
        this.name = Objects.requireNonNull(name, "name");
        this.create = Objects.requireNonNull(create, "create");
        this.add = Objects.requireNonNull(add, "add");
        this.merge = Objects.requireNonNull(merge, "merge");
        this.result = Objects.requireNonNull(result, "result");
        this.fold = Objects.requireNonNull(fold, "fold");
    }

    @Override
    public A create() {
        return create.get();
    }

    @Override
    public A add(A acc, Row row) {
        return add.apply(acc, row);
    }

    @Override
    public A merge(A a, A b) {
        return merge.apply(a, b);
    }

    @Override
    public R result(A acc) {
        return result.apply(acc);
    }

    @Override
    public Fold<A> newFold() {
        return fold.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
