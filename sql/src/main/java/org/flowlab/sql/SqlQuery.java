package org.flowlab.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.flowlab.sim.job.Job;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.TraceSchema;

/**
 * A SQL query over a trace's tables, compiled once to a Flowlab {@link Job} that the reference oracle and every
 * engine run like a catalog job. Every output value of the job is a {@link org.flowlab.workloads.table.SqlRow}
 * or a {@code List<SqlRow>}, so {@code SqlResults.rows(results)} is the query's result multiset.
 *
 * @param text    the query as given
 * @param job     the compiled job
 * @param columns the result's column names, in order
 * @param tables  the tables the query reads, in order of first use
 */
public record SqlQuery(String text, Job job, List<String> columns, List<String> tables) {

    public SqlQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(job, "job");
        columns = List.copyOf(columns);
        tables = List.copyOf(tables);
    }

    /**
     * Parses, validates and plans {@code sqlText} with Apache Calcite over {@code schema.tables()}, and compiles
     * the plan to a job.
     *
     * @throws InvalidInputException with one line naming what is wrong (a syntax error with its line and column,
     *                               an unknown table or column, a construct that is not supported)
     */
    public static SqlQuery compile(String sqlText, TraceSchema schema) {
        Objects.requireNonNull(schema, "schema");
        if (sqlText == null || sqlText.isBlank()) {
            throw new InvalidInputException("SQL: the query is empty; give a SELECT statement");
        }
        String text = stripTrailingSemicolon(sqlText);
        RelNode plan = SqlPlanner.plan(text, schema.tables());
        List<String> columns = new ArrayList<>();
        for (RelDataTypeField f : plan.getRowType().getFieldList()) {
            columns.add(f.getName());
        }
        Relations relations = new Relations(schema);
        Job job = JobCompiler.compile(plan, relations, schema, oneLine(text));
        return new SqlQuery(sqlText, job, columns, List.copyOf(new LinkedHashSet<>(relations.tables)));
    }

    private static String stripTrailingSemicolon(String sql) {
        String t = sql.strip();
        while (t.endsWith(";")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static String oneLine(String sql) {
        String t = sql.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").strip();
        return t.length() <= 120 ? t : t.substring(0, 119) + "…";
    }
}
