package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.testing.Oracle;
import org.cdbkit.testing.PlantedLink;
import org.cdbkit.testing.SameName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The temporary file of cdbmake, cdbmake-12 and cdbmake-sv is created new: a link planted at
 * its name is replaced, never written through, and a temporary name that is the database
 * itself is refused before anything is written.
 */
class TemporaryFileTest {
    private static final byte[] OLD = "the old database, kept on bad input\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    /** Input for {@code tool} holding the key "a" with the data "b", or (bad) cdbmake text that fails at entry 2. */
    private Path input(String tool, boolean good) throws IOException {
        String text = !good ? "+1,1:a->b\n+1,1:x=>y\n\n" : tool.equals("cdbmake") ? "+1,1:a->b\n\n" : "a b\n";
        return Files.writeString(dir.resolve("input"), text, StandardCharsets.US_ASCII);
    }

    private Path oldTarget() throws IOException {
        return Files.write(dir.resolve("t.cdb"), OLD);
    }

    @ParameterizedTest
    @MethodSource("org.cdbkit.testing.PlantedLink#withGoodAndBadInput")
    void cdbmakeReplacesALinkAtTheTemporaryName(PlantedLink link, boolean good) throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        Path victim = link.plantAt(tmp);
        Oracle.Result r = InProcess.run(input("cdbmake", good), "cdbmake", target.toString(), tmp.toString());
        if (good) {
            assertEquals(0, r.exitCode, r.stderrText());
            assertFound(target);
        } else {
            assertEquals(111, r.exitCode);
            assertEquals("cdbmake: fatal: unable to read input: entry 2: key must be followed by ->\n", r.stderrText());
            assertArrayEquals(OLD, Files.readAllBytes(target));
        }
        link.assertUntouched(victim);
        assertFalse(Files.exists(tmp, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest
    @EnumSource(value = PlantedLink.class)
    void theConvertersReplaceALinkAtTheTemporaryNameToo(PlantedLink link) throws IOException {
        for (String tool : new String[] {"cdbmake-12", "cdbmake-sv"}) {
            Path target = dir.resolve(tool + ".cdb");
            Path tmp = dir.resolve(tool + ".tmp");
            Path victim = dir.resolve(tool + ".victim");
            link.plant(tmp, victim);
            Oracle.Result r = InProcess.run(input(tool, true), tool, target.toString(), tmp.toString());
            assertEquals(0, r.exitCode, tool + ": " + r.stderrText());
            link.assertUntouched(victim);
            assertTrue(Files.size(target) >= 2048, tool + " wrote its database");
        }
    }

    @ParameterizedTest
    @CsvSource({"cdbmake, IDENTICAL", "cdbmake, DOT_SLASH", "cdbmake, HARD_LINK", "cdbmake, SYMLINK",
        "cdbmake-12, IDENTICAL", "cdbmake-12, SYMLINK", "cdbmake-sv, DOT_SLASH", "cdbmake-sv, HARD_LINK"})
    void aTemporaryThatIsTheDatabaseIsRefused(String tool, SameName how) throws IOException {
        Path target = oldTarget();
        Path tmp = how.of(target);
        for (boolean good : new boolean[] {true, false}) {
            Oracle.Result r = InProcess.run(input(tool, good), tool, target.toString(), tmp.toString());
            assertEquals(100, r.exitCode);
            // the converters speak as cdbmake, as the originals (scripts around cdbmake) do
            assertEquals("cdbmake: fatal: " + tmp + " names the same file as " + target + "\n", r.stderrText());
            assertArrayEquals(OLD, Files.readAllBytes(target));
        }
    }

    private static void assertFound(Path target) throws IOException {
        try (CdbReader reader = CdbReader.open(target)) {
            assertArrayEquals("b".getBytes(StandardCharsets.US_ASCII), reader.getBytes("a".getBytes(StandardCharsets.US_ASCII)));
        }
    }
}
