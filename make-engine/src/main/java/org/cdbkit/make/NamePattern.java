package org.cdbkit.make;

/**
 * A make name pattern: {@code %.cdb}, {@code %.rules}, {@code %}, or a plain name such as
 * {@code ssh.cdb} (which matches itself, with an empty stem).
 */
record NamePattern(String prefix, String suffix, boolean literal) {
    static NamePattern of(String text) {
        int percent = text.indexOf('%');
        return percent < 0 ? new NamePattern(text, "", true)
                : new NamePattern(text.substring(0, percent), text.substring(percent + 1), false);
    }

    /** The part of {@code name} that {@code %} stands for, or null when it does not match. */
    String stem(String name) {
        if (literal) {
            return name.equals(prefix) ? "" : null;
        }
        if (name.length() <= prefix.length() + suffix.length() || !name.startsWith(prefix) || !name.endsWith(suffix)) {
            return null; // make's stem is never empty
        }
        return name.substring(prefix.length(), name.length() - suffix.length());
    }

    String apply(String stem) {
        return literal ? prefix : prefix + stem + suffix;
    }

    /** How many characters the pattern fixes: the more, the more specific it is. */
    int fixedLength() {
        return prefix.length() + suffix.length();
    }

    @Override
    public String toString() {
        return literal ? prefix : prefix + "%" + suffix;
    }
}
