package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdbmake-all shows tcpruleslint's warnings for the rules sources it rebuilds, unless --no-lint. */
class LintWarningsTest {
    @TempDir
    Path dir;

    @Test
    void aRebuiltSourceIsLintedOnceAndNoLintSilencesIt() throws Exception {
        Files.writeString(dir.resolve("ssh"), "10.0.0.0/8:deny\n:allow\n");
        Runs.Run first = Runs.run("-C", dir.toString());
        assertEquals(0, first.code, first.toString());
        assertEquals("cdbmake-all: ssh:1: warning: \"10.0.0.0/8\" is a CIDR prefix, which tcprules stores as a literal "
                + "key that no client address equals (tcprules --cidr compiles it into keys that match)\n", first.err);

        Runs.Run upToDate = Runs.run("-C", dir.toString());
        assertEquals("", upToDate.err, "a source not rebuilt is not linted again");

        Runs.Run silenced = Runs.run("-C", dir.toString(), "-B", "--no-lint");
        assertEquals(0, silenced.code, silenced.toString());
        assertEquals("", silenced.err);
        assertEquals("cdbmake-all: ssh.cdb: rebuilt from ssh (every target rebuilt (-B))\n", silenced.out);
    }
}
