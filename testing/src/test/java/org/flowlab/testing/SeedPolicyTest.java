package org.flowlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * Runs small probe properties through jqwik's engine, as surefire would, in fixed and explore
 * mode, and reads what they drew from their failure messages and what was printed.
 */
class SeedPolicyTest {

    /** Fails on its first try, naming the value it drew. Not run by surefire: it skips nested classes. */
    static class DrawProbe {
        @Property(tries = 1, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
        void failsNamingWhatItDrew(@ForAll long drawn) {
            throw new AssertionError("drew " + drawn);
        }
    }

    /** The same draw with a seed written in the annotation. */
    static class SeededDrawProbe {
        @Property(tries = 1, seed = "42", edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
        void failsNamingWhatItDrew(@ForAll long drawn) {
            throw new AssertionError("drew " + drawn);
        }
    }

    /** Passes when run its own 3 tries, fails on a 30th. jqwik makes one instance per property. */
    static class TriesProbe {
        private int tries;

        @Property(tries = 3, shrinking = ShrinkingMode.OFF)
        void failsOnTheThirtiethTry(@ForAll int ignored) {
            tries++;
            if (tries == 30) {
                throw new AssertionError("reached try 30");
            }
        }

        @Example
        void anExampleRunsOnce() {
            tries++;
            if (tries > 1) {
                throw new AssertionError("an example ran twice");
            }
        }
    }

    /** A property whose coverage check never holds, which jqwik checks after the last try. */
    static class CoverageProbe {
        @Property(tries = 3)
        void neverCoversItsCase(@ForAll int ignored) {
            Statistics.label("the case").collect(false);
            Statistics.label("the case").coverage(c -> c.check(true).count(n -> n > 0));
        }
    }

    /** A property set written once, as the engine contract is, and a class that runs it. */
    interface ContractProbe {
        @Property(tries = 1, edgeCases = EdgeCasesMode.NONE, shrinking = ShrinkingMode.OFF)
        default void failsNamingWhatItDrew(@ForAll long drawn) {
            throw new AssertionError("drew " + drawn);
        }
    }

    static class ContractProbeRunner implements ContractProbe {
    }

    /** What a run of a probe class gave: its failure messages and what it printed. */
    record Outcome(List<String> failures, String printed) {
        String onlyFailure() {
            assertThat(failures).hasSize(1);
            return failures.get(0);
        }

        /** The seed the policy printed for the failing property. */
        String printedSeed() {
            Matcher m = Pattern.compile("failed with seed (-?\\d+)").matcher(printed);
            assertThat(m.find()).as("printed: %s", printed).isTrue();
            return m.group(1);
        }
    }

    @Test
    void fixedSeedsDrawTheSameOnEveryRunAndAreDerivedFromTheName() {
        Outcome first = run(DrawProbe.class, Map.of());
        Outcome second = run(DrawProbe.class, Map.of());
        assertThat(second.onlyFailure()).isEqualTo(first.onlyFailure());
        long derived = SeedPolicy.derivedSeed(DrawProbe.class.getName() + "#failsNamingWhatItDrew");
        assertThat(first.printedSeed()).isEqualTo(Long.toString(derived));
        // jqwik's own report: the seed it used, and no stored failure replayed first.
        assertThat(first.printed()).contains("seed = " + derived).contains("after-failure = RANDOM_SEED");
    }

    @Test
    void exploreDrawsFreshSeedsAndAPrintedSeedDrawsTheSameAgain() {
        Map<String, String> explore = Map.of(PropertyRunSettings.MODE, "explore");
        Outcome first = run(DrawProbe.class, explore);
        Outcome second = run(DrawProbe.class, explore);
        assertThat(second.onlyFailure()).isNotEqualTo(first.onlyFailure());
        assertThat(first.printed()).contains("[flowlab] run it again with: ./mvnw -B -ntp verify -pl testing -am -Pexplore -Dflowlab.seed="
                + first.printedSeed() + " -Dtest='DrawProbe#failsNamingWhatItDrew'");

        Outcome again = run(DrawProbe.class, Map.of(PropertyRunSettings.MODE, "explore", PropertyRunSettings.SEED, first.printedSeed()));
        assertThat(again.onlyFailure()).isEqualTo(first.onlyFailure());
        assertThat(again.printedSeed()).isEqualTo(first.printedSeed());
    }

