package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.cdbkit.rules.RemoteAddress;
import org.cdbkit.testing.Folders;
import org.cdbkit.testing.NeedsOriginals;
import org.cdbkit.testing.Oracle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * Rules compiled by our {@code tcprules --cidr} mean, to the real C tcprulescheck of both
 * builds, what the README says a CIDR rule means. The meaning is computed here by a model that
 * knows nothing of the keys: for an IPv4 address, of the prefixes covering it, the one that wins
 * is the one whose length rounds up to the most octets (/25 to /32 count as the whole address,
 * /0 as one octet), the first in the file among equals; for an IPv6 address, the longest, the
 * first in the file among equals; none covers it: tcpserver's default, allow.
 */
@NeedsOriginals({DifferentialProperties.V4 + "tcprulescheck", DifferentialProperties.V6 + "tcprulescheck"})
class CidrProperties {
    private Path dir;

    @BeforeTry
    void makeFolder() throws IOException {
        dir = Files.createTempDirectory("cdbkit-cidr");
    }

    @AfterTry
    void removeFolder() throws IOException {
        Folders.deleteTree(dir);
    }

    /** A prefix: the address as a number (host bits clear) and its length; {@code width} is 32 or 128. */
    record Prefix(BigInteger network, int bits, int width) {
        BigInteger mask() {
            return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE.shiftLeft(width - bits));
        }

        boolean covers(BigInteger address) {
            return address.and(mask()).equals(network);
        }

        BigInteger last() {
            return network.or(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
        }

        /** As a rule's address, written out in full (IPv6 uncompressed, to exercise the parser too). */
        String text() {
            if (width == 32) {
                return ipv4(network) + "/" + bits;
            }
            StringBuilder s = new StringBuilder();
            for (int g = 7; g >= 0; g--) {
                s.append(Integer.toHexString(network.shiftRight(16 * g).intValue() & 0xffff)).append(g > 0 ? ":" : "");
            }
            return s + "/" + bits;
        }

        /** The model's rank: the octets rounded up to (whole address = 4), or the bits for IPv6. */
        int rank() {
            return width == 128 ? bits : bits > 24 ? 4 : Math.max(1, (bits + 7) / 8);
        }
    }

    static String ipv4(BigInteger a) {
        long v = a.longValue();
        return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
    }

