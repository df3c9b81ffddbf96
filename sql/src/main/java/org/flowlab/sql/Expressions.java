package org.flowlab.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexOver;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.flowlab.workloads.InvalidInputException;

/**
 * Calcite's scalar expressions ({@code RexNode}s) compiled to Java functions over a tuple, with Flink SQL's value
 * semantics: integer division truncates, a {@code DECIMAL} result keeps the scale Calcite derives, any NULL
 * operand gives NULL (three-valued AND/OR). Values are {@link Long} (every exact integer type), {@link Double},
 * {@link BigDecimal}, {@link String}, {@link Boolean}, {@link LocalDateTime}, and intervals as {@link Long}
 * milliseconds.
 */
final class Expressions {

    static final String SUPPORTED = "+ - * / %, MOD, ABS, comparisons, AND, OR, NOT, IS [NOT] NULL, BETWEEN, IN, CASE,"
            + " CAST, UPPER, LOWER, CONCAT, ||, CHAR_LENGTH, LIKE";

    /** A compiled expression. */
    @FunctionalInterface
    interface Expr {
        Object eval(Object[] tuple);
    }

    private Expressions() {
    }

    static Expr compile(RexNode node, RexBuilder rex) {
        return compileExpanded(RexUtil.expandSearch(rex, null, node));
    }

    private static Expr compileExpanded(RexNode node) {
        if (node instanceof RexInputRef ref) {
            int i = ref.getIndex();
            return t -> t[i];
        }
        if (node instanceof RexLiteral lit) {
            Object v = literal(lit);
            return t -> v;
        }
        if (node instanceof RexOver) {
            throw new InvalidInputException("SQL: an OVER window is not supported; supported: " + Relations.SUPPORTED);
        }
        if (!(node instanceof RexCall call)) {
            throw unsupported(node.getKind().sql);
        }
        List<Expr> args = new ArrayList<>();
        for (RexNode o : call.getOperands()) {
            args.add(compileExpanded(o));
        }
        RelDataType type = call.getType();
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        switch (call.getKind()) {
            case PLUS, MINUS, TIMES, DIVIDE, MOD -> {
                return arithmetic(call, args.get(0), args.get(1));
            }
            case MINUS_PREFIX -> {
                Expr a = args.get(0);
                return t -> negate(a.eval(t));
            }
            case PLUS_PREFIX -> {
                return args.get(0);
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return comparison(call.getKind(), args.get(0), args.get(1));
            }
            case AND -> {
                return logical(args, false);
            }
            case OR -> {
                return logical(args, true);
            }
            case NOT -> {
                Expr a = args.get(0);
                return t -> {
                    Object v = a.eval(t);
                    return v == null ? null : !(Boolean) v;
                };
            }
            case IS_NULL -> {
                Expr a = args.get(0);
                return t -> a.eval(t) == null;
            }
            case IS_NOT_NULL -> {
                Expr a = args.get(0);
                return t -> a.eval(t) != null;
            }
            case IS_TRUE -> {
                Expr a = args.get(0);
                return t -> Boolean.TRUE.equals(a.eval(t));
            }
            case IS_NOT_TRUE -> {
                Expr a = args.get(0);
                return t -> !Boolean.TRUE.equals(a.eval(t));
            }
            case CASE -> {
                return t -> {
                    int n = args.size();
                    for (int i = 0; i + 1 < n; i += 2) {
                        if (Boolean.TRUE.equals(args.get(i).eval(t))) {
                            return args.get(i + 1).eval(t);
                        }
                    }
                    return n % 2 == 1 ? args.get(n - 1).eval(t) : null;
                };
            }
            case CAST -> {
                Expr a = args.get(0);
                return t -> cast(a.eval(t), type);
            }
            case LIKE -> {
                if (args.size() != 2 || !(call.getOperands().get(1) instanceof RexLiteral pattern)) {
                    throw unsupported("LIKE with an ESCAPE or a pattern that is not a literal");
                }
                Pattern p = likePattern(pattern.getValueAs(String.class));
                Expr a = args.get(0);
                return t -> {
                    Object v = a.eval(t);
                    return v == null ? null : p.matcher((String) v).matches();
                };
            }
            default -> {
                // functions by name below
            }
        }
        return switch (name) {
            case "ABS" -> strict1(args, v -> v instanceof Long l ? (Object) Math.abs(l)
                    : v instanceof Double d ? (Object) Math.abs(d) : ((BigDecimal) v).abs());
            case "UPPER" -> strict1(args, v -> ((String) v).toUpperCase(Locale.ROOT));
            case "LOWER" -> strict1(args, v -> ((String) v).toLowerCase(Locale.ROOT));
            case "CHAR_LENGTH", "CHARACTER_LENGTH" -> strict1(args, v -> (long) ((String) v).length());
            case "||", "CONCAT" -> t -> {
                StringBuilder s = new StringBuilder();
                for (Expr e : args) {
                    Object v = e.eval(t);
                    if (v == null) {
                        return null;
                    }
                    s.append(text(v));
                }
                return s.toString();
            };
            default -> throw unsupported("the function " + call.getOperator().getName());
        };
    }

