package org.flowlab.sql;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.config.Lex;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.RelConversionException;
import org.apache.calcite.tools.ValidationException;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.table.TraceColumn;
import org.flowlab.workloads.table.TraceTable;
import org.flowlab.workloads.table.TraceTables;

/**
 * Calcite's part: the trace's tables as a Calcite schema, and a query parsed (Flink's lexical rules: identifiers
 * keep their case, back-quotes quote), validated and converted to a logical plan. Every Calcite error becomes
 * one line: a parse error with its line and column, a validation error with Calcite's message (an unknown
 * column or table also lists the known ones).
 */
final class SqlPlanner {

    private SqlPlanner() {
    }

    /** The logical plan of {@code sql} over {@code tables}. */
    static RelNode plan(String sql, TraceTables tables) {
        SchemaPlus root = Frameworks.createRootSchema(true);
        for (TraceTable t : tables.tables()) {
            root.add(t.name(), new AbstractTable() {
                @Override
                public RelDataType getRowType(RelDataTypeFactory types) {
                    RelDataTypeFactory.Builder b = types.builder();
                    for (TraceColumn c : t.columns()) {
                        b.add(c.name(), type(types, c));
                    }
                    return b.build();
                }
            });
        }
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(SqlParser.config().withLex(Lex.JAVA).withConformance(SqlConformanceEnum.DEFAULT))
                .defaultSchema(root)
                .typeSystem(FlinkTypeRules.INSTANCE)
                .operatorTable(SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
                        List.of(SqlLibrary.STANDARD, SqlLibrary.MYSQL)))
                .build();
        Planner planner = Frameworks.getPlanner(config);
        SqlNode parsed;
        try {
            parsed = planner.parse(flinkSessions(sql));
        } catch (SqlParseException e) {
            var pos = e.getPos();
            String where = pos == null ? "" : " at line " + pos.getLineNum() + ", column " + pos.getColumnNum();
            throw new InvalidInputException("SQL: syntax error" + where + ": " + firstLine(e.getMessage()));
        }
        try {
            SqlNode validated = planner.validate(parsed);
            RelRoot relRoot = planner.rel(validated);
            return pushFiltersIntoJoins(relRoot.project());
        } catch (ValidationException e) {
            throw new InvalidInputException("SQL: " + validationMessage(e, tables));
        } catch (RelConversionException | RuntimeException e) {
            throw new InvalidInputException("SQL: cannot plan the query: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /**
     * {@code FROM a, b WHERE a.x = b.y} plans as a filter over a cross join; moving the filter's conditions into
     * the join (and single-table ones below it) lets the join match on its keys instead of pairing every row.
     */
    private static RelNode pushFiltersIntoJoins(RelNode rel) {
        HepProgram program = new HepProgramBuilder()
                .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
                .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
                .build();
        HepPlanner hep = new HepPlanner(program);
        hep.setRoot(rel);
        return hep.findBestExp();
    }

    private static RelDataType type(RelDataTypeFactory types, TraceColumn c) {
        return switch (c.type()) {
            case BIGINT -> types.createSqlType(SqlTypeName.BIGINT);
            case DOUBLE -> types.createSqlType(SqlTypeName.DOUBLE);
            case BOOLEAN -> types.createSqlType(SqlTypeName.BOOLEAN);
            case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case VARCHAR -> types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true);
        };
    }

    private static String validationMessage(ValidationException e, TraceTables tables) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof CalciteContextException)) {
            cause = cause.getCause();
        }
        String where = "";
        String message = cause.getMessage();
        if (cause instanceof CalciteContextException c) {
            where = " (line " + c.getPosLine() + ", column " + c.getPosColumn() + ")";
            message = c.getCause() != null ? c.getCause().getMessage() : message;
        }
        message = firstLine(String.valueOf(message));
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("column") && lower.contains("not found")) {
            message += "; the tables' columns are " + columns(tables);
        } else if (lower.contains("object") && lower.contains("not found")) {
            message += "; the tables are " + String.join(", ", tables.names());
        }
        return message + where;
    }

    private static String columns(TraceTables tables) {
        StringBuilder s = new StringBuilder();
        for (TraceTable t : tables.tables()) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            s.append(t.name()).append('(')
                    .append(String.join(", ", t.columns().stream().map(TraceColumn::name).toList())).append(')');
        }
        return s.toString();
    }

    static String firstLine(String text) {
        String t = text.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /**
     * Flink's way of keying a session window, {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)}, in
     * the form Calcite 1.42 parses, {@code SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(k), gap)}, so a query
     * written for Flink runs here unchanged. One key column only; any other form is left to Calcite.
     */
    static String flinkSessions(String sql) {
        return FLINK_SESSION.matcher(sql).replaceAll("SESSION(TABLE $1, $3, DESCRIPTOR($2), ");
    }

    private static final java.util.regex.Pattern FLINK_SESSION = java.util.regex.Pattern.compile(
            "(?i)\\bSESSION\\s*\\(\\s*TABLE\\s+([\\w`]+)\\s+PARTITION\\s+BY\\s+([\\w`]+)\\s*,\\s*(DESCRIPTOR\\s*\\([^)]*\\))\\s*,\\s*");
}
