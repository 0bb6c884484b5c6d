package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.CdbSink;

/**
 * The {@link RulesDialect#UCSPI_TCP6} dialect: the keys ucspi-tcp6 1.11's tcprules writes for
 * an address, and the keys its tcpserver and tcprulescheck try for a connection.
 *
 * <p>Keys of an address, tried in this order: one holding {@code =} is stored as written; one
 * holding {@code @} too, except {@code info@IPv6}, whose address is written out in full; an
 * IPv4 {@code a.b.c.d/n} (n from 1 to 32, missing parts 0) is {@code _} and its first n bits
 * ({@code 0}, or for a set bit the letter of its position, {@code a} to {@code z} then
 * {@code 1} to {@code 6}); an IPv4 range expands as in ucspi-tcp ({@link RuleKeys}); an
 * address holding a colon is IPv6: with {@code /n} (1 to 128), {@code ^} and its first n bits
 * ({@code 0}, or for the k-th set bit the char {@code '`' + k - 1}), else the address in full,
 * {@code 2001:0DB8:0000:0000:0000:0000:0000:0001}. Anything else is stored as written.
 */
final class Ucspi6Rules {
    private Ucspi6Rules() {
    }

    static final String BAD_LINE = "unable to parse this line";
    static final String BAD_PREFIX = "invalid prefix length on line";
    static final String BAD_IPV6 = "invalid IPv6 address: on line";
    static final String BAD_IPV6_CIDR = "invalid IPv6 CIDR address on line";

    /** Writes the records of every rule in {@code rules}, in order; returns the number of rules. */
    static long write(InputStream rules, CdbSink writer) throws IOException {
        long[] count = new long[1];
        RulesParser.parse(rules, (line, length, addressLength, allow, env, variables, lineNumber) -> {
            byte[] data = new byte[length + 2 + 3 * variables];
            int dataLength = RuleData.encode(allow, line, env, variables, data);
            String address = new String(line, 0, addressLength, StandardCharsets.ISO_8859_1);
            for (String key : keys(address, lineNumber, new String(line, 0, length, StandardCharsets.ISO_8859_1))) {
                byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
                writer.add(k, 0, k.length, data, 0, dataLength);
            }
            count[0]++;
        }, RulesDialect.UCSPI_TCP6);
        return count[0];
    }

    /** The keys of {@code address}; {@code lineNumber} and {@code line} label an error. */
    static List<String> keys(String address, long lineNumber, String line) throws RulesFormatException {
        if (address.indexOf('=') >= 0) {
            return List.of(address);
        }
        boolean ipv6 = address.indexOf(':') >= 0;
        int slash = address.indexOf('/');
        int at = address.indexOf('@');
        if (at >= 0) {
            if (!ipv6 || slash >= 0) {
                return List.of(address);
            }
            byte[] ip = Ucspi6Address.ipv6(address.substring(at + 1));
            if (ip == null) {
                throw new RulesFormatException(lineNumber, line, BAD_IPV6);
            }
            return List.of(address.substring(0, at + 1) + Ucspi6Address.full(ip));
        }
        if (!ipv6) {
            if (slash >= 0) {
                long prefix = number(address.substring(slash + 1), lineNumber, line);
                if (prefix <= 0 || prefix > 32) {
                    throw new RulesFormatException(lineNumber, line, BAD_PREFIX);
                }
                return List.of("_" + Ucspi6Address.bits4(Ucspi6Address.ipv4(address.substring(0, slash)), (int) prefix));
            }
            return RuleKeys.of(address, lineNumber, line);
        }
        if (slash >= 0) {
            long prefix = number(address.substring(slash + 1), lineNumber, line);
            if (prefix < 0 || prefix > 128) {
                throw new RulesFormatException(lineNumber, line, BAD_PREFIX);
            }
            byte[] ip = Ucspi6Address.ipv6(address.substring(0, slash));
            if (ip == null || prefix == 0) {
                throw new RulesFormatException(lineNumber, line, BAD_IPV6_CIDR);
            }
            return List.of("^" + Ucspi6Address.bits6(ip, (int) prefix));
        }
        byte[] ip = Ucspi6Address.ipv6(address);
        if (ip == null) {
            throw new RulesFormatException(lineNumber, line, BAD_IPV6);
        }
        return List.of(Ucspi6Address.full(ip));
    }

