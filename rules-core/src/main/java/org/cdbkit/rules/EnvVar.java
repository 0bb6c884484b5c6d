package org.cdbkit.rules;

import java.util.Objects;

/**
 * An environment variable a rule sets: {@code ,NAME=qvalueq} in the rules text. Names and
 * values are strings of bytes, one char per byte (ISO-8859-1), as in the cdb.
 */
public final class EnvVar {
    private final String name;
    private final String value;

    public EnvVar(String name, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnvVar && ((EnvVar) o).name.equals(name) && ((EnvVar) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
