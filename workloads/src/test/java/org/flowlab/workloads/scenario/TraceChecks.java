package org.flowlab.workloads.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.workloads.Event;
import org.flowlab.workloads.GroundTruth;
import org.flowlab.workloads.Trace;
import org.flowlab.workloads.spec.SpecReader;

/**
 * What every catalog trace must satisfy, and each scenario's own rules (double-entry transfers,
 * labels inside episodes …), shared by the example tests and the properties.
 */
final class TraceChecks {
    private TraceChecks() {
    }

    /** Ordering, delays, dense ids, event times inside the duration. */
    static void wellFormed(Trace t) {
        long duration = t.spec().duration();
        for (int i = 0; i < t.size(); i++) {
            if (t.arrivalTime(i) < t.eventTime(i)) {
                fail("event " + i + " arrives before it happens: " + t.event(i));
            }
            if (i > 0 && t.arrivalTime(i) < t.arrivalTime(i - 1)) {
                fail("events " + (i - 1) + " and " + i + " are out of arrival order");
            }
            if (t.eventTime(i) < 0 || t.eventTime(i) >= duration) {
                fail("event " + i + " happens outside [0, " + duration + "): " + t.event(i));
            }
            if (t.event(i).id() != i) {
                fail("event " + i + " has id " + t.event(i).id());
            }
        }
    }

    /** The scenario's own rules. */
    static void scenarioRules(Trace t) {
        switch (t.spec().scenario()) {
            case "retail-etl" -> retail(t);
            case "bank-eod" -> bank(t);
            case "crm-warehouse" -> crm(t);
            case "card-fraud" -> cardFraud(t);
            case "stock-ticks" -> stockTicks(t);
            case "infra-monitoring" -> infra(t);
            default -> fail("no rules for " + t.spec().scenario());
        }
    }

    private static int keyCount(Trace t, String field) {
        return (int) t.spec().reader().object(field).integer("n", 1, Integer.MAX_VALUE);
    }

    private static boolean isCents(double v) {
        return Math.abs(v * 100 - Math.rint(v * 100)) < 1e-6;
    }

