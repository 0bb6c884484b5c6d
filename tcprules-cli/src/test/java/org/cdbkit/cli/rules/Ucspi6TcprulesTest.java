package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tcprules --dialect=ucspi-tcp6} against what ucspi-tcp6 1.11.4's tcprules did on every
 * case of fixtures/rules-ucspi-tcp6: the same database bytes, or the same first line on standard
 * error and the same exit status (101 for its syntax errors), then ours naming the line; the old
 * database is kept.
 */
class Ucspi6TcprulesTest {
    private static final Path DIR = Fixtures.dir("rules-ucspi-tcp6");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> sameDatabaseOrSameComplaint() throws IOException {
        return FixtureFormats.ucspi6Cases(DIR).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Path dir = Files.createTempDirectory(temp, c.name());
            Path cdb = dir.resolve("rules.cdb");
            byte[] old = "old rules\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Files.write(cdb, old);
            Oracle.Result r = RulesInProcess.run(c.rules(), Map.of(), "tcprules", "--dialect=ucspi-tcp6",
                    cdb.toString(), dir.resolve("rules.tmp").toString());
            assertEquals(c.exit(), r.exitCode, r.toString());
            if (c.exit() == 0) {
                assertEquals("", r.stderrText());
                assertArrayEquals(Files.readAllBytes(c.cdb()), Files.readAllBytes(cdb));
            } else {
                String[] lines = r.stderrText().split("\n");
                assertEquals(c.firstStderrLine(), lines[0]);
                assertEquals(true, lines[1].matches("tcprules: \\(line \\d+ of the input.*\\)"), lines[1]);
                assertArrayEquals(old, Files.readAllBytes(cdb), "the old database is kept");
            }
            assertFalse(Files.exists(dir.resolve("rules.tmp")));
        }));
    }
}
