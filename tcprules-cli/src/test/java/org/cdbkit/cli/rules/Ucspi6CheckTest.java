package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tcprulescheck --dialect=ucspi-tcp6} against what ucspi-tcp6 1.11.4's tcprulescheck
 * printed (fixtures/rules-ucspi-tcp6): standard output, standard error and exit status, byte for
 * byte, for every query of every database its tcprules wrote.
 */
class Ucspi6CheckTest {
    private static final Path DIR = Fixtures.dir("rules-ucspi-tcp6");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicNode> sameOutputAsUcspiTcp6() throws IOException {
        return FixtureFormats.ucspi6Cases(DIR).stream().filter(c -> c.exit() == 0)
                .map(c -> DynamicContainer.dynamicContainer(c.name(), c.queries().stream()
                        .map(q -> DynamicTest.dynamicTest(q.toString(), () -> assertEquals(
                                new Oracle.Result(q.exit(), bytes(q.stdout()), bytes(q.stderr())),
                                RulesInProcess.run(null, q.env(), "tcprulescheck", "--dialect=ucspi-tcp6",
                                        c.cdb().toString()))))));
    }

    @Test
    void theDefaultDialectIsUcspiTcp() {
        Map<String, String> env = Map.of("TCPREMOTEIP", "10.1.2.3");
        String cdb = DIR.resolve("line-001").resolve("rules.cdb").toString();
        // 10.0.0.0/8 is a key of its own to ucspi-tcp, which never looks it up
        assertEquals(new Oracle.Result(0, bytes("default:\nallow connection\n"), new byte[0]),
                RulesInProcess.run(null, env, "tcprulescheck", cdb));
        assertEquals(RulesInProcess.run(null, env, "tcprulescheck", cdb),
                RulesInProcess.run(null, env, "tcprulescheck", "--dialect=ucspi-tcp", cdb));
        assertEquals(new Oracle.Result(0, bytes("rule 10./8:\ndeny connection\n"),
                bytes("tcprulescheck: info: TCPREMOTEIP: 10.1.2.3 TCPREMOTEHOST: \n")),
                RulesInProcess.run(null, env, "tcprulescheck", "--dialect=ucspi-tcp6", cdb));
    }

    @Test
    void anUnknownDialectIsAUsageError() {
        Oracle.Result r = RulesInProcess.run(null, Map.of(), "tcprulescheck", "--dialect=tcp7",
                DIR.resolve("line-001").resolve("rules.cdb").toString());
        assertEquals(100, r.exitCode);
        assertEquals(0, r.stdout.length);
        assertTrue(r.stderrText().startsWith(TcpRulesCheckCommand.USAGE + "\n"), r.stderrText());
    }

    @Test
    void explainShowsUcspiTcp6sKeysUpToTheOneFound() {
        Oracle.Result r = RulesInProcess.run(null, Map.of("TCPREMOTEIP", "10.1.2.3"), "tcprulescheck", "--explain",
                "--dialect=ucspi-tcp6", DIR.resolve("line-001").resolve("rules.cdb").toString());
        String out = new String(r.stdout, StandardCharsets.ISO_8859_1);
        // the address, its dotted prefixes, then its CIDR keys from 32 bits down to 8
        assertTrue(out.startsWith("try 10.1.2.3: no rule\ntry 10.1.2.: no rule\ntry 10.1.: no rule\ntry 10.: no rule\n"
                + "try _0000e0g00000000p000000w000000056: no rule\n"), out);
        assertTrue(out.endsWith("try _0000e0g0: found\nrule 10./8:\ndeny connection\n"), out);
        assertEquals(4 + (32 - 8 + 1) + 2, out.split("\n").length, out);
    }

    @Test
    void batchNamesCidrRulesAsUcspiTcp6Does() throws IOException {
        Path clients = Files.writeString(temp.resolve("clients"), "10.1.2.3\n192.0.2.1\n");
        Oracle.Result r = RulesInProcess.run(clients, Map.of(), "tcprulescheck", "--batch", "--dialect=ucspi-tcp6",
                DIR.resolve("line-001").resolve("rules.cdb").toString());
        assertEquals(new Oracle.Result(0, bytes("10.1.2.3\t-\t-\tdeny\t10./8:\n192.0.2.1\t-\t-\tallow\tdefault:\n"),
                new byte[0]), r);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
