package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.cdbkit.cdb.LineReader;

/**
 * What compiles but cannot work as written: the warnings of {@code tcpruleslint} for one rules
 * source, in the default (ucspi-tcp 0.88) dialect. Each warning names its line. Lines tcprules
 * refuses are reported too, as errors, and the reading goes on past them.
 */
public final class RulesLint {
    /** One finding: its line (1-based, as tcprules counts), whether tcprules refuses the line, and what is wrong. */
    public record Finding(long line, boolean error, String message) {
    }

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern LEADING_ZERO = Pattern.compile("(^|[.@-])0[0-9]");
    private static final Pattern IPV4_TEXT = Pattern.compile("[0-9.-]+");

    private RulesLint() {
    }

    /** Reads every line of {@code in} and returns the findings in line order. */
    public static List<Finding> check(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        List<Finding> findings = new ArrayList<>();
        Map<String, Rule> takenBy = new HashMap<>();
        List<Rule> earlier = new ArrayList<>();
        LineReader lines = new LineReader(in);
        long number = 0;
        for (int length = lines.next(); length >= 0; length = lines.next()) {
            number++;
            String line = trimmed(new String(lines.line(), 0, length, StandardCharsets.ISO_8859_1));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.endsWith("\r")) {
                findings.add(new Finding(number, false, "the line ends in a carriage return (saved with DOS line "
                        + "ends?): tcprules refuses it"));
                continue;
            }
            if (line.indexOf(':') < 0) {
                findings.add(new Finding(number, false, "no colon: tcprules skips this line without a word"));
                continue;
            }
            Rule rule;
            List<String> keys;
            try {
                rule = RulesParser.parseLine(line, number);
                keys = RuleKeys.of(rule);
            } catch (RulesFormatException e) {
                findings.add(new Finding(number, true, "unable to parse this line: " + e.line()));
                continue;
            }
            addressFindings(rule, number, findings);
            for (EnvVar v : rule.env()) {
                if (!VARIABLE.matcher(v.name()).matches()) {
                    findings.add(new Finding(number, false, "variable name \"" + v.name()
                            + "\" is not one a shell or a program can use"));
                }
            }
            keyFindings(rule, keys, number, takenBy, findings);
            orderFindings(rule, keys, earlier, number, findings);
            earlier.add(rule);
        }
        return findings;
    }

    /** tcprules trims trailing blanks and the newline, not a carriage return. */
    private static String trimmed(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == ' '
                || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(0, end);
    }

    private static void addressFindings(Rule rule, long number, List<Finding> findings) {
        String address = rule.address();
        if (address.startsWith("=")) {
            return; // a host name: any text is one
        }
        String ip = address.substring(address.indexOf('@') + 1);
        if (ip.startsWith("=")) {
            return;
        }
        if (ip.indexOf('/') >= 0) {
            findings.add(new Finding(number, false, "\"" + ip + "\" is a CIDR prefix, which tcprules stores as a "
                    + "literal key that no client address equals (tcprules --cidr compiles it into keys that match)"));
            return;
        }
        if (ip.indexOf(':') >= 0) {
            if (ip.startsWith("[") || ip.endsWith("]")) {
                findings.add(new Finding(number, false, "brackets around \"" + ip
                        + "\": tcpserver writes addresses without them"));
            }
            if (!ip.equals(ip.toLowerCase(Locale.ROOT))) {
                findings.add(new Finding(number, false, "\"" + ip + "\" has upper case: tcpserver writes IPv6 "
                        + "addresses in lower case"));
            }
            if (ip.toLowerCase(Locale.ROOT).startsWith("::ffff:") && ip.indexOf('.') >= 0) {
                findings.add(new Finding(number, false, "\"" + ip + "\": tcpserver shows an IPv4 client as "
                        + ip.substring(7) + ", never as ::ffff:a.b.c.d"));
            }
            return;
        }
        if (IPV4_TEXT.matcher(ip).matches()) {
            if (LEADING_ZERO.matcher(ip).find()) {
                findings.add(new Finding(number, false, "\"" + ip + "\" has a number with a leading zero: "
                        + "tcpserver writes 10, never 010"));
            }
            rangeFindings(address, ip, number, findings);
        }
    }

    /** The component holding the first dash is expanded, from its low number to its high one, at most 255. */
    private static void rangeFindings(String address, String ip, long number, List<Finding> findings) {
        int dash = ip.indexOf('-');
        if (dash < 0 || address.indexOf('=') >= 0) {
            return;
        }
        int start = ip.lastIndexOf('.', dash) + 1;
        int end = ip.indexOf('.', dash);
        String low = ip.substring(start, dash);
        String high = ip.substring(dash + 1, end < 0 ? ip.length() : end);
        if (low.isEmpty() || high.isEmpty() || high.indexOf('-') >= 0 || low.length() > 9 || high.length() > 9) {
            return;
        }
        long from = Long.parseLong(low);
        long to = Long.parseLong(high);
        if (from > to) {
            findings.add(new Finding(number, false, "the range " + low + "-" + high + " is empty: the rule makes no "
                    + "key at all"));
        } else if (to > 255) {
            findings.add(new Finding(number, false, "the range " + low + "-" + high + " runs past 255: tcprules stops "
                    + "there" + (from > 255 ? ", so the rule makes no key at all" : "")));
        }
    }

    /** A key an earlier rule made is never looked up again: tcpserver takes a key's first record. */
    private static void keyFindings(Rule rule, List<String> keys, long number, Map<String, Rule> takenBy,
            List<Finding> findings) {
        int taken = 0;
        String firstKey = null;
        Rule firstRule = null;
        for (String key : keys) {
            Rule before = takenBy.putIfAbsent(key, rule);
            if (before != null) {
                if (taken++ == 0) {
                    firstKey = key;
                    firstRule = before;
                }
            }
        }
        if (taken == 0) {
            return;
        }
        if (taken == keys.size()) {
            findings.add(new Finding(number, false, "never used: " + (keys.size() == 1 ? "line " + firstRule.lineNumber()
                    + " already has the key \"" + firstKey + "\"" : "every one of its " + keys.size()
                    + " keys was made by an earlier rule (the first, \"" + firstKey + "\", at line "
                    + firstRule.lineNumber() + ")")));
        } else {
            findings.add(new Finding(number, false, taken + " of its " + keys.size() + " keys are never used: an "
                    + "earlier rule made them (the first, \"" + firstKey + "\", at line " + firstRule.lineNumber()
                    + ")"));
        }
    }

    /**
     * A rule for an address or a longer prefix decides for its addresses before a shorter prefix
     * written above it, whatever the order of the lines: a reader who expects the first line to
     * win (as in a firewall) is surprised.
     */
    private static void orderFindings(Rule rule, List<String> keys, List<Rule> earlier, long number,
            List<Finding> findings) {
        if (rule.address().indexOf('=') >= 0 || rule.address().indexOf('@') >= 0 || keys.isEmpty()) {
            return;
        }
        String key = keys.get(0);
        for (Rule before : earlier) {
            String prefix = before.address();
            boolean isPrefix = prefix.endsWith(".") || prefix.endsWith(":") || prefix.isEmpty();
            if (!isPrefix || prefix.indexOf('-') >= 0 || prefix.indexOf('=') >= 0 || prefix.indexOf('@') >= 0
                    || prefix.isEmpty() || key.length() <= prefix.length() || !key.startsWith(prefix)) {
                continue;
            }
            if (before.allow() != rule.allow() || !before.env().equals(rule.env())) {
                findings.add(new Finding(number, false, "decides for its addresses before \"" + prefix + "\" at line "
                        + before.lineNumber() + ", though written after it: tcpserver tries exact addresses and "
                        + "longer prefixes first, whatever the order of the lines"));
                return;
            }
        }
    }
}
