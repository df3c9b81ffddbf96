package org.flowlab.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * The typing rules of Flink SQL that Calcite's defaults do not share, so a compiled query's values have the
 * types, and so the scales, that Flink SQL gives them:
 * <ul>
 *   <li>DECIMAL up to 38 digits (Calcite's default: 19);</li>
 *   <li>decimal arithmetic as SQL Server derives it: {@code e1 + e2}: scale max(s1, s2), precision
 *       max(p1 - s1, p2 - s2) + scale + 1; {@code e1 * e2}: scale s1 + s2, precision p1 + p2 + 1;
 *       {@code e1 / e2}: scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale; a precision over 38 is cut
 *       to 38 and the scale reduced to keep the integer digits, but to no fewer than min(scale, 6) digits;</li>
 *   <li>{@code SUM} of DECIMAL(p, s) is DECIMAL(38, s), {@code AVG} DECIMAL(38, max(6, s)); of other types,
 *       the argument's type;</li>
 *   <li>CHAR values of different lengths meet as VARCHAR ({@code CASE WHEN .. THEN 'big' ELSE 'small' END}
 *       is 'big', not 'big  ').</li>
 * </ul>
 */
final class FlinkTypeRules extends RelDataTypeSystemImpl {

    static final FlinkTypeRules INSTANCE = new FlinkTypeRules();

    private static final int MAX_PRECISION = 38;
    private static final int MINIMUM_ADJUSTED_SCALE = 6;

    private FlinkTypeRules() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_PRECISION : super.getMaxPrecision(typeName);
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory types, RelDataType arg) {
        if (arg.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return arg;
        }
        return nullableAs(types, types.createSqlType(SqlTypeName.DECIMAL, MAX_PRECISION, arg.getScale()), arg);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory types, RelDataType arg) {
        if (arg.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return arg;
        }
        // Flink divides the sum, DECIMAL(38, s), by the count, DECIMAL(20, 0).
        return nullableAs(types, divide(types, MAX_PRECISION, arg.getScale(), 20, 0), arg);
    }

    @Override
    public RelDataType deriveDecimalPlusType(RelDataTypeFactory types, RelDataType a, RelDataType b) {
        return derived(types, a, b, (p1, s1, p2, s2) -> {
            int scale = Math.max(s1, s2);
            return adjusted(types, Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
        });
    }

    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory types, RelDataType a, RelDataType b) {
        return derived(types, a, b, (p1, s1, p2, s2) -> adjusted(types, p1 + p2 + 1, s1 + s2));
    }

    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory types, RelDataType a, RelDataType b) {
        return derived(types, a, b, (p1, s1, p2, s2) -> divide(types, p1, s1, p2, s2));
    }

    /** A rule for the result type of two decimals' precisions and scales. */
    private interface DecimalRule {
        RelDataType apply(int p1, int s1, int p2, int s2);
    }

    /** The rule's type when both operands are exact numbers and one is a DECIMAL; else null, Calcite's own rules. */
    private static RelDataType derived(RelDataTypeFactory types, RelDataType a, RelDataType b, DecimalRule rule) {
        if (!decimalOperands(a, b)) {
            return null;
        }
        RelDataType x = decimal(types, a);
        RelDataType y = decimal(types, b);
        return rule.apply(x.getPrecision(), x.getScale(), y.getPrecision(), y.getScale());
    }

    private static RelDataType divide(RelDataTypeFactory types, int p1, int s1, int p2, int s2) {
        int scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
        return adjusted(types, p1 - s1 + s2 + scale, scale);
    }

    /** DECIMAL(precision, scale), or, past 38 digits, DECIMAL(38, s) keeping the integer digits (Spark's and Hive's rule). */
    private static RelDataType adjusted(RelDataTypeFactory types, int precision, int scale) {
        if (precision <= MAX_PRECISION) {
            return types.createSqlType(SqlTypeName.DECIMAL, Math.max(1, precision), scale);
        }
        int integerDigits = precision - scale;
        int scaleKept = Math.max(MAX_PRECISION - integerDigits, Math.min(scale, MINIMUM_ADJUSTED_SCALE));
        return types.createSqlType(SqlTypeName.DECIMAL, MAX_PRECISION, scaleKept);
    }

    private static boolean decimalOperands(RelDataType a, RelDataType b) {
        return SqlTypeUtil.isExactNumeric(a) && SqlTypeUtil.isExactNumeric(b)
                && (SqlTypeUtil.isDecimal(a) || SqlTypeUtil.isDecimal(b));
    }

    /**
     * An integer type as the DECIMAL that holds it, as Flink sees it (BIGINT: DECIMAL(19, 0); Calcite's
     * {@code decimalOf} would give BIGINT the maximum precision, 38); a DECIMAL as it is.
     */
    private static RelDataType decimal(RelDataTypeFactory types, RelDataType t) {
        int digits = switch (t.getSqlTypeName()) {
            case DECIMAL -> -1;
            case TINYINT -> 3;
            case SMALLINT -> 5;
            case INTEGER -> 10;
            default -> 19;
        };
        return digits < 0 ? t : types.createSqlType(SqlTypeName.DECIMAL, digits, 0);
    }

    private static RelDataType nullableAs(RelDataTypeFactory types, RelDataType t, RelDataType like) {
        return types.createTypeWithNullability(t, like.isNullable());
    }
}
