package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tcprules' one option, {@code --cidr}: where it goes, what it refuses and how it says so. */
class TcpRulesCidrOptionTest {
    @TempDir
    Path dir;

    private Oracle.Result tcprules(String rules, String... args) throws IOException {
        return RulesInProcess.run(Files.writeString(dir.resolve("rules"), rules, StandardCharsets.ISO_8859_1),
                Map.of(), "tcprules", args);
    }

    private String cdb() {
        return dir.resolve("r.cdb").toString();
    }

    private String tmp() {
        return dir.resolve("r.tmp").toString();
    }

    private byte[] get(String key) throws IOException {
        try (CdbReader reader = CdbReader.open(dir.resolve("r.cdb"))) {
            return reader.getBytes(key.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void withTheOptionAPrefixBecomesTheKeysTcpserverMatches() throws IOException {
        Oracle.Result r = tcprules("10.0.0.0/8:deny\n10.1.16.0/20:allow\n", "--cidr", cdb(), tmp());
        assertEquals(0, r.exitCode, r.stderrText());
        assertArrayEquals("D\0".getBytes(StandardCharsets.US_ASCII), get("10."));
        assertArrayEquals(new byte[0], get("10.1.31."));
        assertEquals(null, get("10.0.0.0/8"));
    }

    @Test
    void withoutItASlashIsPartOfALiteralKeyAsInTheOriginals() throws IOException {
        Oracle.Result r = tcprules("10.0.0.0/8:deny\n", cdb(), tmp());
        assertEquals(0, r.exitCode, r.stderrText());
        assertArrayEquals("D\0".getBytes(StandardCharsets.US_ASCII), get("10.0.0.0/8"));
        assertEquals(null, get("10."));
    }

    @Test
    void aRefusedPrefixIsTheOriginalsLineThenOursWithTheReason() throws IOException {
        Files.write(dir.resolve("r.cdb"), "old".getBytes(StandardCharsets.US_ASCII));
        Oracle.Result r = tcprules("# office\n10.0.0.0/8:allow\n10.1.2.3/16:deny\n", "--cidr", cdb(), tmp());
        assertEquals(100, r.exitCode);
        assertEquals("tcprules: fatal: unable to parse this line: 10.1.2.3/16:deny\n"
                + "tcprules: (line 3 of the input: 10.1.2.3/16 has host bits set (past its first 16): the prefix is"
                + " 10.1.0.0/16)\n", r.stderrText());
        assertArrayEquals("old".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(dir.resolve("r.cdb")));
        assertFalse(Files.exists(dir.resolve("r.tmp")));
    }

    @Test
    void anIpv6PrefixThatIsNotExactIsRefused() throws IOException {
        Oracle.Result r = tcprules("2001:db8::/40:deny\n", "--cidr", cdb(), tmp());
        assertEquals(100, r.exitCode);
        assertEquals("tcprules: fatal: unable to parse this line: 2001:db8::/40:deny\n"
                + "tcprules: (line 1 of the input: 2001:db8::/40: the IPv6 tcpserver matches prefixes of an address's"
                + " text, which end at a group: only /16, /32, /48, /64, /80, /96, /112 and /128 compile exactly)\n",
                r.stderrText());
    }

    @Test
    void theOriginalsOwnErrorsKeepTheirWordingUnderTheOption() throws IOException {
        Oracle.Result r = tcprules("10.0.0.0/8:alow\n", "--cidr", cdb(), tmp());
        assertEquals(100, r.exitCode);
        assertEquals("tcprules: fatal: unable to parse this line: 10.0.0.0/8:alow\ntcprules: (line 1 of the input)\n",
                r.stderrText());
    }

    @Test
    void usage() throws IOException {
        assertEquals(new Oracle.Result(100, new byte[0],
                "tcprules: usage: tcprules rules.cdb rules.tmp\n".getBytes(StandardCharsets.US_ASCII)),
                tcprules("", cdb()));
        byte[] withOptions =
                "tcprules: usage: tcprules [--cidr] [--dialect=ucspi-tcp6] rules.cdb rules.tmp\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(new Oracle.Result(100, new byte[0], withOptions), tcprules("", "--cidr", cdb()));
        assertEquals(new Oracle.Result(100, new byte[0], withOptions), tcprules(":allow\n", "--ipv6", cdb(), tmp()));
        assertFalse(Files.exists(dir.resolve("r.cdb")));
    }

    @Test
    void aSingleDashOrABareDoubleDashIsStillAFileName() throws IOException {
        // the originals have no options: only "--word" before the names is ours
        String missing = dir.resolve("missing/r.tmp").toString();
        assertEquals("tcprules: fatal: unable to create " + missing + ": file does not exist\n",
                tcprules(":allow\n", "-x", missing).stderrText());
        assertEquals("tcprules: fatal: unable to create " + missing + ": file does not exist\n",
                tcprules(":allow\n", "--", missing).stderrText());
    }
}
