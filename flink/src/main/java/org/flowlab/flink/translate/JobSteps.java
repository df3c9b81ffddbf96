package org.flowlab.flink.translate;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.flowlab.flink.JobRecipe;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.Operator;

/**
 * Steps {@code [from, to)} of a job, as a Flink operator carries them: the recipe and the positions,
 * with the job rebuilt on first use in each task (its lambdas cannot be serialized). The step names
 * seen when the program was translated are kept and checked, so a recipe that builds a different
 * job in the task fails at once instead of computing something else.
 */
final class JobSteps implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JobRecipe recipe;
    private final int from;
    private final int to;
    private final List<String> names;
    private transient Job job;

    JobSteps(JobRecipe recipe, Job translated, int from, int to) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
        if (from < 0 || to < from || to > translated.operators().size()) {
            throw new IllegalArgumentException("steps [" + from + ", " + to + ") of a job with "
                    + translated.operators().size() + " steps");
        }
        this.from = from;
        this.to = to;
        this.names = List.copyOf(translated.operators().subList(from, to).stream().map(Operator::name).toList());
    }

    /** The one step at {@code index}. */
    static JobSteps single(JobRecipe recipe, Job translated, int index) {
        return new JobSteps(recipe, translated, index, index + 1);
    }

    /** The job, built from the recipe on first use in this task. */
    Job job() {
        if (job == null) {
            Job built = recipe.build();
            List<Operator> ops = built.operators();
            for (int i = from; i < to; i++) {
                if (i >= ops.size() || !ops.get(i).name().equals(names.get(i - from))) {
                    throw new IllegalStateException("the recipe " + recipe + " built a different job in a Flink task: step "
                            + (i + 1) + " should be '" + names.get(i - from) + "' (recipes must build the same job every time)");
                }
            }
            job = built;
        }
        return job;
    }

    /** The steps, in order. */
    List<Operator> operators() {
        return job().operators().subList(from, to);
    }

    /** The first (for a single step, the only) step. */
    Operator first() {
        return job().operators().get(from);
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    /** Whether the steps run to the end of the job. */
    boolean reachEnd() {
        return to == job().operators().size();
    }

    @Override
    public String toString() {
        return recipe + " steps " + names;
    }
}
