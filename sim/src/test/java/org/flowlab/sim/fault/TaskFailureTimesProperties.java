package org.flowlab.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Task failures are the same events whoever asks, in whatever order: every engine meets the same ones. */
class TaskFailureTimesProperties {
    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;

    /** Every failure of {@code worker} from 0 to {@code until}, by walking the times. */
    private static List<Long> walk(TaskFailureTimes times, int worker, long until) {
        List<Long> out = new ArrayList<>();
        long t = 0;
        while (true) {
            long next = times.nextAtOrAfter(worker, t);
            if (next > until) {
                return out;
            }
            out.add(next);
            t = next + 1;
        }
    }

    @Property(tries = 50)
    void theTimesDoNotDependOnWhoAsksOrInWhatOrder(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int workers,
                                                   @ForAll @LongRange(min = 1, max = 30) long mtbfMinutes) {
        FaultPlan plan = FaultPlan.of(new RandomTaskFailures(mtbfMinutes * MIN), new TaskFailure(0, 17 * S));
        TaskFailureTimes inOrder = plan.taskFailureTimes(workers, seed);
        TaskFailureTimes shuffled = plan.taskFailureTimes(workers, seed);
        long horizon = 200 * MIN;
        List<long[]> questions = new ArrayList<>();
        Random pick = new Random(seed);
        for (int i = 0; i < 300; i++) {
            questions.add(new long[]{pick.nextInt(workers), (long) (pick.nextDouble() * horizon)});
        }
        List<long[]> sorted = new ArrayList<>(questions);
        sorted.sort((a, b) -> Long.compare(a[1], b[1]));
        Collections.shuffle(questions, pick);
        for (long[] q : sorted) {
            inOrder.nextAtOrAfter((int) q[0], q[1]);
        }
        for (long[] q : questions) {
            assertThat(shuffled.nextAtOrAfter((int) q[0], q[1])).isEqualTo(inOrder.nextAtOrAfter((int) q[0], q[1]));
        }
        // A bigger cluster draws the same times for the workers both have.
        TaskFailureTimes bigger = plan.taskFailureTimes(workers + 3, seed);
        for (int w = 0; w < workers; w++) {
            assertThat(walk(bigger, w, horizon)).isEqualTo(walk(inOrder, w, horizon));
        }
    }

    @Property(tries = 30)
    void aGivenFailureIsMetExactlyAndTheRandomOnesAreIncreasing(@ForAll long seed, @ForAll @LongRange(min = 0, max = 100_000) long atMs) {
        long at = atMs * 1_000_000L;
        FaultPlan plan = FaultPlan.of(new TaskFailure(1, at), new RandomTaskFailures(10 * S));
        TaskFailureTimes times = plan.taskFailureTimes(2, seed);
        assertThat(times.nextAtOrAfter(1, at)).isEqualTo(at);
        assertThat(times.nextAtOrAfter(1, 0)).isLessThanOrEqualTo(at);
        List<Long> w0 = walk(times, 0, 1000 * S);
        assertThat(w0).isSorted().doesNotHaveDuplicates();
        assertThat(walk(times, 1, 1000 * S)).contains(at);
    }

    /**
     * The random failures are a Poisson process with the given mean: over 10,000 gaps the mean is
     * within 5 % of the mtbf (its standard error is 1 %, so this fails by chance with probability
     * below 1e-6 per try) and about a third of the gaps are longer than 1.1 mtbf (e^-1.1 = 0.333).
     */
    @Property(tries = 10)
    void theGapsAreExponentialWithTheMeanGiven(@ForAll long seed) {
        long mtbf = 2 * 3600 * S;
        TaskFailureTimes times = FaultPlan.of(new RandomTaskFailures(mtbf)).taskFailureTimes(1, seed);
        long t = 0;
        long previous = 0;
        double sum = 0;
        int longer = 0;
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            long next = times.nextAtOrAfter(0, t);
            long gap = next - previous;
            sum += gap;
            if (gap > 1.1 * mtbf) {
                longer++;
            }
            previous = next;
            t = next + 1;
        }
        assertThat(sum / n / mtbf).isBetween(0.95, 1.05);
        assertThat(longer / (double) n).isBetween(0.31, 0.36);
    }

    @Test
    void twoRandomPartsAddTheirRatesAndAPlanWithoutTaskFailuresHasNone() {
        TaskFailureTimes none = FaultPlan.parse("crash:worker=0@1s").taskFailureTimes(2, 1);
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.nextAtOrAfter(0, 0)).isEqualTo(Long.MAX_VALUE);
        assertThat(none.anyBetween(0, Long.MAX_VALUE - 1)).isFalse();
        TaskFailureTimes two = FaultPlan.parse("task-fail:mtbf=1h;task-fail:mtbf=1h").taskFailureTimes(1, 5);
        long t = 0;
        int n = 0;
        while ((t = two.nextAtOrAfter(0, t + 1)) <= 1000 * 3600 * S) {
            n++;
        }
        // Twice the rate of one: about 2,000 failures in 1,000 h (a standard deviation is 45).
        assertThat(n).isBetween(1800, 2200);
        assertThat(two.anyBetween(0, 100 * 3600 * S)).isTrue();
    }
}