    /**
     * A prefix length as tcprules reads it: decimal digits only (none is 0) up to the end or a
     * NUL, 64-bit unsigned, wrapping; above {@link Long#MAX_VALUE} it is returned as negative.
     */
    private static long number(String digits, long lineNumber, String line) throws RulesFormatException {
        long value = 0;
        for (int i = 0; i < digits.length() && digits.charAt(i) != 0; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new RulesFormatException(lineNumber, line, BAD_LINE);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Every key ucspi-tcp6's tcpserver tries for a connection, in order: info@ip, info@=host,
     * ip, =host, then for IPv4 its prefixes ending in a dot, longest first, and its CIDR keys
     * from 32 bits down to 2, for IPv6 its CIDR keys from 128 bits down to 2; then =.suffix for
     * each dot of host, =, and the empty key. An IPv6 ip (one with a colon) is tried written
     * out in full; one it cannot read is not tried at all (info@ alone is).
     */
    static List<String> candidates(String ip, String host, String info) {
        List<String> keys = new ArrayList<>();
        boolean ipv6 = ip.indexOf(':') >= 0;
        byte[] ip6 = ipv6 ? Ucspi6Address.ipv6(ip) : null;
        String ipKey = ipv6 ? (ip6 == null ? null : Ucspi6Address.full(ip6)) : ip;
        if (info != null) {
            keys.add(info + "@" + (ipKey == null ? "" : ipKey));
            if (host != null) {
                keys.add(info + "@=" + host);
            }
        }
        if (ipKey != null) {
            keys.add(ipKey);
        }
        if (host != null) {
            keys.add("=" + host);
        }
        if (!ipv6) {
            for (int length = ip.length(); length > 0; length--) {
                if (ip.charAt(length - 1) == '.') {
                    keys.add(ip.substring(0, length));
                }
            }
            String bits = Ucspi6Address.bits4(Ucspi6Address.ipv4(ip), 32);
            for (int p = 32; p >= 2; p--) {
                keys.add("_" + bits.substring(0, p));
            }
        } else if (ip6 != null) {
            String bits = Ucspi6Address.bits6(ip6, 128);
            for (int p = 128; p >= 2; p--) {
                keys.add("^" + bits.substring(0, p));
            }
        }
        if (host != null) {
            for (int i = 0; i < host.length(); i++) {
                if (host.charAt(i) == '.') {
                    keys.add("=" + host.substring(i));
                }
            }
            keys.add("=");
        }
        keys.add("");
        return keys;
    }

    /** The decision of the first candidate key stored in {@code rules}; the default if none is. */
    static Decision decide(CdbReader rules, String ip, String host, String info) throws CdbFormatException {
        CdbReader.Finder finder = rules.finder();
        for (String key : candidates(ip, host, info)) {
            byte[] k = key.getBytes(StandardCharsets.ISO_8859_1);
            if (finder.start(k, 0, k.length).next()) {
                byte[] data = finder.valueBytes();
                return RuleData.decode(key, data, 0, data.length);
            }
        }
        return Decision.DEFAULT;
    }

    /** tcprulescheck's name for the rule under {@code key}: CIDR keys decoded; null for "default". */
    static String ruleName(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        String cidr = key.charAt(0) == '^' ? Ucspi6Address.cidr6(key)
                : key.charAt(0) == '_' ? Ucspi6Address.cidr4(key) : null;
        return cidr != null ? cidr : key;
    }
}
