package org.cdbkit.rules;

import java.util.List;

/**
 * One line of a rules file: an address, allow or deny, and the environment variables to set,
 * in order. Strings hold one char per byte (ISO-8859-1), so any bytes round-trip.
 */
public final class Rule {
    private final String address;
    private final boolean allow;
    private final List<EnvVar> env;
    private final long lineNumber;
    private final String text;

    public Rule(String address, boolean allow, List<EnvVar> env, long lineNumber, String text) {
        this.address = address;
        this.allow = allow;
        this.env = List.copyOf(env);
        this.lineNumber = lineNumber;
        this.text = text;
    }

    /** A rule made in code: its text is how tcprules would read it back. */
    public Rule(String address, boolean allow, List<EnvVar> env) {
        this(address, allow, env, 0, null);
    }

    /** Everything before the colon: an IP or prefix, {@code =host}, {@code info@...}, a range, or empty. */
    public String address() {
        return address;
    }

    public boolean allow() {
        return allow;
    }

    public List<EnvVar> env() {
        return env;
    }

    /** The 1-based line of the rules file this rule came from. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The line as written, trailing blanks trimmed. */
    public String text() {
        return text != null ? text : toString();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(address).append(':').append(allow ? "allow" : "deny");
        for (EnvVar v : env) {
            s.append(',').append(v.name()).append("=\"").append(v.value()).append('"');
        }
        return s.toString();
    }
}
