package org.cdbkit.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What tcpserver does with a connection: which rule key matched (null when none did, and the
 * connection is allowed), allow or deny, and the environment settings of the rule, in order.
 */
public final class Decision {
    /** No rule matched: tcpserver allows the connection and sets nothing. */
    public static final Decision DEFAULT = new Decision(null, true, List.of());

    private final String key;
    private final boolean allow;
    private final List<String> settings;
    /** Where the rule's value is in its cdb, for the cache of decisions; -1 if none. */
    private final long position;

    public Decision(String key, boolean allow, List<String> settings) {
        this(key, allow, Objects.requireNonNull(settings, "settings"), -1);
    }

    private Decision(String key, boolean allow, List<String> settings, long position) {
        this.key = key;
        this.allow = allow;
        this.settings = List.copyOf(settings);
        this.position = position;
    }

    /** This decision as made by the rule whose value is at {@code position}. */
    Decision at(long position) {
        return new Decision(key, allow, settings, position);
    }

    long position() {
        return position;
    }

    /** The key of the rule that matched, or null. */
    public String key() {
        return key;
    }

    public boolean allow() {
        return allow;
    }

    /** The settings as stored, {@code NAME=value}, in order (before a deny only). */
    public List<String> settings() {
        return settings;
    }

    /** The settings as variables; a setting with no {@code =} is a name with an empty value. */
    public List<EnvVar> env() {
        List<EnvVar> env = new ArrayList<>(settings.size());
        for (String s : settings) {
            int equals = s.indexOf('=');
            env.add(equals < 0 ? new EnvVar(s, "") : new EnvVar(s.substring(0, equals), s.substring(equals + 1)));
        }
        return env;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Decision d && java.util.Objects.equals(key, d.key) && allow == d.allow
                && settings.equals(d.settings);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(key, allow, settings);
    }

    @Override
    public String toString() {
        return (key == null ? "default" : "rule " + key) + ": " + (allow ? "allow" : "deny") + " " + settings;
    }
}
