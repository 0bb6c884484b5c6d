package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
 */
public final class RulesParser {
    private RulesParser() {
    }

    /** Receives the rules of an input, in order. */
    @FunctionalInterface
    public interface RuleHandler {
        void rule(Rule rule) throws IOException;
    }

    /** Parses every line of {@code in}; the first bad line throws. */
    public static void parse(InputStream in, RuleHandler handler) throws IOException {
        LineReader lines = new LineReader(in);
        long number = 0;
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            number++;
            Rule rule = parseLine(new String(line, StandardCharsets.ISO_8859_1), number);
            if (rule != null) {
                handler.rule(rule);
            }
        }
    }

    public static List<Rule> parse(InputStream in) throws IOException {
        List<Rule> rules = new ArrayList<>();
        parse(in, rules::add);
        return rules;
    }

    /**
     * Parses one line (with or without its newline); null for a line tcprules skips.
     * {@code lineNumber} only labels the rule or the error.
     */
    public static Rule parseLine(String line, long lineNumber) throws RulesFormatException {
        if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '\n') {
            return null;
        }
        int len = line.length();
        while (len > 0) {
            char c = line.charAt(len - 1);
            if (c != '\n' && c != ' ' && c != '\t') {
                break;
            }
            len--;
        }
        String x = line.substring(0, len);
        int colon = addressEnd(x);
        if (colon < 0) {
            return null;
        }
        String address = x.substring(0, colon);
        int at = colon + 1;
        boolean allow;
        if (x.startsWith("deny", at)) {
            allow = false;
            at += 4;
        } else if (x.startsWith("allow", at)) {
            allow = true;
            at += 5;
        } else {
            throw new RulesFormatException(lineNumber, x);
        }
        List<EnvVar> env = new ArrayList<>();
        while (at < len) {
            if (x.charAt(at) != ',') {
                throw new RulesFormatException(lineNumber, x);
            }
            int equals = x.indexOf('=', at);
            if (equals < 0 || equals + 1 >= len) {
                throw new RulesFormatException(lineNumber, x);
            }
            String name = x.substring(at + 1, equals);
            char quote = x.charAt(equals + 1);
            int close = x.indexOf(quote, equals + 2);
            if (close < 0) {
                throw new RulesFormatException(lineNumber, x);
            }
            env.add(new EnvVar(name, x.substring(equals + 2, close)));
            at = close + 1;
        }
        return new Rule(address, allow, env, lineNumber, x);
    }

    /**
     * Where the address ends: the first colon followed by "allow" or "deny" (the IPv6 build's
     * rule, the same as the IPv4 build's wherever that one accepts the line), else the first
     * colon (whose instructions then fail to parse), or -1 when there is no colon.
     */
    static int addressEnd(String x) {
        int first = x.indexOf(':');
        for (int colon = first; colon >= 0; colon = x.indexOf(':', colon + 1)) {
            if (x.startsWith("deny", colon + 1) || x.startsWith("allow", colon + 1)) {
                return colon;
            }
        }
        return first;
    }

    /** Lines split at newline bytes, each with its newline, as getln gives them. */
    static final class LineReader {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int next;
        private int end;
        private byte[] pending = new byte[256];

        LineReader(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            int length = 0;
            for (;;) {
                if (next == end) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n <= 0) {
                        return length == 0 ? null : java.util.Arrays.copyOf(pending, length);
                    }
                    next = 0;
                    end = n;
                }
                int start = next;
                while (next < end && buffer[next] != '\n') {
                    next++;
                }
                boolean newline = next < end;
                if (newline) {
                    next++;
                }
                int n = next - start;
                if (length + n > pending.length) {
                    pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, length + n));
                }
                System.arraycopy(buffer, start, pending, length, n);
                length += n;
                if (newline) {
                    return java.util.Arrays.copyOf(pending, length);
                }
            }
        }
    }
}
