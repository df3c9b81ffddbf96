package org.flowlab.sim.catalog;

import java.util.Objects;

/**
 * One knob of a catalog job, for example the fraud detector's {@code k}: its name, its default as
 * text (a number or a duration such as {@code 10m}) and what it means.
 *
 * @param name         the name used to override it, for example {@code k}
 * @param defaultValue the value unless overridden, as text
 * @param meaning      one line saying what it does and what is allowed
 */
public record JobParameter(String name, String defaultValue, String meaning) {

    public JobParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a job parameter needs a name");
        }
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(meaning, "meaning");
    }

    @Override
    public String toString() {
        return name + " = " + defaultValue + " (" + meaning + ")";
    }
}
