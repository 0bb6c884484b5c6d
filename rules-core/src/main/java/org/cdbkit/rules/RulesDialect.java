package org.cdbkit.rules;

/**
 * Whose tcprules a rules cdb is written for, and so which keys it holds and in which order
 * tcpserver looks them up.
 *
 * <ul>
 * <li>{@link #UCSPI_TCP}: D. J. Bernstein's ucspi-tcp 0.88 and its IPv6 build, the default
 * ({@link RulesParser}, {@link RuleKeys}, {@link RulesLookup}).
 * <li>{@link #CIDR}: {@code tcprules --cidr}, ucspi-tcp's keys, with {@code a.b.c.d/n} prefixes
 * compiled into the dotted prefixes and addresses its tcpserver matches ({@link CidrKeys}); a
 * database of it is an ucspi-tcp one.
 * <li>{@link #UCSPI_TCP6}: Erwin Hoffmann's ucspi-tcp6 1.11 ({@link Ucspi6Rules}): CIDR as
 * keys of one character per prefix bit ({@code _} and a letter per set bit for IPv4,
 * {@code ^} and a rising character per set bit for IPv6), IPv6 written out in full in upper
 * case, and a lookup that tries those prefixes, longest first, after the dotted ones.
 * </ul>
 */
public enum RulesDialect {
    UCSPI_TCP("ucspi-tcp", 100), CIDR("ucspi-tcp", 100), UCSPI_TCP6("ucspi-tcp6", 101);

    private final String optionName;
    private final int syntaxStatus;

    RulesDialect(String optionName, int syntaxStatus) {
        this.optionName = optionName;
        this.syntaxStatus = syntaxStatus;
    }

    /** The dialect a name ({@code ucspi-tcp}, {@code ucspi-tcp6}) stands for, or null; CIDR is ucspi-tcp's. */
    public static RulesDialect named(String name) {
        for (RulesDialect d : values()) {
            if (d.optionName.equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The name options give it: {@code ucspi-tcp} or {@code ucspi-tcp6}. */
    public String optionName() {
        return optionName;
    }

    /** The exit status of this dialect's tcprules for a line it cannot compile (100 or 101). */
    public int syntaxStatus() {
        return syntaxStatus;
    }

    /**
     * What this dialect's tcprules prints after {@code "tcprules: "} for a line it cannot
     * compile: {@code fatal: unable to parse this line: LINE} or {@code syntax: REASON: LINE},
     * the line up to its first NUL, as C prints it.
     */
    public String complaint(RulesFormatException e) {
        String line = e.line();
        int nul = line.indexOf('\0');
        return (this == UCSPI_TCP6 ? "syntax: " : "fatal: ") + e.reason() + ": "
                + (nul < 0 ? line : line.substring(0, nul));
    }

    /**
     * The name tcprulescheck gives the rule stored under {@code key} ({@link Decision#key()}),
     * or null where it says {@code default} (no rule matched): the key itself, except in
     * ucspi-tcp6, whose CIDR keys it writes back as {@code address/prefix} and whose rule for
     * the empty key it calls {@code default} too.
     */
    public String ruleName(String key) {
        return this == UCSPI_TCP6 ? Ucspi6Rules.ruleName(key) : key;
    }
}