    /** AND ({@code decisive} false) or OR ({@code decisive} true) in three-valued logic. */
    private static Expr logical(List<Expr> args, boolean decisive) {
        return t -> {
            boolean unknown = false;
            for (Expr e : args) {
                Object v = e.eval(t);
                if (v == null) {
                    unknown = true;
                } else if ((Boolean) v == decisive) {
                    return decisive;
                }
            }
            return unknown ? null : !decisive;
        };
    }

    static InvalidInputException unsupported(String construct) {
        return new InvalidInputException("SQL: " + construct + " is not supported in expressions; supported: " + SUPPORTED);
    }

    private static Expr strict1(List<Expr> args, java.util.function.Function<Object, Object> f) {
        Expr a = args.get(0);
        return t -> {
            Object v = a.eval(t);
            return v == null ? null : f.apply(v);
        };
    }

    /** A literal's value in the tuple's classes. */
    static Object literal(RexLiteral lit) {
        if (lit.isNull()) {
            return null;
        }
        SqlTypeName type = lit.getType().getSqlTypeName();
        if (SqlTypeFamily.INTERVAL_DAY_TIME.getTypeNames().contains(type)) {
            return lit.getValueAs(BigDecimal.class).longValueExact();
        }
        return switch (type) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> lit.getValueAs(Long.class);
            case DECIMAL -> lit.getValueAs(BigDecimal.class);
            case DOUBLE, FLOAT, REAL -> lit.getValueAs(Double.class);
            // A CASE of CHAR literals of different lengths is VARCHAR (FlinkTypeRules), so no literal is padded.
            case CHAR, VARCHAR -> lit.getValueAs(String.class);
            case BOOLEAN -> lit.getValueAs(Boolean.class);
            case TIMESTAMP -> WindowFunctions.time(lit.getValueAs(Long.class));
            default -> throw unsupported("a literal of type " + lit.getType());
        };
    }

    private static Expr arithmetic(RexCall call, Expr a, Expr b) {
        SqlTypeName result = call.getType().getSqlTypeName();
        var kind = call.getKind();
        int scale = call.getType().getScale();
        return t -> {
            Object x = a.eval(t);
            Object y = b.eval(t);
            if (x == null || y == null) {
                return null;
            }
            if (x instanceof LocalDateTime time) {
                long ms = (Long) y;
                return kind == org.apache.calcite.sql.SqlKind.PLUS ? time.plusNanos(ms * 1_000_000) : time.minusNanos(ms * 1_000_000);
            }
            if (y instanceof LocalDateTime time && kind == org.apache.calcite.sql.SqlKind.PLUS) {
                return time.plusNanos((Long) x * 1_000_000);
            }
            switch (result) {
                case TINYINT, SMALLINT, INTEGER, BIGINT -> {
                    long l = ((Number) x).longValue();
                    long r = ((Number) y).longValue();
                    return switch (kind) {
                        case PLUS -> l + r;
                        case MINUS -> l - r;
                        case TIMES -> l * r;
                        case DIVIDE -> {
                            if (r == 0) {
                                throw new EvaluationException("division by zero");
                            }
                            yield l / r;
                        }
                        default -> {
                            if (r == 0) {
                                throw new EvaluationException("MOD by zero");
                            }
                            yield l % r;
                        }
                    };
                }
                case DECIMAL -> {
                    BigDecimal l = decimal(x);
                    BigDecimal r = decimal(y);
                    if (r.signum() == 0 && (kind == org.apache.calcite.sql.SqlKind.DIVIDE || kind == org.apache.calcite.sql.SqlKind.MOD)) {
                        throw new EvaluationException("division by zero");
                    }
                    return switch (kind) {
                        case PLUS -> l.add(r);
                        case MINUS -> l.subtract(r);
                        case TIMES -> l.multiply(r);
                        case DIVIDE -> l.divide(r, scale, RoundingMode.HALF_UP);
                        default -> l.remainder(r, MathContext.UNLIMITED);
                    };
                }
                default -> {
                    double l = ((Number) x).doubleValue();
                    double r = ((Number) y).doubleValue();
                    return switch (kind) {
                        case PLUS -> l + r;
                        case MINUS -> l - r;
                        case TIMES -> l * r;
                        case DIVIDE -> l / r;
                        default -> l % r;
                    };
                }
            }
        };
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        return new BigDecimal(((Number) v).doubleValue());
    }

    private static Object negate(Object v) {
        if (v == null) {
            return null;
        }
        return v instanceof Long l ? (Object) (-l) : v instanceof Double d ? (Object) (-d) : ((BigDecimal) v).negate();
    }

    private static Expr comparison(org.apache.calcite.sql.SqlKind kind, Expr a, Expr b) {
        return t -> {
            Object x = a.eval(t);
            Object y = b.eval(t);
            if (x == null || y == null) {
                return null;
            }
            int c = compare(x, y);
            return switch (kind) {
                case EQUALS -> c == 0;
                case NOT_EQUALS -> c != 0;
                case LESS_THAN -> c < 0;
                case LESS_THAN_OR_EQUAL -> c <= 0;
                case GREATER_THAN -> c > 0;
                default -> c >= 0;
            };
        };
    }

    /** Two non-null values of comparable SQL types; numbers of different classes compare by value. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object x, Object y) {
        if (x instanceof Number && y instanceof Number && x.getClass() != y.getClass()) {
            if (x instanceof Double || y instanceof Double) {
                return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
            }
            return decimal(x).compareTo(decimal(y));
        }
        if (x instanceof BigDecimal bx) {
            return bx.compareTo((BigDecimal) y);
        }
        return ((Comparable) x).compareTo(y);
    }

    /**
     * {@code v} cast to {@code type} by Flink SQL's rules: a fraction cast to an integer is truncated (text too:
     * '1.5' is 1); a number cast to DECIMAL(p, s) is rounded half up to s digits, and NULL if it then has more
     * than p; a DOUBLE becomes the decimal its text shows; FLOAT and REAL have a float's precision; text is cut to
     * VARCHAR(n)'s length, cut or padded with blanks to CHAR(n)'s; a BOOLEAN is 'TRUE' or 'FALSE'; text is a
     * BOOLEAN if it is one of true, t, yes, y, 1, false, f, no, n, 0 (any case); a TIMESTAMP(p) keeps p digits of
     * its fraction, cut. Text that is no value of the type fails the query ({@link EvaluationException}), as it
     * fails a Flink job.
     */
    static Object cast(Object v, RelDataType type) {
        if (v == null) {
            return null;
        }
        return switch (type.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> v instanceof String s ? integerOf(s) : ((Number) v).longValue();
            case DOUBLE -> v instanceof String s ? doubleOf(s) : ((Number) v).doubleValue();
            case FLOAT, REAL -> (double) (float) (v instanceof String s ? doubleOf(s) : ((Number) v).doubleValue());
            case DECIMAL -> decimalOf(v, type.getPrecision(), type.getScale());
            case CHAR, VARCHAR -> sized(v instanceof Boolean b ? (b ? "TRUE" : "FALSE") : text(v), type);
            case BOOLEAN -> v instanceof String s ? booleanOf(s) : v;
            case TIMESTAMP -> truncated(v instanceof String s ? timestampOf(s) : (LocalDateTime) v, type.getPrecision());
            default -> throw unsupported("CAST to " + type);
        };
    }

    /** A value the query cannot compute from its input (a division by zero, text that is no number): the query fails. */
    static final class EvaluationException extends RuntimeException {
        EvaluationException(String message) {
            super(message, null, false, false);
        }
    }

    private static long integerOf(String s) {
        String t = s.strip();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            try {
                return new BigDecimal(t).longValue();
            } catch (NumberFormatException notANumber) {
                throw new EvaluationException("cannot CAST '" + s + "' to an integer");
            }
        }
    }

    private static double doubleOf(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new EvaluationException("cannot CAST '" + s + "' to DOUBLE");
        }
    }

    private static BigDecimal decimalOf(Object v, int precision, int scale) {
        BigDecimal d;
        if (v instanceof String s) {
            try {
                d = new BigDecimal(s.strip());
            } catch (NumberFormatException e) {
                throw new EvaluationException("cannot CAST '" + s + "' to DECIMAL");
            }
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (!Double.isFinite(x)) {
                return null;
            }
            d = BigDecimal.valueOf(x);
        } else {
            d = decimal(v);
        }
        BigDecimal r = d.setScale(scale, RoundingMode.HALF_UP);
        return r.precision() - r.scale() > precision - scale ? null : r;
    }

    private static final Set<String> TRUE_TEXTS = Set.of("true", "t", "yes", "y", "1");
    private static final Set<String> FALSE_TEXTS = Set.of("false", "f", "no", "n", "0");

    private static boolean booleanOf(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        if (TRUE_TEXTS.contains(t)) {
            return true;
        }
        if (FALSE_TEXTS.contains(t)) {
            return false;
        }
        throw new EvaluationException("cannot CAST '" + s + "' to BOOLEAN");
    }

    private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

    private static LocalDateTime timestampOf(String s) {
        try {
            return LocalDateTime.parse(s.strip(), TIMESTAMP_TEXT);
        } catch (DateTimeParseException e) {
            throw new EvaluationException("cannot CAST '" + s + "' to TIMESTAMP (expected yyyy-MM-dd HH:mm:ss.fff)");
        }
    }

    private static LocalDateTime truncated(LocalDateTime t, int precision) {
        if (precision < 0 || precision >= 9) {
            return t;
        }
        long unit = (long) Math.pow(10, 9 - precision);
        return t.withNano((int) (t.getNano() / unit * unit));
    }

    /** Text cut to a VARCHAR(n)'s length, or cut or padded to a CHAR(n)'s; a length not given keeps it whole. */
    private static String sized(String text, RelDataType type) {
        int n = type.getPrecision();
        if (n <= 0 || n == Integer.MAX_VALUE) {
            return text;
        }
        if (text.codePointCount(0, text.length()) > n) {
            text = text.substring(0, text.offsetByCodePoints(0, n));
        }
        if (type.getSqlTypeName() == SqlTypeName.CHAR) {
            int missing = n - text.codePointCount(0, text.length());
            text = missing > 0 ? text + " ".repeat(missing) : text;
        }
        return text;
    }

    /** A value as SQL text: decimals without exponent, timestamps as {@code yyyy-MM-dd HH:mm:ss.SSS}. */
    static String text(Object v) {
        if (v instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (v instanceof LocalDateTime time) {
            return time.format(TIMESTAMP_3);
        }
        return String.valueOf(v);
    }

    private static final DateTimeFormatter TIMESTAMP_3 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    /** SQL's LIKE pattern as a regular expression: {@code %} any text, {@code _} one character. */
    static Pattern likePattern(String like) {
        StringBuilder re = new StringBuilder();
        for (char c : like.toCharArray()) {
            if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Whether a compiled predicate holds (NULL is false, as in WHERE). */
    static boolean holds(Expr predicate, Object[] tuple) {
        return Boolean.TRUE.equals(predicate.eval(tuple));
    }
}
