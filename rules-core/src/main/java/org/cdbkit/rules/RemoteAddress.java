package org.cdbkit.rules;

import java.net.InetAddress;
import java.util.Objects;

/**
 * The text tcpserver gives a client's address (TCPREMOTEIP), which is what rules are matched
 * against. IPv4 is dotted decimal; an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, what a
 * dual-stack socket reports for an IPv4 client) is the plain IPv4 text, as the IPv6 build of
 * tcpserver shows it; any other IPv6 address is written as that build's {@code ip6_fmt} writes
 * it: lower-case hex groups without leading zeros, the first longest run of zero groups
 * (even a single one) written {@code ::}. No scope id is added.
 *
 * <p>So rules for IPv4 clients are written in IPv4 ({@code 10.0.0.:allow}) whichever socket
 * accepted them, and IPv6 rules in this compressed form ({@code 2001:db8::1:deny},
 * {@code 2001:db8::allow} for a prefix, since prefixes end at a colon as well as a dot).
 */
public final class RemoteAddress {
    private RemoteAddress() {
    }

    public static String text(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return text(address.getAddress());
    }

    /** The text of a 4-byte or 16-byte address. */
    public static String text(byte[] ip) {
        Objects.requireNonNull(ip, "ip");
        if (ip.length == 4) {
            return ipv4(ip, 0);
        }
        if (ip.length != 16) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + ip.length);
        }
        if (isV4Mapped(ip)) {
            return ipv4(ip, 12);
        }
        return ipv6(ip);
    }

    /** Where a client is known only by its socket address: null when it is not an IP address. */
    public static String text(java.net.SocketAddress remote) {
        if (remote instanceof java.net.InetSocketAddress socket) {
            InetAddress a = socket.getAddress();
            return a == null ? null : text(a);
        }
        return null;
    }

    static boolean isV4Mapped(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff;
    }

    private static String ipv4(byte[] ip, int at) {
        return (ip[at] & 0xff) + "." + (ip[at + 1] & 0xff) + "." + (ip[at + 2] & 0xff) + "." + (ip[at + 3] & 0xff);
    }

    /** ip6_fmt of the IPv6 build of ucspi-tcp. */
    private static String ipv6(byte[] ip) {
        int bestStart = 0;
        int bestLength = 0;
        int runStart = -1;
        for (int k = 0; k <= 16; k += 2) {
            boolean zero = k < 16 && ip[k] == 0 && ip[k + 1] == 0;
            if (zero && runStart < 0) {
                runStart = k;
            } else if (!zero && runStart >= 0) {
                if (k - runStart > bestLength) {
                    bestLength = k - runStart;
                    bestStart = runStart;
                }
                runStart = -1;
            }
        }
        StringBuilder s = new StringBuilder(39);
        for (int k = 0; k < 16; k += 2) {
            if (bestLength > 0 && k == bestStart) {
                s.append(k == 0 ? "::" : ":");
                k += bestLength - 2;
                continue;
            }
            s.append(Integer.toHexString(((ip[k] & 0xff) << 8) | (ip[k + 1] & 0xff)));
            if (k < 14) {
                s.append(':');
            }
        }
        return s.toString();
    }
}
