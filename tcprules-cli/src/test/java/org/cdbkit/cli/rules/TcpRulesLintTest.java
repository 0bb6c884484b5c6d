package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tcpruleslint as a tool: its lines, its exit codes, standard input, and files it cannot read. */
class TcpRulesLintTest {
    @TempDir
    Path dir;

    private Path source(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    @Test
    void cleanIsZeroWarningsOneRefusedLinesOneHundred() throws Exception {
        Path clean = Fixtures.dir("etc-tcp").resolve("ssh");
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]),
                RulesInProcess.run(null, Map.of(), "tcpruleslint", clean.toString()));

        Path warned = source("smtp", "10.0.0.0/8:deny\n:allow\n");
        Oracle.Result w = RulesInProcess.run(null, Map.of(), "tcpruleslint", clean.toString(), warned.toString());
        assertEquals(1, w.exitCode, w.toString());
        assertEquals(warned + ":1: warning: \"10.0.0.0/8\" is a CIDR prefix, which tcprules stores as a literal key "
                + "that no client address equals (tcprules --cidr compiles it into keys that match)\n",
                new String(w.stdout, StandardCharsets.ISO_8859_1));

        Path refused = source("pop3", "1.2.3.4:alow\n");
        Oracle.Result r = RulesInProcess.run(refused, Map.of(), "tcpruleslint", warned.toString(), "-");
        assertEquals(100, r.exitCode, r.toString());
        assertEquals(warned + ":1: warning: \"10.0.0.0/8\" is a CIDR prefix, which tcprules stores as a literal key "
                + "that no client address equals (tcprules --cidr compiles it into keys that match)\n"
                + "-:1: error: unable to parse this line: 1.2.3.4:alow\n", new String(r.stdout, StandardCharsets.ISO_8859_1));
    }

    @Test
    void usageAndUnreadableFiles() throws Exception {
        Oracle.Result usage = RulesInProcess.run(null, Map.of(), "tcpruleslint");
        assertEquals(new Oracle.Result(100, new byte[0],
                (TcpRulesLintCommand.USAGE + "\n").getBytes(StandardCharsets.US_ASCII)), usage);
        Oracle.Result missing = RulesInProcess.run(null, Map.of(), "tcpruleslint", dir.resolve("nope").toString());
        assertEquals(111, missing.exitCode);
        assertEquals("tcpruleslint: fatal: unable to read " + dir.resolve("nope") + ": file does not exist\n",
                missing.stderrText());
    }
}
