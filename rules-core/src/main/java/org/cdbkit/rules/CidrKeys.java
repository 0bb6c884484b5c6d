package org.cdbkit.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * tcprules {@code --cidr}: the keys the stock tcpserver matches for an address prefix.
 *
 * <ul>
 * <li>IPv4 {@code a.b.c.d/n}: tcpserver matches the whole address and its prefixes ending in
 * {@code .}, so a prefix becomes the dotted prefixes of the octets it fixes, rounded down to a
 * whole octet: {@code /0} is {@code 0.} to {@code 255.}, {@code /1} to {@code /8} one-octet
 * prefixes ({@code 10.0.0.0/8} is {@code 10.}, {@code /7} two of them), {@code /9} to
 * {@code /16} two-octet ones, {@code /17} to {@code /24} three-octet ones ({@code 10.1.16.0/20}
 * is {@code 10.1.16.} to {@code 10.1.31.}), {@code /25} to {@code /32} exact addresses (a /25
 * is 128 of them). At most 256 keys.
 * <li>IPv6 {@code x:x::/n}: the IPv6 build matches prefixes of the address's compressed text
 * ending in {@code :}, and that text moves with the zero groups, so only prefixes whose text is
 * the same for every address they cover are taken: {@code /128} (the address's text), and
 * {@code /16} to {@code /112} in steps of 16 whose fixed groups are non-zero but for the last:
 * {@code 2001:db8::/32} is {@code 2001:db8:}, {@code 2001:db8::/48} (its third group zero) is
 * {@code 2001:db8:0:} and {@code 2001:db8::}.
 * </ul>
 *
 * A prefix with host bits set ({@code 10.1.2.3/8}) is refused, as is every other form: its
 * reason is the message of the {@link IllegalArgumentException}.
 */
public final class CidrKeys {
    private CidrKeys() {
    }

    /** Whether tcprules --cidr takes {@code address[0, length)} for a prefix: it holds a '/' and no '='. */
    static boolean isPrefix(byte[] address, int length) {
        return RulesParser.indexOf(address, length, (byte) '/', 0) >= 0
                && RulesParser.indexOf(address, length, (byte) '=', 0) < 0;
    }

    /** The keys of {@code prefix} ({@code a.b.c.d/n} or IPv6), in ascending order. */
    public static List<String> of(String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(prefix + " has no /length");
        }
        if (prefix.indexOf('@') >= 0) {
            throw new IllegalArgumentException(prefix + ": tcpserver matches info@ip only on a whole address,"
                    + " so a prefix cannot follow info@");
        }
        String address = prefix.substring(0, slash);
        boolean v6 = address.indexOf(':') >= 0;
        byte[] ip = v6 ? ipv6(address, prefix) : ipv4(address, prefix);
        int bits = length(prefix.substring(slash + 1), ip.length * 8, prefix);
        for (int i = 0; i < ip.length * 8; i++) {
            if (i >= bits && (ip[i / 8] & (0x80 >> (i % 8))) != 0) {
                throw new IllegalArgumentException(prefix + " has host bits set (past its first " + bits
                        + "): the prefix is " + RemoteAddress.text(masked(ip, bits)) + "/" + bits);
            }
        }
        return v6 ? ipv6Keys(ip, bits, prefix) : ipv4Keys(ip, bits);
    }

    private static List<String> ipv4Keys(byte[] ip, int bits) {
        int octets = bits > 24 ? 4 : Math.max(1, (bits + 7) / 8);
        int count = 1 << (octets * 8 - bits);  // bounded by 256: octets * 8 - bits < 8 but for /0
        List<String> keys = new ArrayList<>(count);
        long first = 0;
        for (int i = 0; i < octets; i++) {
            first = first << 8 | (ip[i] & 0xff);
        }
        for (long n = first; n < first + count; n++) {
            StringBuilder key = new StringBuilder(16);
            for (int i = octets - 1; i >= 0; i--) {
                key.append(n >> (8 * i) & 0xff);
                if (i > 0 || octets < 4) {
                    key.append('.');
                }
            }
            keys.add(key.toString());
        }
        return keys;
    }

    private static List<String> ipv6Keys(byte[] ip, int bits, String prefix) {
        if (bits == 128) {
            return List.of(RemoteAddress.text(ip));
        }
        if (bits == 0 || bits % 16 != 0) {
            throw new IllegalArgumentException(prefix + ": the IPv6 tcpserver matches prefixes of an address's text,"
                    + " which end at a group: only /16, /32, /48, /64, /80, /96, /112 and /128 compile exactly");
        }
        int groups = bits / 16;
        StringBuilder fixed = new StringBuilder(40);
        for (int g = 0; g < groups - 1; g++) {
            int group = group(ip, g);
            if (group == 0) {
                throw new IllegalArgumentException(prefix + " has a zero group before its last: the IPv6 tcpserver"
                        + " matches the compressed text of an address, where such a group can be part of a ::");
            }
            fixed.append(Integer.toHexString(group)).append(':');
        }
        int last = group(ip, groups - 1);
        if (last != 0) {
            return List.of(fixed + Integer.toHexString(last) + ":");
        }
        // the last group zero: printed as 0, or as the start of a :: run ("::" itself when it is the first)
        return List.of(fixed + "0:", groups == 1 ? "::" : fixed + ":");
    }

    private static int group(byte[] ip, int g) {
        return (ip[2 * g] & 0xff) << 8 | (ip[2 * g + 1] & 0xff);
    }

    private static byte[] masked(byte[] ip, int bits) {
        byte[] m = ip.clone();
        for (int i = bits; i < m.length * 8; i++) {
            m[i / 8] &= (byte) ~(0x80 >> (i % 8));
        }
        return m;
    }

    private static int length(String digits, int max, String prefix) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.matches("[0-9]+")
                || Integer.parseInt(digits) > max) {
            throw new IllegalArgumentException(prefix + ": the prefix length must be a number from 0 to " + max);
        }
        return Integer.parseInt(digits);
    }

    private static byte[] ipv4(String text, String prefix) {
        byte[] ip = new byte[4];
        if (!quad(text, ip, 0)) {
            throw new IllegalArgumentException(
                    prefix + ": " + text + " is not an IPv4 address (a.b.c.d, each 0 to 255)");
        }
        return ip;
    }

    private static boolean quad(String text, byte[] ip, int at) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.matches("[0-9]+")
                    || Integer.parseInt(p) > 255) {
                return false;
            }
            ip[at + i] = (byte) Integer.parseInt(p);
        }
        return true;
    }

    /** RFC 4291 text: hex groups, at most one {@code ::}, optionally a dotted quad at the end. */
    private static byte[] ipv6(String text, String prefix) {
        byte[] ip = new byte[16];
        byte[] tail = new byte[16];
        int gap = text.indexOf("::");
        boolean good;
        if (gap < 0) {
            good = groups(text, ip) == 16;
        } else {
            int head = gap == 0 ? 0 : groups(text.substring(0, gap), ip);
            int end = gap + 2 == text.length() ? 0 : groups(text.substring(gap + 2), tail);
            // the :: stands for one zero group at least
            good = text.indexOf("::", gap + 1) < 0 && head >= 0 && end >= 0 && head + end <= 14;
            System.arraycopy(tail, 0, ip, 16 - Math.max(end, 0), Math.max(end, 0));
        }
        if (!good) {
            throw new IllegalArgumentException(prefix + ": " + text + " is not an IPv6 address");
        }
        return ip;
    }

    /**
     * Parses {@code text} (colon-separated hex groups, the last maybe a dotted quad) into
     * {@code ip}; returns the number of bytes, or -1 when it is bad.
     */
    private static int groups(String text, byte[] ip) {
        String[] parts = text.split(":", -1);
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                return n + 4 <= 16 && quad(p, ip, n) ? n + 4 : -1;
            }
            if (p.isEmpty() || p.length() > 4 || n + 2 > 16 || !p.matches("[0-9a-fA-F]+")) {
                return -1;
            }
            int value = Integer.parseInt(p, 16);
            ip[n] = (byte) (value >> 8);
            ip[n + 1] = (byte) value;
            n += 2;
        }
        return n;
    }
}
