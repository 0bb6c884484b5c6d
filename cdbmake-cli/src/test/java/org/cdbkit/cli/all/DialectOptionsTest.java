package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdbmake-all told a folder's dialect: ucspi-tcp6's tcprules, or tcprules --cidr. */
class DialectOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOfUcspiTcp6RulesIsBuiltAsItsTcprulesBuildsIt() throws Exception {
        int built = 0;
        for (FixtureFormats.Ucspi6Case c : FixtureFormats.ucspi6Cases(Fixtures.dir("rules-ucspi-tcp6"))) {
            if (c.exit() != 0) {
                continue;
            }
            Path folder = Files.createDirectory(dir.resolve(c.name()));
            Files.copy(c.rules(), folder.resolve("rules"));
            Runs.Run r = Runs.run("-C", folder.toString(), "--dialect", "ucspi-tcp6");
            assertEquals(0, r.code, c.name() + ": " + r);
            assertArrayEquals(Files.readAllBytes(c.cdb()), Files.readAllBytes(folder.resolve("rules.cdb")), c.name());
            built++;
        }
        assertTrue(built > 50, "built " + built);
    }

    @Test
    void cidrCompilesPrefixesAsTcprulesCidrDoes() throws Exception {
        String rules = "10.0.0.0/8:deny\n10.1.16.0/20:allow\n:allow\n";
        Files.writeString(dir.resolve("ssh"), rules);
        Runs.Run r = Runs.run("-C", dir.toString(), "--cidr");
        assertEquals(0, r.code, r.toString());
        assertEquals("", r.err, "no lint warning for what --cidr compiles");
        Path expected = dir.resolve("expected.cdb");
        RulesCompiler.compile(new ByteArrayInputStream(rules.getBytes(StandardCharsets.US_ASCII)), expected,
                dir.resolve("expected.tmp"), RulesDialect.CIDR);
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(dir.resolve("ssh.cdb")));
    }

    @Test
    void anUnknownDialectOrCidrWithUcspiTcp6IsAUsageError() {
        Runs.Run unknown = Runs.run("-C", dir.toString(), "--dialect", "tcpd");
        assertEquals(100, unknown.code, unknown.toString());
        assertTrue(unknown.err.startsWith("cdbmake-all: --dialect NAME: ucspi-tcp or ucspi-tcp6, not tcpd\n"),
                unknown.err);
        Runs.Run both = Runs.run("-C", dir.toString(), "--dialect", "ucspi-tcp6", "--cidr");
        assertEquals(100, both.code, both.toString());
    }
}
