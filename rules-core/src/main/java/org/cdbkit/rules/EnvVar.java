package org.cdbkit.rules;

import java.util.Objects;

/**
 * An environment variable a rule sets: {@code ,NAME=qvalueq} in the rules text. Names and
 * values are strings of bytes, one char per byte (ISO-8859-1), as in the cdb.
 */
public record EnvVar(String name, String value) {
    public EnvVar {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** {@code NAME=value}, as the variable is set. */
    @Override
    public String toString() {
        return name + "=" + value;
    }
}
