package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.FixtureFormats.Ucspi6Case;
import org.cdbkit.testing.FixtureFormats.Ucspi6Query;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ucspi-tcp6 dialect against what ucspi-tcp6 1.11.4's own tcprules and tcprulescheck did
 * (fixtures/rules-ucspi-tcp6): the same database byte for byte, or the same complaint and
 * status; and for each query the same rule, settings and verdict.
 */
class Ucspi6OracleTest {
    private static final Path DIR = Fixtures.dir("rules-ucspi-tcp6");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> tcprulesWritesTheSameBytesOrFailsTheSameWay() throws IOException {
        return FixtureFormats.ucspi6Cases(DIR).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path cdb = temp.resolve(c.name() + ".cdb");
            try (InputStream in = Files.newInputStream(c.rules())) {
                if (c.exit() == 0) {
                    RulesCompiler.compile(in, cdb, temp.resolve(c.name() + ".tmp"), RulesDialect.UCSPI_TCP6);
                    assertArrayEquals(Files.readAllBytes(c.cdb()), Files.readAllBytes(cdb));
                    return;
                }
                RulesFormatException e = assertThrows(RulesFormatException.class, () -> RulesCompiler.compile(in, cdb,
                        temp.resolve(c.name() + ".tmp"), RulesDialect.UCSPI_TCP6));
                assertEquals(c.firstStderrLine(), "tcprules: " + RulesDialect.UCSPI_TCP6.complaint(e));
                assertEquals(c.exit(), RulesDialect.UCSPI_TCP6.syntaxStatus());
            }
        }));
    }

    @TestFactory
    Stream<DynamicNode> tcprulescheckDecidesTheSame() throws IOException {
        return FixtureFormats.ucspi6Cases(DIR).stream().filter(c -> c.exit() == 0)
                .map(c -> DynamicContainer.dynamicContainer(c.name(), c.queries().stream()
                        .map(q -> DynamicTest.dynamicTest(q.toString(), () -> {
                            try (CdbReader rules = CdbReader.open(c.cdb())) {
                                Decision d = RulesLookup.decide(rules, q.env().get("TCPREMOTEIP"),
                                        q.env().get("TCPREMOTEHOST"), q.env().get("TCPREMOTEINFO"),
                                        RulesDialect.UCSPI_TCP6);
                                assertEquals(expected(q), report(d));
                            }
                        }))));
    }

    @TestFactory
    Stream<DynamicNode> aRulesDatabaseOfTheDialectDecidesTheSame() throws IOException {
        return FixtureFormats.ucspi6Cases(DIR).stream().filter(c -> c.exit() == 0)
                .map(c -> DynamicContainer.dynamicContainer(c.name(), c.queries().stream()
                        .filter(q -> q.env().get("TCPREMOTEIP") != null)
                        .map(q -> DynamicTest.dynamicTest(q.toString(), () -> {
                            try (RulesDatabase rules = RulesDatabase.open(c.cdb(), java.time.Duration.ofHours(1),
                                    false, RulesDialect.UCSPI_TCP6)) {
                                Decision d = rules.decide(q.env().get("TCPREMOTEIP"), q.env().get("TCPREMOTEHOST"),
                                        q.env().get("TCPREMOTEINFO"));
                                assertEquals(expected(q), report(d));
                            }
                        }))));
    }

    /** The lines tcprulescheck printed, taken apart: the rule's name (null for default), settings, verdict. */
    private static List<String> expected(Ucspi6Query q) {
        assertEquals(0, q.exit());
        return List.of(q.stdout().split("\n"));
    }

    private static List<String> report(Decision d) {
        String name = RulesDialect.UCSPI_TCP6.ruleName(d.key());
        List<String> lines = new ArrayList<>();
        lines.add(name == null ? "default:" : "rule " + name + ":");
        d.settings().forEach(s -> lines.add("set environment variable " + s));
        lines.add(d.allow() ? "allow connection" : "deny connection");
        return lines;
    }

    @Test
    void eachDialectComplainsAsItsTcprules() {
        byte[] line = "10.0.0.0/33:deny\n".getBytes(StandardCharsets.ISO_8859_1);
        RulesFormatException e = assertThrows(RulesFormatException.class,
                () -> RulesCompiler.compile(new ByteArrayInputStream(line), temp.resolve("6.cdb"), temp.resolve("6.tmp"),
                        RulesDialect.UCSPI_TCP6));
        assertEquals("syntax: invalid prefix length on line: 10.0.0.0/33:deny", RulesDialect.UCSPI_TCP6.complaint(e));
        byte[] bad = "1.2.3.4:alow\n".getBytes(StandardCharsets.ISO_8859_1);
        e = assertThrows(RulesFormatException.class, () -> RulesCompiler.compile(new ByteArrayInputStream(bad),
                temp.resolve("4.cdb"), temp.resolve("4.tmp"), RulesDialect.UCSPI_TCP));
        assertEquals("fatal: unable to parse this line: 1.2.3.4:alow", RulesDialect.UCSPI_TCP.complaint(e));
        assertEquals(100, RulesDialect.UCSPI_TCP.syntaxStatus());
    }

    @TestFactory
    Stream<DynamicTest> theKeysOfAnAddress() {
        return Stream.of(new String[][] {
            {"10.0.0.0/8", "_0000e0g0"},
            {"10./8", "_0000e0g0"},
            {"2001:db8::1", "2001:0DB8:0000:0000:0000:0000:0000:0001"},
            {"::ffff:1.2.3.4", "0000:0000:0000:0000:0000:FFFF:0102:0304"},
            {"fe80::/10", "^`abcdef0g0"},
            {"joe@::1", "joe@0000:0000:0000:0000:0000:0000:0000:0001"},
            {"joe@1.2.3.4-5", "joe@1.2.3.4-5"},
            {"=a-b:c", "=a-b:c"},
        }).map(t -> DynamicTest.dynamicTest(t[0], () -> assertEquals(List.of(t[1]), Ucspi6Rules.keys(t[0], 1, t[0]))));
    }

    @TestFactory
    Stream<DynamicTest> tcprulescheckNamesCidrKeysAsAddresses() {
        return Stream.of(new String[][] {
            {"_0000e0g0", "10./8"},
            {"_0000e0g00000000p000000w000000056", "10.1.2.3/32"},
            {"^00`000000000000a0000bc0de0fgh000", "2001:db8::/32"},
            {"_x", "_x"},
            {"", null},
        }).map(t -> DynamicTest.dynamicTest("key \"" + t[0] + "\"",
                () -> assertEquals(t[1], RulesDialect.UCSPI_TCP6.ruleName(t[0]))));
    }
}
