package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Hex;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcprules and tcprulescheck against the outputs of ucspi-tcp 0.88's (both builds) committed
 * in fixtures/rules. Where the builds differ, ours follows the IPv6 build wherever that one
 * terminates, the IPv4 build elsewhere.
 */
class GoldenFixturesTest {
    private static final Path DIR = Fixtures.dir("rules");

    @TempDir
    Path temp;

    /** The fixtures' base names: NAME.v6 files belong to NAME. */
    private static List<String> names(Path dir, String suffix) throws IOException {
        List<String> names = new ArrayList<>(Fixtures.names(dir, suffix));
        names.removeIf(name -> name.endsWith(".v6"));
        return names;
    }

    @TestFactory
    Stream<DynamicTest> tcprulesWritesTheSameBytes() throws IOException {
        return names(DIR, ".rules").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path expected = Files.exists(DIR.resolve(name + ".cdb")) ? DIR.resolve(name + ".cdb")
                    : DIR.resolve(name + ".v6.cdb");
            Path cdb = temp.resolve(name + ".cdb");
            Oracle.Result r = RulesInProcess.run(DIR.resolve(name + ".rules"), Map.of(), "tcprules", cdb.toString(),
                    temp.resolve(name + ".tmp").toString());
            assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), r);
            assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(cdb));
        }));
    }

    @TestFactory
    Stream<DynamicTest> badRules() throws IOException {
        Path bad = DIR.resolve("bad");
        return names(bad, ".rules").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path dir = Files.createDirectories(temp.resolve(name));
            Path cdb = dir.resolve("r.cdb");
            byte[] old = "old rules".getBytes(StandardCharsets.US_ASCII);
            Files.write(cdb, old);
            Oracle.Result r = RulesInProcess.run(bad.resolve(name + ".rules"), Map.of(), "tcprules", cdb.toString(),
                    dir.resolve("r.tmp").toString());
            Path v6 = bad.resolve(name + ".v6.expect");
            if (Files.exists(v6) && FixtureFormats.expect(v6).accepted()) {
                // an IPv6 address (or a colon in the address) that only the IPv6 build accepts
                assertEquals(0, r.exitCode, r.toString());
                assertArrayEquals(Files.readAllBytes(bad.resolve(name + ".v6.dump")), CdbmakeTextWriter.dump(cdb));
                return;
            }
            FixtureFormats.Expect expect = FixtureFormats.expect(bad.resolve(name + ".expect"));
            assertEquals(expect.exit(), r.exitCode);
            String theirs = expect.stderrText();
            String ours = r.stderrText().replace(dir + "/", "");
            if (r.exitCode == 100) {
                assertTrue(ours.startsWith(theirs), ours);
                // ours adds the line's number, and a hint where the line ends in a carriage return
                String hint = theirs.endsWith("\r\n") ? TcpRulesCommand.CARRIAGE_RETURN_HINT : "";
                assertTrue(ours.substring(theirs.length()).matches("tcprules: \\(line \\d+ of the input"
                        + java.util.regex.Pattern.quote(hint) + "\\)\n"), ours);
            } else {
                assertEquals(theirs, ours);
            }
            assertArrayEquals(old, Files.readAllBytes(cdb), "the old cdb is untouched");
            assertFalse(Files.exists(dir.resolve("r.tmp")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> tcprulescheckPrintsTheSameBytes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : names(DIR, ".conn")) {
            Path v4db = Files.exists(DIR.resolve(name + ".cdb")) ? DIR.resolve(name + ".cdb") : DIR.resolve(name + ".v6.cdb");
            Path v6db = Files.exists(DIR.resolve(name + ".v6.cdb")) ? DIR.resolve(name + ".v6.cdb") : DIR.resolve(name + ".cdb");
            addChecks(tests, name, DIR.resolve(name + ".v6.check"), v6db, false);
            addChecks(tests, name, DIR.resolve(name + ".check"), v4db, true);
        }
        return tests.stream();
    }

    private static void addChecks(List<DynamicTest> tests, String name, Path check, Path db, boolean ipv4Build)
            throws IOException {
        if (!Files.exists(check)) {
            return;
        }
        for (FixtureFormats.Check c : FixtureFormats.checks(check)) {
            Map<String, String> env = c.environment();
            String ip = env.getOrDefault("TCPREMOTEIP", "0.0.0.0");
            if (ipv4Build && ip.indexOf(':') >= 0) {
                continue; // the IPv4 build does not cut prefixes at colons; we follow the IPv6 build
            }
            tests.add(DynamicTest.dynamicTest(name + (ipv4Build ? " v4 " : " v6 ") + c.shortLine(50), () -> {
                Oracle.Result r = RulesInProcess.run(null, env, "tcprulescheck", db.toString());
                assertEquals(c.exit(), r.exitCode, r.toString());
                assertEquals(c.stdoutHex(), r.stdout.length == 0 ? "-" : Hex.encode(r.stdout), r.toString());
                assertEquals("", r.stderrText());
            }));
        }
    }
}
