package org.flowlab.experiment;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.flowlab.sim.job.Output;
import org.flowlab.sim.job.ResultKey;
import org.flowlab.sim.job.ResultTable;

/**
 * A result table reduced to a SHA-256 of its outputs, in key order, each written as its key's four
 * numbers and its value taken apart: a list element by element and a record (a SQL row, an
 * aggregate's result) component by component, each part with its class, and anything else as its
 * class and its text, prefixed by the text's length (a double as {@link Double#toString}, which
 * tells every two values apart). Two tables of such values have the same fingerprint exactly when
 * they are equal, but for a hash collision. It lets a run in another JVM show that it computed the
 * same results without sending them.
 */
public final class ResultFingerprint {

    /** Each record class's component accessors, found once. */
    private static final ClassValue<Method[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        }
    };

    private ResultFingerprint() {
    }

    /** The fingerprint of {@code table}, 64 hex digits. */
    public static String of(ResultTable table) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        StringBuilder line = new StringBuilder();
        for (Output output : table.outputs()) {
            ResultKey at = output.at();
            line.setLength(0);
            line.append(at.key()).append(' ').append(at.windowStart()).append(' ').append(at.windowEnd()).append(' ')
                    .append(at.seq()).append(" = ");
            write(output.value(), line);
            sha.update(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Writes {@code value} to {@code out} taken apart, as the class comment says. */
    static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null;");
            return;
        }
        Class<?> type = value.getClass();
        out.append(type.getName());
        if (value instanceof List<?> list) {
            out.append('[').append(list.size()).append(':');
            for (Object element : list) {
                write(element, out);
            }
            out.append(']');
        } else if (type.isRecord()) {
            out.append('{');
            for (Method accessor : COMPONENTS.get(type)) {
                write(component(accessor, value), out);
            }
            out.append('}');
        } else {
            String text = value.toString();
            out.append('(').append(text.length()).append(':').append(text).append(')');
        }
    }

    private static Object component(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor + " of a result value", e);
        }
    }
}
