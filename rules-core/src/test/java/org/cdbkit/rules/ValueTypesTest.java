package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.CdbRecord;
import org.cdbkit.cdb.CdbWriter;
import org.cdbkit.cdb.MappedInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** What a Java developer sees of the library: values that print usefully, nulls that are named. */
class ValueTypesTest {
    @TempDir
    Path dir;

    @Test
    void valuesPrintWhatTheyHold() throws Exception {
        assertEquals("RELAYCLIENT=", new EnvVar("RELAYCLIENT", "").toString());
        assertEquals("rule 10.0.0.: allow [RELAYCLIENT=, X=y]",
                new Decision("10.0.0.", true, List.of("RELAYCLIENT=", "X=y")).toString());
        assertEquals("default: allow []", Decision.DEFAULT.toString());

        Path cdb = dir.resolve("r.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("r.tmp"))) {
            out.writer().add("one".getBytes(StandardCharsets.US_ASCII), "Hello".getBytes(StandardCharsets.US_ASCII));
            out.writer().add(new byte[] {'k', 0, (byte) 0xe9, '"'}, new byte[0]);
            out.writer().add(new byte[50], new byte[] {1});
            out.commit();
        }
        try (CdbReader reader = CdbReader.open(cdb)) {
            List<String> printed = new java.util.ArrayList<>();
            for (CdbRecord r : reader.records()) {
                printed.add(r.toString());
            }
            assertEquals(List.of("CdbRecord[at 2048: key \"one\" (3 bytes), value 5 bytes]",
                    "CdbRecord[at 2064: key \"k\\x00\\xe9\\x22\" (4 bytes), value 0 bytes]",
                    "CdbRecord[at 2076: key \"" + "\\x00".repeat(40) + "\"... (50 bytes), value 1 bytes]"), printed);
        }
    }

    @Test
    void aRulePrintsAsTcprulesReadsIt() throws Exception {
        Rule rule = new Rule("1.2.3.", true, List.of(new EnvVar("A", "say \"hi\""), new EnvVar("B", "it's/\"x\"")));
        String text = rule.toString();
        assertEquals("1.2.3.:allow,A='say \"hi\"',B=|it's/\"x\"|", text);
        Rule back = RulesParser.parse(new ByteArrayInputStream((text + "\n").getBytes(StandardCharsets.ISO_8859_1)))
                .get(0);
        assertEquals(rule, back);
        assertEquals(rule.hashCode(), back.hashCode());
        assertNotEquals(rule, new Rule("1.2.3.", false, rule.env()));
    }

    /** Found by RulesParserFuzzTest (seed every-quote): \x01 was the last resort, even when in the value. */
    @Test
    void aValueHoldingEveryUsualQuoteIsQuotedWithAByteItDoesNotHold() throws Exception {
        Rule rule = RulesParser.parseLine(":allow,A=x\"'/|%#!^~\u0001x", 1);
        assertEquals("\"'/|%#!^~\u0001", rule.env().get(0).value());
        assertEquals(":allow,A=\u0002\"'/|%#!^~\u0001\u0002", rule.toString());
        assertEquals(rule, RulesParser.parseLine(rule.toString(), 1));
    }

    @Test
    void aNullArgumentIsNamed() throws Exception {
        Path cdb = dir.resolve("n.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("n.tmp"))) {
            out.commit();
        }
        try (CdbReader reader = CdbReader.open(cdb); RulesDatabase rules = RulesDatabase.open(cdb)) {
            Map<String, Executable> calls = new java.util.LinkedHashMap<>();
            calls.put("file", () -> CdbReader.open((Path) null));
            calls.put("input", () -> CdbReader.open((MappedInput) null));
            calls.put("key", () -> reader.get(null));
            calls.put("target", () -> AtomicCdbFile.create(null, dir.resolve("x.tmp")));
            calls.put("temporary", () -> AtomicCdbFile.create(dir.resolve("x.cdb"), null));
            calls.put("channel", () -> new CdbWriter(null));
            calls.put("ip", () -> rules.decide(null, null, null));
            calls.put("recheck", () -> RulesDatabase.open(cdb, null, false));
            calls.put("address", () -> RemoteAddress.text((java.net.InetAddress) null));
            calls.put("in", () -> RulesParser.parse(null));
            calls.put("name", () -> new EnvVar(null, "v"));
            calls.put("value", () -> new EnvVar("N", null));
            calls.put("settings", () -> new Decision("k", true, null));
            calls.put("env", () -> new Rule("a", true, null));
            for (Map.Entry<String, Executable> call : calls.entrySet()) {
                NullPointerException e = assertThrows(NullPointerException.class, call.getValue(), call.getKey());
                assertEquals(call.getKey(), e.getMessage());
            }
        }
        assertEquals(0, Files.list(dir).filter(p -> p.toString().endsWith(".tmp")).count());
    }
}
