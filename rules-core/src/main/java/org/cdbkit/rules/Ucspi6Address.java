package org.cdbkit.rules;

/**
 * Addresses as ucspi-tcp6 1.11 (with fehQlibs 14) reads and writes them: its IPv4 and IPv6
 * scanners (which read as much as they can and ignore what follows), the IPv6 text written out
 * in full, the bit strings of its CIDR keys and its compact IPv6 text. Strings hold one byte
 * per char (ISO-8859-1); reading past the end reads a NUL, as in C.
 */
final class Ucspi6Address {
    private Ucspi6Address() {
    }

    /** The character of a set bit in an IPv4 bit string: one per position. */
    private static final String IPV4_BITS = "abcdefghijklmnopqrstuvwxyz123456";

    /** The character of the first set bit in an IPv6 bit string; each further one is the next. */
    private static final int IPV6_FIRST_BIT = '`';

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /**
     * fehQlibs' ip4_scan from {@code from}: four decimal parts of at most 255 joined by dots
     * into {@code ip}; the number of chars read, or 0 where it stops early (the parts read so
     * far are in {@code ip}, the others left as they were).
     */
    static int scan4(String s, int from, byte[] ip) {
        int at = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (at(s, at) != '.') {
                    return 0;
                }
                at++;
            }
            long value = 0;
            int start = at;
            while (at(s, at) >= '0' && at(s, at) <= '9') {
                value = Math.min(value * 10 + at(s, at) - '0', Integer.MAX_VALUE);
                at++;
            }
            if (at == start || value > 255) {
                return 0;
            }
            ip[part] = (byte) value;
        }
        return at - from;
    }

    /** The four bytes of an IPv4 address as far as it reads; missing parts are 0. */
    static byte[] ipv4(String s) {
        byte[] ip = new byte[4];
        scan4(s, 0, ip);
        return ip;
    }

    /**
     * fehQlibs' ip6_scan: compact IPv6 (hex groups, one {@code ::}, an IPv4 tail), or an IPv4
     * address (mapped); null where it reads nothing. Like the original, it ignores what follows
     * the address.
     */
    static byte[] ipv6(String s) {
        byte[] ip = new byte[16];
        byte[] ip4 = new byte[4];
        if (scan4(s, 0, ip4) > 0) {
            if ((ip4[0] | ip4[1] | ip4[2] | ip4[3]) != 0) {
                ip[10] = (byte) 0xff;
                ip[11] = (byte) 0xff;
                System.arraycopy(ip4, 0, ip, 12, 4);
            }
            return ip;
        }
        int at = 0;
        int prefix = 0;
        boolean gap = false;
        while (!gap) {
            if (at(s, at) == ':') {
                if (at(s, at + 1) == ':') {
                    at += 2;
                    gap = true;
                    break;
                }
                at++;
            }
            int digits = hexDigits(s, at);
            if (digits == 0) {
                return null;
            }
            if (prefix == 12 && at(s, at + digits) == '.') {
                return scan4(s, at, ip4) > 0 ? tail(ip, ip4) : null;
            }
            long value = hexValue(s, at, digits);
            ip[prefix++] = (byte) (value >> 8);
            ip[prefix++] = (byte) value;
            at += digits;
            if (prefix == 16) {
                return ip;
            }
        }
        byte[] suffix = new byte[16];
        int suffixLength = 0;
        for (;;) {
            if (at(s, at) == ':') {
                if (suffixLength == 0) {
                    break;
                }
                at++;
            } else if (suffixLength != 0) {
                break;
            }
            int digits = hexDigits(s, at);
            if (digits == 0) {
                break;
            }
            if (suffixLength + prefix <= 12 && at(s, at + digits) == '.') {
                if (scan4(s, at, ip4) > 0) {
                    System.arraycopy(ip4, 0, suffix, suffixLength, 4);
                    suffixLength += 4;
                    break;
                }
                prefix = 12 - suffixLength;
            }
            long value = hexValue(s, at, digits);
            suffix[suffixLength++] = (byte) (value >> 8);
            suffix[suffixLength++] = (byte) value;
            at += digits;
            if (prefix + suffixLength == 16) {
                break;
            }
        }
        System.arraycopy(suffix, 0, ip, 16 - suffixLength, suffixLength);
        return ip;
    }

    private static byte[] tail(byte[] ip, byte[] ip4) {
        System.arraycopy(ip4, 0, ip, 12, 4);
        return ip;
    }

    private static int hexDigits(String s, int from) {
        int at = from;
        while (hex(at(s, at)) >= 0) {
            at++;
        }
        return at - from;
    }

    /** scan_xlong: as many hex digits as there are, kept to 64 bits. */
    private static long hexValue(String s, int from, int digits) {
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            value = value << 4 | hex(s.charAt(i));
        }
        return value;
    }

    /** ip6_fmt_str: eight groups of four upper-case hex digits, joined by colons. */
    static String full(byte[] ip) {
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 16; i++) {
            s.append(Character.toUpperCase(Character.forDigit(ip[i] >> 4 & 15, 16)))
                    .append(Character.toUpperCase(Character.forDigit(ip[i] & 15, 16)));
            if (i % 2 == 1 && i < 15) {
                s.append(':');
            }
        }
        return s.toString();
    }

    /** The first {@code prefix} bits of an IPv4 address: {@code 0}, or the position's letter. */
    static String bits4(byte[] ip, int prefix) {
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < prefix; i++) {
            s.append((ip[i / 8] >> (7 - i % 8) & 1) == 0 ? '0' : IPV4_BITS.charAt(i));
        }
        return s.toString();
    }

    /** The first {@code prefix} bits of an IPv6 address: {@code 0}, or the next set bit's character. */
    static String bits6(byte[] ip, int prefix) {
        StringBuilder s = new StringBuilder(prefix);
        int next = IPV6_FIRST_BIT;
        for (int i = 0; i < prefix; i++) {
            s.append((ip[i / 8] >> (7 - i % 8) & 1) == 0 ? '0' : (char) (next++ & 0xff));
        }
        return s.toString();
    }

    /** The bytes whose leading bits a bit string spells (any char but {@code 0} is a set bit). */
    private static byte[] fromBits(String key, int length) {
        byte[] ip = new byte[length];
        for (int i = 1; i < key.length(); i++) {
            if (key.charAt(i) != '0') {
                ip[(i - 1) / 8] |= (byte) (0x80 >> ((i - 1) % 8));
            }
        }
        return ip;
    }

    /**
     * bitstring_ip4: a key {@code _BITS} as {@code a.b.} (a part, then a dot unless it is the
     * fourth, for every 8 bits and for the last), {@code /prefix}; null for 1 bit or over 32.
     */
    static String cidr4(String key) {
        int prefix = key.length() - 1;
        if (prefix <= 1 || prefix > 32) {
            return null;
        }
        byte[] ip = fromBits(key, 4);
        StringBuilder s = new StringBuilder();
        for (int j = 8; j < prefix + 8; j += 8) {
            s.append(ip[j / 8 - 1] & 0xff);
            if (Math.min(j, prefix) < 32) {
                s.append('.');
            }
        }
        return s.append('/').append(prefix).toString();
    }

    /** bitstring_ip6: a key {@code ^BITS} as compact IPv6 {@code /prefix}; null for 1 bit or over 128. */
    static String cidr6(String key) {
        int prefix = key.length() - 1;
        if (prefix <= 1 || prefix > 128) {
            return null;
        }
        return compact(fromBits(key, 16)) + "/" + prefix;
    }

    /**
     * fehQlibs' ip6_fmt: lower-case hex groups; the first run of two zero groups or more (not
     * the longest) written {@code ::}; the IPv4-mapped ones end in dotted decimal.
     */
    static String compact(byte[] ip) {
        StringBuilder s = new StringBuilder(39);
        boolean compressing = false;
        boolean compressed = false;
        for (int j = 0; j < 16; j += 2) {
            if (j == 12 && RemoteAddress.isV4Mapped(ip)) {
                s.append(ip[12] & 0xff).append('.').append(ip[13] & 0xff).append('.').append(ip[14] & 0xff)
                        .append('.').append(ip[15] & 0xff);
                break;
            }
            int group = group(ip, j);
            // after the last group the original reads past the address: taken as not zero
            boolean nextZero = compressing || j + 2 < 16 && group(ip, j + 2) == 0;
            if (group == 0 && nextZero && !compressed) {
                if (!compressing) {
                    compressing = true;
                    if (j == 0) {
                        s.append(':');
                    }
                }
            } else {
                if (compressing) {
                    compressing = false;
                    compressed = true;
                    s.append(':');
                }
                s.append(Integer.toHexString(group));
                if (j < 14) {
                    s.append(':');
                }
            }
        }
        if (compressing) {
            s.append(':');
        }
        return s.toString();
    }

    private static int group(byte[] ip, int j) {
        return (ip[j] & 0xff) << 8 | ip[j + 1] & 0xff;
    }
}
