package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.testing.Oracle;
import org.cdbkit.testing.PlantedLink;
import org.cdbkit.testing.SameName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tcprules's temporary file is created new: a link planted at its name is replaced, never
 * written through, and a temporary name that is the database itself is refused.
 */
class TemporaryFileTest {
    private static final byte[] OLD = "the old database, kept on bad input\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private Path rules(boolean good) throws IOException {
        return Files.writeString(dir.resolve("rules"), good ? "1.2.3.4:deny\n" : "1.2.3.4:deny\n1.2.3.5:alow\n",
                StandardCharsets.US_ASCII);
    }

    private Path oldTarget() throws IOException {
        return Files.write(dir.resolve("t.cdb"), OLD);
    }

    private Oracle.Result tcprules(boolean good, Path cdb, Path tmp) throws IOException {
        return RulesInProcess.run(rules(good), Map.of(), "tcprules", cdb.toString(), tmp.toString());
    }

    @ParameterizedTest
    @MethodSource("org.cdbkit.testing.PlantedLink#withGoodAndBadInput")
    void aLinkAtTheTemporaryNameIsReplaced(PlantedLink link, boolean good) throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        Path victim = link.plantAt(tmp);
        Oracle.Result r = tcprules(good, target, tmp);
        if (good) {
            assertEquals(0, r.exitCode, r.stderrText());
            try (CdbReader reader = CdbReader.open(target)) {
                assertArrayEquals("D\0".getBytes(StandardCharsets.US_ASCII),
                        reader.getBytes("1.2.3.4".getBytes(StandardCharsets.US_ASCII)));
            }
        } else {
            assertEquals(100, r.exitCode);
            assertArrayEquals(OLD, Files.readAllBytes(target));
        }
        link.assertUntouched(victim);
        assertFalse(Files.exists(tmp, LinkOption.NOFOLLOW_LINKS));
    }

    @ParameterizedTest
    @EnumSource(SameName.class)
    void aTemporaryThatIsTheDatabaseIsRefused(SameName how) throws IOException {
        Path target = oldTarget();
        Path tmp = how.of(target);
        for (boolean good : new boolean[] {true, false}) {
            Oracle.Result r = tcprules(good, target, tmp);
            assertEquals(100, r.exitCode);
            assertEquals("tcprules: fatal: " + tmp + " names the same file as " + target + "\n", r.stderrText());
            assertArrayEquals(OLD, Files.readAllBytes(target));
        }
    }
}
