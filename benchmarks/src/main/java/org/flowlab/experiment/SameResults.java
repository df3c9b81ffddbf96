package org.flowlab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowlab.sim.job.ResultTable;

/**
 * Which engines computed the same final results as which: for every engine, its table against the
 * reference oracle's and against every other engine's. Equality is transitive, so two engines that
 * both equal the oracle equal each other, and one that does and one that does not differ; only two
 * engines that both differ from the oracle are compared directly. The engines given are those that
 * finished: a caller leaves out an engine whose job failed for good, whose table is only what was
 * visible when it failed.
 */
public final class SameResults {

    /** The column of the reference oracle. */
    public static final String ORACLE = "oracle";

    private SameResults() {
    }

    /**
     * The matrix: for each engine id (in {@code tables}' order), {@code oracle} and then every other
     * engine id mapped to whether the two tables are equal.
     *
     * @param tables      the engines' final tables by id
     * @param equalsOracle whether each engine's table equals the oracle's, by id (as the agreement found)
     * @throws IllegalArgumentException if an engine of {@code tables} has no verdict in {@code equalsOracle}
     */
    public static Map<String, Map<String, Boolean>> of(Map<String, ResultTable> tables, Map<String, Boolean> equalsOracle) {
        List<String> ids = List.copyOf(tables.keySet());
        Map<String, Map<String, Boolean>> matrix = new LinkedHashMap<>();
        for (String id : ids) {
            if (!equalsOracle.containsKey(id)) {
                throw new IllegalArgumentException("no verdict against the oracle for " + id);
            }
            Map<String, Boolean> row = new LinkedHashMap<>();
            row.put(ORACLE, equalsOracle.get(id));
            for (String other : ids) {
                if (!other.equals(id)) {
                    row.put(other, same(id, other, tables, equalsOracle, matrix));
                }
            }
            matrix.put(id, row);
        }
        return matrix;
    }

    private static boolean same(String a, String b, Map<String, ResultTable> tables, Map<String, Boolean> equalsOracle,
                                Map<String, Map<String, Boolean>> done) {
        if (done.containsKey(b)) {
            return done.get(b).get(a);
        }
        boolean aEquals = equalsOracle.get(a);
        boolean bEquals = equalsOracle.get(b);
        if (aEquals || bEquals) {
            return aEquals && bEquals;
        }
        return tables.get(a).equals(tables.get(b));
    }
}
