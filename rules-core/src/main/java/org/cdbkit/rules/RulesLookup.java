package org.cdbkit.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;

/**
 * The decision tcpserver takes for a connection, from a compiled rules cdb. Keys are tried in
 * tcpserver's order (tcprules(1), ADDRESSES) and the first one found wins:
 *
 * <ol>
 * <li>{@code info@ip}, if info is set;
 * <li>{@code info@=host}, if info and host are set;
 * <li>{@code ip};
 * <li>{@code =host}, if host is set;
 * <li>shorter and shorter prefixes of ip ending with a dot (or, for IPv6, a colon), longest first;
 * <li>shorter and shorter suffixes of host starting with a dot, preceded by {@code =};
 * <li>{@code =}, if host is set;
 * <li>the empty string.
 * </ol>
 *
 * <p>ip, host and info are compared as bytes (one char per byte, ISO-8859-1), as they come from
 * the network; nothing is lower-cased or cut, whatever their length. IPv6 addresses are
 * matched in the text tcpserver gives them (see {@link RemoteAddress}).
 */
public final class RulesLookup {
    private RulesLookup() {
    }

    /** Per thread: the key being built, and a finder for the database last asked. */
    private static final class Scratch {
        byte[] key = new byte[256];
        CdbReader reader;
        CdbReader.Finder finder;
        DecisionCache cache;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Tries one key, {@code key[0, length)}: a decision ends the search, null goes on. */
    @FunctionalInterface
    private interface Step {
        Decision tryKey(Scratch scratch, byte[] key, int length) throws CdbFormatException;
    }

    /** Looks a key up in the scratch's database; a static lambda, so a lookup allocates no step. */
    private static final Step LOOK_UP = RulesLookup::ruleFor;

    /** The decision for a connection; {@code host} and {@code info} may be null (unset). */
    public static Decision decide(CdbReader rules, String ip, String host, String info) throws CdbFormatException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(ip, "ip");
        return decide(rules, null, ip, host, info);
    }

    /**
     * The decision the tcpserver of {@code dialect} takes for a connection (ucspi-tcp6 tries
     * keys of its own, in its own order: see {@link Ucspi6Rules#candidates}).
     */
    public static Decision decide(CdbReader rules, String ip, String host, String info, RulesDialect dialect)
            throws CdbFormatException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(dialect, "dialect");
        return dialect == RulesDialect.UCSPI_TCP6 ? Ucspi6Rules.decide(rules, ip, host, info)
                : decide(rules, null, ip, host, info);
    }

    /** Every key the tcpserver of {@code dialect} tries, in order. */
    public static List<String> candidates(String ip, String host, String info, RulesDialect dialect) {
        Objects.requireNonNull(ip, "ip");
        return dialect == RulesDialect.UCSPI_TCP6 ? Ucspi6Rules.candidates(ip, host, info)
                : candidates(ip, host, info);
    }

    /**
     * As {@link #decide(CdbReader, String, String, String)}, taking decisions already made for
     * the same rule from {@code cache}: once each rule that matches has been seen, deciding
     * allocates nothing.
     */
    static Decision decide(CdbReader rules, DecisionCache cache, String ip, String host, String info)
            throws CdbFormatException {
        Scratch scratch = SCRATCH.get();
        if (scratch.reader != rules) {
            scratch.reader = rules;
            scratch.finder = rules.finder();
        }
        scratch.cache = cache;
        try {
            Decision d = walk(scratch, ip, host, info, LOOK_UP);
            return d != null ? d : Decision.DEFAULT;
        } finally {
            scratch.cache = null;
        }
    }

    /** Every key tcpserver tries, in order, duplicates included. */
    public static List<String> candidates(String ip, String host, String info) {
        List<String> keys = new ArrayList<>();
        try {
            walk(new Scratch(), ip, host, info, (scratch, key, length) -> {
                keys.add(new String(key, 0, length, StandardCharsets.ISO_8859_1));
                return null;
            });
        } catch (CdbFormatException e) {
            throw new AssertionError("collecting keys reads no file", e);
        }
        return keys;
    }

    /** Builds the keys in tcpserver's order and tries each until one gives a decision. */
    private static Decision walk(Scratch scratch, String ip, String host, String info, Step step)
            throws CdbFormatException {
        int needed = ip.length() + 2 + Math.max(host == null ? 0 : host.length(), ip.length())
                + (info == null ? 0 : info.length());
        if (scratch.key.length < needed) {
            scratch.key = new byte[Math.max(needed, scratch.key.length * 2)];
        }
        byte[] key = scratch.key;
        Decision d;
        if (info != null) {
            if ((d = step.tryKey(scratch, key, put(key, put(key, put(key, 0, info), "@"), ip))) != null) {
                return d;
            }
            if (host != null
                    && (d = step.tryKey(scratch, key, put(key, put(key, put(key, 0, info), "@="), host))) != null) {
                return d;
            }
        }
        if ((d = step.tryKey(scratch, key, put(key, 0, ip))) != null) {
            return d;
        }
        if (host != null && (d = step.tryKey(scratch, key, put(key, put(key, 0, "="), host))) != null) {
            return d;
        }
        put(key, 0, ip);
        for (int length = ip.length(); length > 0; length--) {
            char last = ip.charAt(length - 1);
            if ((last == '.' || last == ':') && (d = step.tryKey(scratch, key, length)) != null) {
                return d;
            }
        }
        if (host != null) {
            key[0] = '=';
            for (int i = 0; i < host.length(); i++) {
                if (host.charAt(i) == '.') {
                    int n = 1;
                    for (int j = i; j < host.length(); j++) {
                        key[n++] = (byte) host.charAt(j);
                    }
                    if ((d = step.tryKey(scratch, key, n)) != null) {
                        return d;
                    }
                }
            }
            if ((d = step.tryKey(scratch, key, 1)) != null) {
                return d;
            }
        }
        return step.tryKey(scratch, key, 0);
    }

    /** Writes {@code text} (one byte per char) at {@code at}; returns where it ends. */
    private static int put(byte[] key, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            key[at++] = (byte) text.charAt(i);
        }
        return at;
    }

    /** The decision of the first rule stored under {@code key[0, length)}, or null. */
    private static Decision ruleFor(Scratch scratch, byte[] key, int length) throws CdbFormatException {
        CdbReader.Finder finder = scratch.finder.start(key, 0, length);
        if (!finder.next()) {
            return null;
        }
        long position = finder.valuePosition();
        DecisionCache cache = scratch.cache;
        Decision d = cache != null ? cache.get(position) : null;
        if (d == null) {
            byte[] data = finder.valueBytes();
            d = RuleData.decode(new String(key, 0, length, StandardCharsets.ISO_8859_1), data, 0, data.length)
                    .at(position);
            if (cache != null) {
                cache.put(d);
            }
        }
        return d;
    }
}
