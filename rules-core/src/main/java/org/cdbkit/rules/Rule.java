package org.cdbkit.rules;

import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(env, "env");
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

    /** Rules are equal when they say the same: address, allow or deny, variables (not where they were written). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Rule r && address.equals(r.address) && allow == r.allow && env.equals(r.env);
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, allow, env);
    }

    /** The rule as tcprules reads it, each value quoted with a character it does not hold. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(address).append(':').append(allow ? "allow" : "deny");
        for (EnvVar v : env) {
            int q = quoteFor(v.value());
            char quote = q < 0 ? '"' : (char) q;
            s.append(',').append(v.name()).append('=').append(quote).append(v.value()).append(quote);
        }
        return s.toString();
    }

    /**
     * A quote the value does not hold: a usual one if it can, else any byte but NUL and the
     * blanks and newline that end a line (trimmed, so a closing quote there would be lost).
     * Only a value holding all 252 others has none (-1), and no rules line can carry it.
     */
    static int quoteFor(String value) {
        for (char q : new char[] {'"', '\'', '/', '|', '%', '#', '!', '^', '~'}) {
            if (value.indexOf(q) < 0) {
                return q;
            }
        }
        for (char q = 1; q <= 0xff; q++) {
            if (q != '\n' && q != ' ' && q != '\t' && value.indexOf(q) < 0) {
                return q;
            }
        }
        return -1;
    }
}
