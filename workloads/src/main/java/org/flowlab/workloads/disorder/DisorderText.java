package org.flowlab.workloads.disorder;

import com.google.gson.JsonObject;
import java.math.BigDecimal;
import org.flowlab.workloads.InvalidInputException;
import org.flowlab.workloads.spec.SpecReader;

/**
 * A delay model written on one line, for the command line: {@code TYPE[:NAME=VALUE,...]}, the same types and
 * fields as a spec's delay object ({@link DelayDistribution}), for example {@code none},
 * {@code fixed:delay=2s}, {@code exponential:mean=200ms}, {@code uniform:min=0s,max=1m},
 * {@code lognormal:median=300ms,sigma=0.7}. A value that reads as a number is a number, anything else a string.
 */
public final class DisorderText {

    /** What {@link #parse} accepts, for messages. */
    public static final String ALLOWED = "none, fixed:delay=D, exponential:mean=D, uniform:min=D,max=D or lognormal:median=D,sigma=X";

    private DisorderText() {
    }

    /**
     * The delay object {@code text} stands for, as a spec writes it ({@code {"type":"lognormal","median":"300ms",
     * "sigma":0.7}}); not yet checked against the type's fields ({@link #parse} does).
     */
    public static JsonObject toJson(String source, String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        JsonObject delay = new JsonObject();
        delay.addProperty("type", (colon < 0 ? t : t.substring(0, colon)).trim());
        if (colon >= 0) {
            for (String part : t.substring(colon + 1).split(",", -1)) {
                int eq = part.indexOf('=');
                if (eq <= 0 || eq == part.length() - 1) {
                    throw new InvalidInputException(source + ": '" + part.trim() + "' is not NAME=VALUE in '" + text
                            + "'; expected " + ALLOWED);
                }
                String name = part.substring(0, eq).trim();
                String value = part.substring(eq + 1).trim();
                if (delay.has(name)) {
                    throw new InvalidInputException(source + ": " + name + " is given twice in '" + text + "'");
                }
                BigDecimal number = number(value);
                if (number != null) {
                    delay.addProperty(name, number);
                } else {
                    delay.addProperty(name, value);
                }
            }
        }
        return delay;
    }

    /** The disorder {@code text} describes: every event delayed by a draw from its delay model, none very late. */
    public static Disorder parse(String source, String text) {
        return of(source, toJson(source, text));
    }

    /** The disorder of a delay object such as {@link #toJson} makes; errors name {@code source} and the field. */
    public static Disorder of(String source, JsonObject delay) {
        DelayDistribution d = DelayDistribution.fromJson(new SpecReader(source, delay));
        return d instanceof NoDelay ? Disorder.NONE : new Disorder(d, 0, NoDelay.INSTANCE);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
