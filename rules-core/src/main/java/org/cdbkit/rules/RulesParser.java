package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.cdbkit.cdb.LineReader;

/**
 * Parses tcprules input (ucspi-tcp 0.88, with the IPv6 build's addresses), one line at a time:
 *
 * <ul>
 * <li>lines starting with {@code #}, empty lines, and lines with no colon are skipped;
 * <li>trailing spaces, tabs and newlines are trimmed (a carriage return is not);
 * <li>the address ends at the first colon followed by {@code allow} or {@code deny}, as in the
 * IPv6 build, so {@code ::1:deny} works; where no colon is, the line is wrong (the IPv6 build
 * loops forever there; the IPv4 build rejects the same lines);
 * <li>then {@code allow} or {@code deny}, then any number of {@code ,NAME=qvalueq} where q is any
 * byte.
 * </ul>
 *
 * <p>The parser works on bytes and hands each rule to a {@link RuleSink} as ranges of its
 * line; {@link #parse(InputStream)} and {@link #parseLine} build {@link Rule}s from them.
 */
public final class RulesParser {
    private RulesParser() {
    }

    /** Receives the rules of an input, in order. */
    @FunctionalInterface
    public interface RuleHandler {
        void rule(Rule rule) throws IOException;
    }

    /** Parses every line of {@code in} into {@code sink}; the first bad line throws. */
    public static void parse(InputStream in, RuleSink sink) throws IOException {
        parse(in, sink, RulesDialect.UCSPI_TCP);
    }

    /**
     * As {@link #parse(InputStream, RuleSink)}, where the address ends as {@code dialect}'s
     * tcprules ends it: ucspi-tcp6 takes the last colon before the first comma (the comma
     * itself where no colon is before it), and skips only lines with neither.
     */
    static void parse(InputStream in, RuleSink sink, RulesDialect dialect) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        LineReader lines = new LineReader(in);
        int[] env = new int[16];
        long number = 0;
        boolean lastColon = dialect == RulesDialect.UCSPI_TCP6;
        for (int length = lines.next(); length >= 0; length = lines.next()) {
            number++;
            env = parseLine(lines.line(), length, number, env, sink, lastColon);
        }
    }

    /** Parses every line of {@code in} into rules; the first bad line throws. */
    public static void parse(InputStream in, RuleHandler handler) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        parse(in, (line, length, addressLength, allow, env, variables, lineNumber) -> handler.rule(
                toRule(line, length, addressLength, allow, env, variables, lineNumber)));
    }

    public static List<Rule> parse(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        List<Rule> rules = new ArrayList<>();
        parse(in, (RuleHandler) rules::add);
        return rules;
    }

    /**
     * Parses one line (with or without its newline); null for a line tcprules skips.
     * {@code lineNumber} only labels the rule or the error. One char per byte (ISO-8859-1).
     */
    public static Rule parseLine(String line, long lineNumber) throws RulesFormatException {
        Objects.requireNonNull(line, "line");
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        Rule[] rule = new Rule[1];
        try {
            parseLine(bytes, bytes.length, lineNumber, new int[16], (l, length, addressLength, allow, env, variables,
                    n) -> rule[0] = toRule(l, length, addressLength, allow, env, variables, n), false);
        } catch (RulesFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("building a rule does no I/O", e);
        }
        return rule[0];
    }

    private static Rule toRule(byte[] line, int length, int addressLength, boolean allow, int[] env, int variables,
            long lineNumber) {
        List<EnvVar> vars = new ArrayList<>(variables);
        for (int i = 0; i < variables; i++) {
            vars.add(new EnvVar(text(line, env[4 * i], env[4 * i + 1]), text(line, env[4 * i + 2], env[4 * i + 3])));
        }
        return new Rule(text(line, 0, addressLength), allow, vars, lineNumber, text(line, 0, length));
    }

    private static String text(byte[] line, int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Parses {@code line[0, length)}; returns the (possibly grown) env array for the next line. */
    private static int[] parseLine(byte[] line, int length, long lineNumber, int[] env, RuleSink sink,
            boolean lastColon) throws IOException {
        if (length == 0 || line[0] == '#' || line[0] == '\n') {
            return env;
        }
        int len = length;
        while (len > 0) {
            byte c = line[len - 1];
            if (c != '\n' && c != ' ' && c != '\t') {
                break;
            }
            len--;
        }
        int colon = lastColon ? lastColonBeforeComma(line, len) : addressEnd(line, len);
        if (colon < 0) {
            return env;
        }
        int at = colon + 1;
        boolean allow;
        if (startsWith(line, len, at, DENY)) {
            allow = false;
            at += 4;
        } else if (startsWith(line, len, at, ALLOW)) {
            allow = true;
            at += 5;
        } else {
            throw bad(line, len, lineNumber);
        }
        int variables = 0;
        while (at < len) {
            if (line[at] != ',') {
                throw bad(line, len, lineNumber);
            }
            int equals = indexOf(line, len, (byte) '=', at);
            if (equals < 0 || equals + 1 >= len) {
                throw bad(line, len, lineNumber);
            }
            byte quote = line[equals + 1];
            int close = indexOf(line, len, quote, equals + 2);
            if (close < 0) {
                throw bad(line, len, lineNumber);
            }
            if (4 * variables + 4 > env.length) {
                env = Arrays.copyOf(env, env.length * 2);
            }
            env[4 * variables] = at + 1;
            env[4 * variables + 1] = equals;
            env[4 * variables + 2] = equals + 2;
            env[4 * variables + 3] = close;
            variables++;
            at = close + 1;
        }
        sink.rule(line, len, colon, allow, env, variables, lineNumber);
        return env;
    }

    private static final byte[] DENY = {'d', 'e', 'n', 'y'};
    private static final byte[] ALLOW = {'a', 'l', 'l', 'o', 'w'};

    /**
     * Where the address ends: the first colon followed by "allow" or "deny" (the IPv6 build's
     * rule, the same as the IPv4 build's wherever that one accepts the line), else the first
     * colon (whose instructions then fail to parse), or -1 when there is no colon.
     */
    static int addressEnd(byte[] line, int len) {
        int first = indexOf(line, len, (byte) ':', 0);
        for (int colon = first; colon >= 0; colon = indexOf(line, len, (byte) ':', colon + 1)) {
            if (startsWith(line, len, colon + 1, DENY) || startsWith(line, len, colon + 1, ALLOW)) {
                return colon;
            }
        }
        return first;
    }

    /** ucspi-tcp6's address end: the last colon before the first comma, else that comma, else -1. */
    private static int lastColonBeforeComma(byte[] line, int len) {
        int comma = indexOf(line, len, (byte) ',', 0);
        if (comma < 0) {
            comma = len;
        }
        for (int i = comma - 1; i >= 0; i--) {
            if (line[i] == ':') {
                return i;
            }
        }
        return comma == len ? -1 : comma;
    }

    private static boolean startsWith(byte[] line, int len, int at, byte[] word) {
        return len - at >= word.length && Arrays.equals(line, at, at + word.length, word, 0, word.length);
    }

    /** The first {@code b} in {@code line[from, len)}, or -1. */
    static int indexOf(byte[] line, int len, byte b, int from) {
        for (int i = from; i < len; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static RulesFormatException bad(byte[] line, int len, long lineNumber) {
        return new RulesFormatException(lineNumber, text(line, 0, len));
    }
}
