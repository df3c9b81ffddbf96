package org.flowlab.sim.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FaultPlanProperties {

    @Provide
    Arbitrary<FaultPlan> plans() {
        Arbitrary<Long> times = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 10_000_000_000_000L),
                Arbitraries.longs().between(0, 1_000).map(s -> s * 1_000_000_000L));
        Arbitrary<Fault> crash = Combinators.combine(Arbitraries.integers().between(0, 50), times, times)
                .as(WorkerCrash::new);
        Arbitrary<Fault> taskFail = Arbitraries.oneOf(
                Arbitraries.longs().between(RandomTaskFailures.MIN_MTBF, 10_000_000_000_000L).map(RandomTaskFailures::new),
                Combinators.combine(Arbitraries.integers().between(0, 50), times).as(TaskFailure::new));
        Arbitrary<Fault> slow = Combinators.combine(Arbitraries.integers().between(0, 50),
                Arbitraries.oneOf(Arbitraries.doubles().between(1, 100).ofScale(9), Arbitraries.integers().between(1, 10).map(i -> (double) i)),
                times, Arbitraries.longs().between(1, 1_000_000_000_000L))
                .as((w, f, from, len) -> new SlowWorker(w, f, from, from + len));
        Arbitrary<Fault> stall = Combinators.combine(times, Arbitraries.longs().between(1, 1_000_000_000_000L))
                .as((from, len) -> new SourceStall(from, from + len));
        Arbitrary<List<Fault>> faults = Arbitraries.oneOf(crash, taskFail, slow, stall).list().ofMaxSize(6);
        return faults.map(FaultPlan::new);
    }

    @Property(tries = 300)
    void theTextFormReadsBackToTheSamePlan(@ForAll("plans") FaultPlan plan) {
        String text = plan.toString();
        assertThat(FaultPlan.parse(text)).isEqualTo(plan);
        assertThat(FaultPlan.parse(text).toString()).isEqualTo(text);
    }
}