    /** Clustered, so that prefixes nest and overlap: first octets 10 and 11, small second and third ones. */
    @Provide
    Arbitrary<List<Prefix>> ipv4Prefixes() {
        Arbitrary<Integer> bits = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(0, 1, 7)),
                Tuple.of(6, Arbitraries.integers().between(5, 32)),
                Tuple.of(4, Arbitraries.of(8, 16, 24, 32)));
        return Combinators.combine(Arbitraries.of(10, 11), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 255), bits)
                .as((a, b, c, d, n) -> {
                    Prefix any = new Prefix(BigInteger.valueOf((long) a << 24 | b << 16 | c << 8 | d), n, 32);
                    return new Prefix(any.network().and(any.mask()), n, 32);
                }).list().ofMinSize(1).ofMaxSize(8);
    }

    /**
     * The prefixes tcprules --cidr takes: /16 to /112 with non-zero groups but for the last, and
     * /128; groups from a few values, zeros among them, so that the text's "::" moves about.
     */
    @Provide
    Arbitrary<List<Prefix>> ipv6Prefixes() {
        Arbitrary<Integer> nonZero = Arbitraries.of(1, 0xdb8, 0x2001);
        Arbitrary<Integer> any = Arbitraries.of(0, 0, 1, 0xdb8);
        return Combinators.combine(Arbitraries.integers().between(1, 8), nonZero.list().ofSize(8), any.list().ofSize(8))
                .as((groups, fixed, last) -> {
                    BigInteger network = BigInteger.ZERO;
                    for (int g = 0; g < 8; g++) {
                        int value = g < groups - 1 ? fixed.get(g) : g == groups - 1 || groups == 8 ? last.get(g) : 0;
                        network = network.shiftLeft(16).or(BigInteger.valueOf(value));
                    }
                    return new Prefix(network, 16 * groups, 128);
                }).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 30)
    void ipv4PrefixesMeanWhatTheReadmeSays(@ForAll("ipv4Prefixes") List<Prefix> rules, @ForAll long seed)
            throws Exception {
        check(rules, seed, List.of(DifferentialProperties.V4, DifferentialProperties.V6));
    }

    @Property(tries = 30)
    void ipv6PrefixesMeanWhatTheReadmeSays(@ForAll("ipv6Prefixes") List<Prefix> rules, @ForAll long seed)
            throws Exception {
        check(rules, seed, List.of(DifferentialProperties.V6));
    }

    private void check(List<Prefix> rules, long seed, List<String> builds) throws Exception {
        StringBuilder text = new StringBuilder("# compiled by tcprules --cidr\n");
        for (int i = 0; i < rules.size(); i++) {
            text.append(rules.get(i).text()).append(":allow,R=\"").append(i).append("\"\n");
        }
        Path source = Files.writeString(dir.resolve("rules"), text, StandardCharsets.ISO_8859_1);
        Oracle.Result compiled = RulesInProcess.run(source, Map.of(), "tcprules", "--cidr",
                dir.resolve("r.cdb").toString(), dir.resolve("r.tmp").toString());
        assertEquals(0, compiled.exitCode, () -> text + compiled.stderrText());
        for (BigInteger address : addresses(rules, new Random(seed))) {
            String ip = rules.get(0).width() == 32 ? ipv4(address) : RemoteAddress.text(bytes16(address));
            String expected = expected(rules, address, ip);
            for (String build : builds) {
                Oracle.Result theirs = Oracle.run(Oracle.command(build + "tcprulescheck", "r.cdb"), dir, null, null,
                        "TCPREMOTEIP", ip, "TCPREMOTEHOST", null, "TCPREMOTEINFO", null);
                String said = new String(theirs.stdout, StandardCharsets.ISO_8859_1);
                String where = build + " for " + ip + " under\n" + text;
                assertEquals(0, theirs.exitCode, where);
                if (expected.startsWith("rule ")) {
                    // the key is the IPv4 model's, or for IPv6 some prefix of the address's text
                    String key = said.startsWith("rule ") ? said.substring(5, said.indexOf(":\n")) : "";
                    assertTrue(!key.isEmpty() && ip.startsWith(key) && (key.equals(ip) || key.endsWith(".")
                            || key.endsWith(":")), where + said);
                    if (rules.get(0).width() == 128) {
                        expected = "rule " + key + expected.substring(expected.indexOf(":\n"));
                    }
                }
                assertEquals(expected, said, where);
            }
        }
    }

    /** The model: tcprulescheck's output for {@code address} under {@code rules}. */
    private static String expected(List<Prefix> rules, BigInteger address, String ip) {
        int winner = -1;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).covers(address) && (winner < 0 || rules.get(i).rank() > rules.get(winner).rank())) {
                winner = i;
            }
        }
        if (winner < 0) {
            return "default:\nallow connection\n";
        }
        String key = ip;
        int rank = rules.get(winner).rank();
        if (rules.get(winner).width() == 32 && rank < 4) {
            String[] octets = ip.split("\\.");
            key = String.join(".", List.of(octets).subList(0, rank)) + ".";
        }
        return "rule " + key + ":\nset environment variable R=" + winner + "\nallow connection\n";
    }

    /** For each prefix: an address in it, the one before it and the one after it. */
    private static List<BigInteger> addresses(List<Prefix> rules, Random random) {
        List<BigInteger> addresses = new ArrayList<>();
        for (Prefix p : rules) {
            BigInteger hostBits = p.last().subtract(p.network());
            BigInteger inside = p.network();
            if (p.width() == 32) {
                inside = inside.or(new BigInteger(32, random).and(hostBits));
            } else {
                // host groups from a few values, zeros among them, so that the text's "::" moves about
                for (int g = 0; g < 8; g++) {
                    int value = new int[] {0, 0, 1, 0xdb8, 0xfffe}[random.nextInt(5)];
                    inside = inside.or(BigInteger.valueOf(value).shiftLeft(16 * g).and(hostBits));
                }
            }
            addresses.add(inside);
            BigInteger before = p.network().subtract(BigInteger.ONE);
            BigInteger after = p.last().add(BigInteger.ONE);
            if (before.signum() >= 0) {
                addresses.add(before);
            }
            if (after.bitLength() <= p.width()) {
                addresses.add(after);
            }
        }
        return addresses;
    }

    private static byte[] bytes16(BigInteger address) {
        byte[] raw = address.toByteArray();
        byte[] ip = new byte[16];
        int n = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - n, ip, 16 - n, n);
        return ip;
    }
}