    private static void retail(Trace t) {
        int stores = keyCount(t, "stores");
        int products = keyCount(t, "products");
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.key(i)).isBetween(0L, stores - 1L);
            assertThat(t.attr1(i)).isBetween(0L, products - 1L);
            assertThat(isCents(t.value(i))).isTrue();
            if (t.kind(i) == 0) {
                assertThat(t.value(i)).isGreaterThanOrEqualTo(0.01);
            } else {
                assertThat(t.value(i)).isLessThanOrEqualTo(-0.01);
            }
        }
    }

    private static void bank(Trace t) {
        int accounts = keyCount(t, "accounts");
        Map<Long, List<Event>> legs = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            Event e = t.event(i);
            assertThat(e.key()).isBetween(0L, accounts - 1L);
            assertThat(isCents(e.value())).isTrue();
            switch (e.kind()) {
                case 0 -> assertThat(e.value()).isPositive();
                case 1 -> assertThat(e.value()).isNegative();
                default -> legs.computeIfAbsent(e.attr2(), k -> new ArrayList<>()).add(e);
            }
            if (e.kind() != 2) {
                assertThat(e.attr1()).isEqualTo(-1L);
                assertThat(e.attr2()).isZero();
            }
        }
        for (Map.Entry<Long, List<Event>> transfer : legs.entrySet()) {
            List<Event> pair = transfer.getValue();
            assertThat(pair).as("legs of transfer %d", transfer.getKey()).hasSize(2);
            Event a = pair.get(0);
            Event b = pair.get(1);
            assertThat(a.value() + b.value()).isZero();
            assertThat(a.attr1()).isEqualTo(b.key());
            assertThat(b.attr1()).isEqualTo(a.key());
            assertThat(a.key()).isNotEqualTo(b.key());
            assertThat(a.eventTime()).isEqualTo(b.eventTime());
            assertThat(a.arrivalTime()).isEqualTo(b.arrivalTime());
        }
    }

    private static void crm(Trace t) {
        int customers = keyCount(t, "customers");
        Map<Long, Long> segmentOf = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            Event e = t.event(i);
            assertThat(e.key()).isBetween(0L, customers - 1L);
            Long before = segmentOf.putIfAbsent(e.key(), e.attr1());
            if (before != null && before != e.attr1()) {
                fail("customer " + e.key() + " changes segment: " + e);
            }
            switch (e.kind()) {
                case 0 -> assertThat(e.attr2()).isZero();
                case 1 -> assertThat(e.attr2()).isEqualTo(1L);
                default -> assertThat(e.attr2()).isBetween(2L, 4L);
            }
            if (e.kind() == 3) {
                assertThat(e.value()).isGreaterThanOrEqualTo(0.01);
            } else {
                assertThat(e.value()).isZero();
            }
        }
    }

    private static void cardFraud(Trace t) {
        int cards = keyCount(t, "cards");
        int countries = keyCount(t, "countries");
        SpecReader fraud = t.spec().reader().object("fraud");
        long homeLead = fraud.duration("homeLead");
        Map<Long, List<Integer>> byCard = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.key(i)).isBetween(0L, cards - 1L);
            assertThat(t.attr1(i)).isBetween(0L, countries - 1L);
            byCard.computeIfAbsent(t.key(i), k -> new ArrayList<>()).add(i);
        }
        int fraudLabel = t.schema().labelIndex("fraud");
        int labelled = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.label(i) == fraudLabel) {
                labelled++;
                long card = t.key(i);
                long time = t.eventTime(i);
                assertThat(t.groundTruth().episodes())
                        .as("fraud event %s lies in a burst on its card", t.event(i))
                        .anyMatch(e -> e.key() == card && e.start() <= time && time < e.end());
            }
        }
        int inEpisodes = 0;
        for (GroundTruth.Episode ep : t.groundTruth().episodes()) {
            assertThat(ep.kind()).isEqualTo(CardFraudScenario.FRAUD_BURST);
            List<Integer> fraudEvents = new ArrayList<>();
            List<Integer> homeBefore = new ArrayList<>();
            for (int i : byCard.get(ep.key())) {
                if (t.label(i) == fraudLabel && ep.start() <= t.eventTime(i) && t.eventTime(i) < ep.end()) {
                    fraudEvents.add(i);
                } else if (t.label(i) == 0 && t.eventTime(i) < ep.start() && t.eventTime(i) >= ep.start() - homeLead - 1) {
                    homeBefore.add(i);
                }
            }
            assertThat(fraudEvents).as("fraud events of %s", ep).isNotEmpty();
            inEpisodes += fraudEvents.size();
            assertThat(fraudEvents.stream().mapToLong(t::eventTime).min().orElseThrow()).isEqualTo(ep.start());
            assertThat(fraudEvents.stream().mapToLong(t::eventTime).max().orElseThrow()).isEqualTo(ep.end() - 1);
            long foreign = t.attr1(fraudEvents.get(0));
            assertThat(fraudEvents).allMatch(i -> t.attr1(i) == foreign);
            if (ep.start() > homeLead) {
                // The country change within minutes: a genuine purchase elsewhere just before the burst.
                assertThat(homeBefore).as("genuine purchase before %s", ep).anyMatch(i -> t.attr1(i) != foreign);
            }
        }
        assertThat(inEpisodes).isGreaterThanOrEqualTo(labelled);
    }

    private static void stockTicks(Trace t) {
        double tick = t.spec().reader().number("tickSize");
        int symbols = keyCount(t, "symbols");
        for (int i = 0; i < t.size(); i++) {
            assertThat(t.key(i)).isBetween(0L, symbols - 1L);
            assertThat(t.value(i)).isGreaterThanOrEqualTo(tick);
            double ticks = t.value(i) / tick;
            assertThat(Math.abs(ticks - Math.rint(ticks))).isLessThan(1e-6);
            assertThat(t.attr1(i)).isGreaterThanOrEqualTo(1L);
        }
    }

    private static void infra(Trace t) {
        int incident = t.schema().labelIndex("incident");
        Map<Long, List<GroundTruth.Episode>> byHost = new HashMap<>();
        for (GroundTruth.Episode e : t.groundTruth().episodes()) {
            assertThat(e.kind()).isEqualTo(InfraMonitoringScenario.INCIDENT);
            byHost.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e);
        }
        for (List<GroundTruth.Episode> mine : byHost.values()) {
            for (int j = 1; j < mine.size(); j++) {
                assertThat(mine.get(j).start()).as("incidents on one host do not overlap")
                        .isGreaterThanOrEqualTo(mine.get(j - 1).end());
            }
        }
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == 0) {
                assertThat(t.value(i)).isBetween(0.0, 100.0);
            } else {
                assertThat(t.value(i)).isNotNegative();
            }
            long time = t.eventTime(i);
            boolean inside = byHost.getOrDefault(t.key(i), List.of()).stream()
                    .anyMatch(e -> e.start() <= time && time < e.end());
            assertThat(t.label(i) == incident).as("label of %s", t.event(i)).isEqualTo(inside);
        }
    }

    /** Whether two traces have identical columns and ground truth. */
    static boolean identical(Trace a, Trace b) {
        if (a.size() != b.size() || !a.groundTruth().equals(b.groundTruth())) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.event(i).equals(b.event(i))) {
                return false;
            }
        }
        return true;
    }
}