    @Test
    void anInheritedPropertyHasTheSeedOfItsClassAndACommandThatSelectsItThere() {
        Outcome outcome = run(ContractProbeRunner.class, Map.of());
        assertThat(outcome.printedSeed())
                .isEqualTo(Long.toString(SeedPolicy.derivedSeed(ContractProbeRunner.class.getName() + "#failsNamingWhatItDrew")));
        assertThat(outcome.printed()).contains(" -Dtest='ContractProbeRunner#failsNamingWhatItDrew,ContractProbe#failsNamingWhatItDrew'");
    }

    @Test
    void aFailedCoverageCheckPrintsTheSeedToo() {
        Outcome outcome = run(CoverageProbe.class, Map.of());
        assertThat(outcome.onlyFailure()).contains("the case");
        assertThat(outcome.printedSeed())
                .isEqualTo(Long.toString(SeedPolicy.derivedSeed(CoverageProbe.class.getName() + "#neverCoversItsCase")));
    }

    @Test
    void aGivenSeedDrawsWhatTheSameSeedInTheAnnotationDraws() {
        assertThat(run(DrawProbe.class, Map.of(PropertyRunSettings.SEED, "42")).onlyFailure())
                .isEqualTo(run(SeededDrawProbe.class, Map.of()).onlyFailure());
        // A seed in the annotation is kept, whatever the mode or a given seed. (Explore's tries are
        // compared with explore's: jqwik sizes what it draws by the number of tries.)
        assertThat(run(SeededDrawProbe.class, Map.of(PropertyRunSettings.MODE, "explore", PropertyRunSettings.SEED, "7")).onlyFailure())
                .isEqualTo(run(DrawProbe.class, Map.of(PropertyRunSettings.MODE, "explore", PropertyRunSettings.SEED, "42")).onlyFailure());
    }

    @Test
    void exploreRunsTenTimesTheTriesAndExamplesOnce() {
        assertThat(run(TriesProbe.class, Map.of()).failures()).isEmpty();
        assertThat(run(TriesProbe.class, Map.of(PropertyRunSettings.MODE, "explore")).onlyFailure()).isEqualTo("reached try 30");
        assertThat(run(TriesProbe.class, Map.of(PropertyRunSettings.MODE, "explore", PropertyRunSettings.TRIES_FACTOR, "9"))
                .failures()).isEmpty();
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> PropertyRunSettings.from(Map.of(PropertyRunSettings.MODE, "random")::get))
                .hasMessage("flowlab.properties must be fixed or explore (got \"random\")");
        assertThatThrownBy(() -> PropertyRunSettings.from(Map.of(PropertyRunSettings.SEED, "0x12")::get))
                .hasMessage("flowlab.seed must be a whole number (got \"0x12\")");
        assertThatThrownBy(() -> PropertyRunSettings.from(Map.of(PropertyRunSettings.TRIES_FACTOR, "0")::get))
                .hasMessage("flowlab.tries-factor must be at least 1 (got 0)");
    }

    /**
     * Runs the probe's properties through jqwik's engine with these system properties set (and the
     * policy's three unset otherwise), and collects the failures and what was printed meanwhile.
     */
    private static Outcome run(Class<?> probe, Map<String, String> properties) {
        Map<String, String> saved = new HashMap<>();
        for (String name : List.of(PropertyRunSettings.MODE, PropertyRunSettings.TRIES_FACTOR, PropertyRunSettings.SEED)) {
            saved.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
        properties.forEach(System::setProperty);
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<String> failures = new ArrayList<>();
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(probe))
                    .filters(EngineFilter.includeEngines("jqwik"))
                    .build();
            LauncherFactory.create().execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failures.add(result.getThrowable().map(Throwable::getMessage).orElse(result.getStatus().toString()));
                    }
                }
            });
        } finally {
            System.setOut(out);
            saved.forEach((name, value) -> {
                if (value == null) {
                    System.clearProperty(name);
                } else {
                    System.setProperty(name, value);
                }
            });
        }
        return new Outcome(failures, printed.toString(StandardCharsets.UTF_8));
    }
}
