package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.cdbkit.cdb.CdbReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesLookupTest {
    @TempDir
    Path dir;

    private Path compile(String name, String rules) throws Exception {
        Path cdb = dir.resolve(name);
        RulesCompiler.compile(new ByteArrayInputStream(rules.getBytes(StandardCharsets.ISO_8859_1)), cdb,
                dir.resolve(name + ".tmp"));
        return cdb;
    }

    @Test
    void candidatesComeInTcpserversOrder() {
        assertEquals(List.of("joe@1.2.3.4", "joe@=h.example.com", "1.2.3.4", "=h.example.com", "1.2.3.", "1.2.",
                "1.", "=.example.com", "=.com", "=", ""), RulesLookup.candidates("1.2.3.4", "h.example.com", "joe"));
        assertEquals(List.of("1.2.3.4", "1.2.3.", "1.2.", "1.", ""), RulesLookup.candidates("1.2.3.4", null, null));
        assertEquals(List.of("2001:db8::1", "2001:db8::", "2001:db8:", "2001:", ""),
                RulesLookup.candidates("2001:db8::1", null, null));
    }

    @Test
    void theManPagesExample() throws Exception {
        Path cdb = compile("man.cdb", "joe@127.0.0.1:allow,WHO=\"first\"\n18.23.0.32:allow,WHO=\"second\"\n"
                + ":allow,WHO=\"third\"\n127.:allow,WHO=\"fourth\"\n");
        try (CdbReader rules = CdbReader.open(cdb)) {
            assertEquals("WHO=third", RulesLookup.decide(rules, "10.119.75.38", null, null).settings().get(0));
            assertEquals("WHO=second", RulesLookup.decide(rules, "18.23.0.32", null, null).settings().get(0));
            assertEquals("WHO=fourth", RulesLookup.decide(rules, "127.0.0.1", null, "bill").settings().get(0));
            Decision joe = RulesLookup.decide(rules, "127.0.0.1", null, "joe");
            assertEquals("joe@127.0.0.1", joe.key());
            assertEquals(List.of(new EnvVar("WHO", "first")), joe.env());
        }
    }

    @Test
    void denyAndDefault() throws Exception {
        Path cdb = compile("d.cdb", "10.:deny\n=.evil.example:deny\n");
        try (CdbReader rules = CdbReader.open(cdb)) {
            assertFalse(RulesLookup.decide(rules, "10.1.2.3", null, null).allow());
            assertFalse(RulesLookup.decide(rules, "9.9.9.9", "a.evil.example", null).allow());
            Decision d = RulesLookup.decide(rules, "9.9.9.9", "good.example", null);
            assertTrue(d.allow());
            assertNull(d.key());
            assertEquals(Decision.DEFAULT, d);
        }
    }

    @Test
    void hostileNamesAreJustBytes() throws Exception {
        Path cdb = compile("h.cdb", ":allow\n");
        String longHost = "a.".repeat(50_000) + "example";
        String binary = "\u00ff\u0001.\u0080@=:";
        try (CdbReader rules = CdbReader.open(cdb)) {
            assertTrue(RulesLookup.decide(rules, "1.2.3.4", longHost, binary).allow());
            assertEquals("", RulesLookup.decide(rules, "1.2.3.4", binary, longHost).key());
        }
    }

    @Test
    void aReplacedFileIsPickedUpWithoutARestart() throws Exception {
        Path cdb = compile("live.cdb", "1.2.3.4:deny\n");
        try (RulesDatabase db = RulesDatabase.open(cdb, Duration.ZERO, false)) {
            assertFalse(db.decide("1.2.3.4", null, null).allow());
            compile("live.cdb", "1.2.3.4:allow,NEW=\"yes\"\n");
            Decision d = db.decide("1.2.3.4", null, null);
            assertTrue(d.allow());
            assertEquals(List.of("NEW=yes"), d.settings());
            Files.delete(cdb);
            assertFalse(db.decide("1.2.3.4", null, null).allow(), "a missing rules file denies, as tcpserver");
        }
        try (RulesDatabase lenient = RulesDatabase.open(cdb, Duration.ZERO, true)) {
            assertTrue(lenient.decide("1.2.3.4", null, null).allow(), "as tcpserver -X");
        }
    }

    @Test
    void addressesAreWrittenAsTcpserverWritesThem() throws Exception {
        assertEquals("10.0.0.1", RemoteAddress.text(InetAddress.getByName("10.0.0.1")));
        assertEquals("1.2.3.4", RemoteAddress.text(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4}));
        assertEquals("::1", RemoteAddress.text(InetAddress.getByName("::1")));
        assertEquals("::", RemoteAddress.text(InetAddress.getByName("::")));
        assertEquals("2001:db8::1", RemoteAddress.text(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
        assertEquals("2001:db8::1:1:1:1:1", RemoteAddress.text(InetAddress.getByName("2001:db8:0:1:1:1:1:1")));
        assertEquals("1::2:0:0:3", RemoteAddress.text(InetAddress.getByName("1:0:0:0:2:0:0:3")));
        assertEquals("fe80::abcd", RemoteAddress.text(InetAddress.getByName("fe80::ABCD")));
        assertEquals("2001:db8::", RemoteAddress.text(InetAddress.getByName("2001:db8::")));
        assertEquals("::102:304", RemoteAddress.text(InetAddress.getByName("::1.2.3.4")));
    }
}
