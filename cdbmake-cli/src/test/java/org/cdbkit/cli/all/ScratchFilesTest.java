package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.PlantedLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * cdbmake-all in a folder others can write to: its scratch files have names no one can guess
 * and are created new, and the state file is replaced, never written through a link. Links
 * planted at the names older versions used must never lead a run to write another file.
 */
class ScratchFilesTest {
    private static final Path EXPECTED = Fixtures.dir("etc-tcp-expected");
    /** The fixed names of old: a run as root wrote through whatever was there. */
    private static final String[] OLD_SCRATCH_NAMES = {".ssh.cdb.cdbmake-all.tmp", ".smtp.cdb.cdbmake-all.tmp",
        ".cdbmake-all.state.tmp"};

    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void seed() throws IOException {
        dir = Runs.exampleIn(root);
        // the Makefile's chmod is applied too: it must not reach a victim either
        Files.writeString(dir.resolve("Makefile"), "all: ssh.cdb smtp.cdb\n\n%.cdb: %\n\ttcprules $@ $@.tmp < $<\n"
                + "\tchmod 444 $@\n", StandardCharsets.US_ASCII);
    }

    private Runs.Run make(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Runs.run(all);
    }

    /** Plants {@code link} at every old scratch name, each to a victim of its own outside the folder. */
    private Path[] plant(PlantedLink link) throws IOException {
        Path[] victims = new Path[OLD_SCRATCH_NAMES.length];
        for (int i = 0; i < victims.length; i++) {
            victims[i] = root.resolve("victim" + i);
            link.plant(dir.resolve(OLD_SCRATCH_NAMES[i]), victims[i]);
        }
        return victims;
    }

    private static void assertUntouched(PlantedLink link, Path[] victims) throws IOException {
        for (Path victim : victims) {
            link.assertUntouched(victim);
        }
    }

    private void assertBuiltLikeTcprules(String name) throws IOException {
        assertArrayEquals(Files.readAllBytes(EXPECTED.resolve(name)), Files.readAllBytes(dir.resolve(name)), name);
    }

    @ParameterizedTest
    @EnumSource(PlantedLink.class)
    void linksAtTheOldScratchNamesAreNeverWrittenThrough(PlantedLink link) throws IOException {
        Path[] victims = plant(link);

        Runs.Run built = make();
        assertEquals(0, built.code, built.toString());
        assertBuiltLikeTcprules("ssh.cdb");
        assertBuiltLikeTcprules("smtp.cdb");
        assertUntouched(link, victims);

        Runs.Run upToDate = make();
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", upToDate.out, upToDate.toString());
        assertUntouched(link, victims);

        // no record: each target is built aside and compared, and the state file written anew
        Files.delete(dir.resolve(".cdbmake-all.state"));
        Runs.Run compared = make();
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", compared.out, compared.toString());
        assertTrue(Files.exists(dir.resolve(".cdbmake-all.state")));
        assertUntouched(link, victims);

        // a bad source: its cdb is kept, and nothing else is written either
        byte[] sshCdb = Files.readAllBytes(dir.resolve("ssh.cdb"));
        Files.writeString(dir.resolve("ssh"), "1.2.3.4:alow\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        Files.setLastModifiedTime(dir.resolve("ssh"), FileTime.from(Instant.now().plusSeconds(3600)));
        Runs.Run bad = make("-B");
        assertEquals(100, bad.code, bad.toString());
        assertArrayEquals(sshCdb, Files.readAllBytes(dir.resolve("ssh.cdb")), "ssh.cdb kept");
        assertBuiltLikeTcprules("smtp.cdb");
        assertUntouched(link, victims);
    }

    @ParameterizedTest
    @EnumSource(PlantedLink.class)
    void aStateFileThatIsALinkIsReplacedNotWrittenThrough(PlantedLink link) throws IOException {
        Path victim = root.resolve("victim");
        link.plant(dir.resolve(".cdbmake-all.state"), victim);
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        link.assertUntouched(victim);
        assertFalse(Files.isSymbolicLink(dir.resolve(".cdbmake-all.state")), "the link was replaced by the state file");
        Runs.Run again = make();
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", again.out, again.toString());
    }

    private static final Pattern SCRATCH = Pattern.compile("unable to move (\\.ssh\\.cdb\\.cdbmake-all\\.[0-9a-f]{16}\\.tmp)"
            + " to ssh\\.cdb: is a directory \\(ssh\\.cdb kept as it was\\)\n");

    /** The scratch file's name, from the error of a run whose rename of it must fail. */
    private String scratchNameOfAFailedRun() throws IOException {
        Runs.Run r = make("-B", "ssh.cdb");
        assertEquals(111, r.code, r.toString());
        Matcher m = SCRATCH.matcher(r.err);
        assertTrue(m.find(), r.err);
        assertFalse(Files.exists(dir.resolve(m.group(1)), LinkOption.NOFOLLOW_LINKS), "the scratch file was removed");
        return m.group(1);
    }

    @Test
    void scratchNamesCannotBeGuessedFromOneRunToTheNext() throws IOException {
        Files.createDirectory(dir.resolve("ssh.cdb"));
        assertNotEquals(scratchNameOfAFailedRun(), scratchNameOfAFailedRun());
    }
}
