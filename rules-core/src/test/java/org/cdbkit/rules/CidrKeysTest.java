package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.CdbRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The keys of tcprules --cidr's prefixes, and the prefixes it refuses. */
class CidrKeysTest {
    private static List<String> range(String before, int from, int to, String after) {
        return IntStream.rangeClosed(from, to).mapToObj(n -> before + n + after).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // whole octets: one dotted prefix, or the address
        "10.0.0.0/8|10.", "192.168.0.0/16|192.168.", "192.168.1.0/24|192.168.1.", "192.168.1.7/32|192.168.1.7",
        "010.000.0.0/8|10.",
        // IPv6 on group boundaries; a last fixed group of zero is printed "0" or opens the "::"
        "2001:db8::/32|2001:db8:", "2001::/16|2001:", "2001:DB8:1:2::/64|2001:db8:1:2:",
        "1:2:3:4:5:6:7:0/112|1:2:3:4:5:6:7:", "2001:db8::/48|2001:db8:0: 2001:db8::", "::/16|0: ::",
        // IPv6 hosts: the text tcpserver writes; an IPv4-mapped client is looked up by its dotted quad (without -6)
        "2001:0db8:0:0:0:0:0:1/128|2001:db8::1", "2001:db8:0:1:1:1:1:1/128|2001:db8::1:1:1:1:1", "::1/128|::1",
        "::ffff:1.2.3.4/128|1.2.3.4",
    })
    void oneOrTwoKeys(String prefix, String keys) {
        assertEquals(List.of(keys.split(" ")), CidrKeys.of(prefix));
    }

    @Test
    void otherLengthsAreRoundedToTheNextOctetAndEnumerated() {
        assertEquals(range("10.1.", 16, 31, "."), CidrKeys.of("10.1.16.0/20"));
        assertEquals(range("10.9.9.", 128, 255, ""), CidrKeys.of("10.9.9.128/25"));
        assertEquals(128, CidrKeys.of("10.9.9.128/25").size());
        assertEquals(List.of("172.16.", "172.17.", "172.18.", "172.19."), CidrKeys.of("172.16.0.0/14"));
        assertEquals(List.of("10.0.0.4", "10.0.0.5"), CidrKeys.of("10.0.0.4/31"));
        assertEquals(range("", 128, 255, "."), CidrKeys.of("128.0.0.0/1"));
    }

    @Test
    void slashZeroIsEveryOneOctetPrefixNotTheEmptyKey() {
        // the empty key would also match IPv6 clients, and after =host rules; these keep a prefix's place
        assertEquals(range("", 0, 255, "."), CidrKeys.of("0.0.0.0/0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10.1.2.3/8|10.1.2.3/8 has host bits set (past its first 8): the prefix is 10.0.0.0/8",
        "10.1.16.0/19|10.1.16.0/19 has host bits set (past its first 19): the prefix is 10.1.0.0/19",
        "10.0.0.0/33|10.0.0.0/33: the prefix length must be a number from 0 to 32",
        "10.0.0.0/|10.0.0.0/: the prefix length must be a number from 0 to 32",
        "10.0.0.0/-1|10.0.0.0/-1: the prefix length must be a number from 0 to 32",
        "10.0.0.0/8/8|10.0.0.0/8/8: the prefix length must be a number from 0 to 32",
        "10.0.0/8|10.0.0/8: 10.0.0 is not an IPv4 address (a.b.c.d, each 0 to 255)",
        "10.0.0.256/32|10.0.0.256/32: 10.0.0.256 is not an IPv4 address (a.b.c.d, each 0 to 255)",
        "10.0-3.0.0/16|10.0-3.0.0/16: 10.0-3.0.0 is not an IPv4 address (a.b.c.d, each 0 to 255)",
        "/8|/8:  is not an IPv4 address (a.b.c.d, each 0 to 255)",
        "2001:db8::/129|2001:db8::/129: the prefix length must be a number from 0 to 128",
        "2001:db8:::/32|2001:db8:::/32: 2001:db8::: is not an IPv6 address",
        "1:2:3:4:5:6:7:8:9/128|1:2:3:4:5:6:7:8:9/128: 1:2:3:4:5:6:7:8:9 is not an IPv6 address",
        "1:2:3:4:5:6:7::8/128|1:2:3:4:5:6:7::8/128: 1:2:3:4:5:6:7::8 is not an IPv6 address",
        "2001:db8::g/128|2001:db8::g/128: 2001:db8::g is not an IPv6 address",
        "2001:db8::1/32|2001:db8::1/32 has host bits set (past its first 32): the prefix is 2001:db8::/32",
    })
    void refused(String prefix, String reason) {
        assertEquals(reason, assertThrows(IllegalArgumentException.class, () -> CidrKeys.of(prefix)).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::/40", "2001:db8::/33", "::/0", "2001:db8:8000::/33"})
    void ipv6PrefixesOffAGroupBoundaryAreRefused(String prefix) {
        String reason = assertThrows(IllegalArgumentException.class, () -> CidrKeys.of(prefix)).getMessage();
        assertEquals(prefix + ": the IPv6 tcpserver matches prefixes of an address's text, which end at a group:"
                + " only /16, /32, /48, /64, /80, /96, /112 and /128 compile exactly", reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:0:1::/48", "::1:0:0:0:0:0/64", "2001:db8:0:0::/64"})
    void ipv6PrefixesWithAZeroGroupBeforeTheLastAreRefused(String prefix) {
        String reason = assertThrows(IllegalArgumentException.class, () -> CidrKeys.of(prefix)).getMessage();
        assertTrue(reason.endsWith(" has a zero group before its last: the IPv6 tcpserver matches the compressed"
                + " text of an address, where such a group can be part of a ::"), reason);
    }

    @Test
    void infoAtAPrefixIsRefused() {
        assertEquals("joe@10.0.0.0/8: tcpserver matches info@ip only on a whole address, so a prefix cannot follow"
                + " info@", assertThrows(IllegalArgumentException.class, () -> CidrKeys.of("joe@10.0.0.0/8"))
                        .getMessage());
    }

    // ---- through the compiler ----

    @TempDir
    Path dir;

    /** The records of {@code rules} compiled in {@code dialect}, each as "key -> value". */
    private List<String> compile(String rules, RulesDialect dialect) throws IOException {
        Path cdb = dir.resolve("r.cdb");
        RulesCompiler.compile(new ByteArrayInputStream(rules.getBytes(StandardCharsets.ISO_8859_1)), cdb,
                dir.resolve("r.tmp"), dialect);
        List<String> records = new ArrayList<>();
        try (CdbReader reader = CdbReader.open(cdb)) {
            for (CdbRecord r : reader.records()) {
                records.add(new String(r.keyBytes(), StandardCharsets.ISO_8859_1) + " -> "
                        + new String(r.valueBytes(), StandardCharsets.ISO_8859_1));
            }
        }
        return records;
    }

    @Test
    void theDefaultDialectKeepsASlashLiteral() throws IOException {
        assertEquals(List.of("10.0.0.0/8 -> D\0", "=a/b -> "),
                compile("10.0.0.0/8:deny\n=a/b:allow\n", RulesDialect.UCSPI_TCP));
        assertEquals(List.of("10. -> D\0", "=a/b -> "),
                compile("10.0.0.0/8:deny\n=a/b:allow\n", RulesDialect.CIDR));
    }

    @Test
    void cidrRecordsFollowTheLineOrderAndLeaveOtherAddressesAlone() throws IOException {
        List<String> records = compile("10.0.0.0/7:deny\n=a/b:allow\n1.2.3.4-5:allow\n", RulesDialect.CIDR);
        assertEquals(List.of("10. -> D\0", "11. -> D\0", "=a/b -> ", "1.2.3.4 -> ", "1.2.3.5 -> "), records);
    }

    @Test
    void aRefusedPrefixNamesItsLine() {
        RulesFormatException e = assertThrows(RulesFormatException.class,
                () -> compile("# ok\n10.0.0.0/8:deny\n10.1.2.3/8:allow,X=\"1\"  \n", RulesDialect.CIDR));
        assertEquals(3, e.lineNumber());
        assertEquals("10.1.2.3/8:allow,X=\"1\"", e.line());
        assertEquals("10.1.2.3/8 has host bits set (past its first 8): the prefix is 10.0.0.0/8", e.detail());
    }
}
