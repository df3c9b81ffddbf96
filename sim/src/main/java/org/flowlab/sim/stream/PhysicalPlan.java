package org.flowlab.sim.stream;

import java.util.ArrayList;
import java.util.List;
import org.flowlab.sim.job.Job;
import org.flowlab.sim.job.KeyBy;
import org.flowlab.sim.job.KeyedProcess;
import org.flowlab.sim.job.Operator;
import org.flowlab.sim.job.WindowAggregate;

/**
 * A job's chain cut at each keyBy into stages, as Flink chains operators: stage 0 is the sources
 * with the stateless steps before the first keyBy; each later stage runs the steps after a keyBy,
 * at most one of them stateful. The keyBy that ends a stage is run by its sender, which routes each
 * row by the hash of its new key; the sink is chained into the last stage.
 */
final class PhysicalPlan {
    final Job job;
    final Operator[] ops;
    /** Stage s runs the steps with index in [from[s], to[s]); a stage's last step may be the keyBy that routes. */
    final int[] from;
    final int[] to;
    /** The stateful step of each stage, or -1. */
    final int[] stateful;
    /** The job's last stateful step, or -1 for a stateless job. */
    final int lastStateful;
    /** The first stage that runs a stateful step (where source rows are judged for lateness), or -1. */
    final int firstStatefulStage;

    PhysicalPlan(Job job) {
        this.job = job;
        this.ops = job.operators().toArray(new Operator[0]);
        List<int[]> segments = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] instanceof KeyBy) {
                segments.add(new int[]{start, i + 1});
                start = i + 1;
            }
        }
        segments.add(new int[]{start, ops.length});
        int n = segments.size();
        from = new int[n];
        to = new int[n];
        stateful = new int[n];
        for (int s = 0; s < n; s++) {
            from[s] = segments.get(s)[0];
            to[s] = segments.get(s)[1];
            stateful[s] = -1;
            for (int i = from[s]; i < to[s]; i++) {
                if (ops[i].stateful()) {
                    stateful[s] = i;
                }
            }
        }
        int first = -1;
        for (int st = 0; st < stateful.length && first < 0; st++) {
            if (stateful[st] >= 0) {
                first = st;
            }
        }
        firstStatefulStage = first;
        lastStateful = job.lastStatefulIndex();
    }

    int stages() {
        return from.length;
    }

    /** Whether the job's outputs come from a window aggregate (event-time latency applies). */
    boolean outputsWindows() {
        return lastStateful >= 0 && ops[lastStateful] instanceof WindowAggregate;
    }

    /** Whether the job's outputs come from a keyed process function (detection latency applies). */
    boolean outputsDetections() {
        return lastStateful >= 0 && ops[lastStateful] instanceof KeyedProcess;
    }
}
