package org.cdbkit.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .cdbmake-all.state: what each target was built from, kept as a cache beside the targets. */
class BuildStateTest {
    private static final String SOURCE_DIGEST = "a".repeat(64);
    private static final String TARGET_DIGEST = "b".repeat(64);

    @TempDir
    Path dir;

    private static BuildState.Entry entry(String stamp) {
        return new BuildState.Entry(stamp, SOURCE_DIGEST, "2048/1/2/3:4", TARGET_DIGEST);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void whatIsPutComesBackFromTheFile() throws IOException {
        BuildState state = BuildState.load(dir);
        assertEquals(dir.resolve(".cdbmake-all.state"), state.file());
        assertNull(state.get("ssh.cdb"));
        state.put("ssh.cdb", entry("17/100/200/1:2"));
        state.put("smtp.cdb", entry("18/100/200/1:3"));
        state.save();
        assertEquals(List.of(".cdbmake-all.state"), files(), "written through a scratch file that is gone");

        BuildState again = BuildState.load(dir);
        assertEquals(entry("17/100/200/1:2"), again.get("ssh.cdb"));
        assertEquals(entry("18/100/200/1:3"), again.get("smtp.cdb"));
        List<String> lines = Files.readAllLines(state.file(), StandardCharsets.ISO_8859_1);
        assertTrue(lines.get(0).startsWith("# cdbmake-all: "), lines.get(0));
        assertEquals("smtp.cdb\t18/100/200/1:3\t" + SOURCE_DIGEST + "\t2048/1/2/3:4\t" + TARGET_DIGEST, lines.get(1),
                "one line a target, in order of name");
        assertEquals(3, lines.size());
    }

    @Test
    void namesAreKeptAsTheirBytes() throws IOException {
        String latin1 = "caf\u00e9.cdb"; // the byte 0xe9, not UTF-8
        BuildState state = BuildState.load(dir);
        state.put(latin1, entry("1/2/3/4:5"));
        state.save();
        String file = new String(Files.readAllBytes(state.file()), StandardCharsets.ISO_8859_1); // a char a byte
        assertTrue(file.contains("\ncaf\u00e9.cdb\t"), "the name's one byte 0xe9: " + file);
        assertFalse(file.contains("\u00c3"), "not encoded as UTF-8");
        assertEquals(entry("1/2/3/4:5"), BuildState.load(dir).get(latin1));
    }

    @Test
    void aRunThatChangesNothingWritesNothing() throws IOException {
        BuildState state = BuildState.load(dir);
        state.save();
        assertEquals(List.of(), files(), "no file for an empty state");

        state.put("ssh.cdb", entry("1/2/3/4:5"));
        state.save();
        Files.delete(state.file());
        state.put("ssh.cdb", entry("1/2/3/4:5"));
        state.save();
        assertFalse(Files.exists(state.file()), "the same entry again is no change");
        state.put("ssh.cdb", entry("1/2/3/4:6"));
        state.save();
        assertTrue(Files.exists(state.file()));
    }

    @Test
    void linesItCannotReadAreIgnored() throws IOException {
        Files.writeString(dir.resolve(".cdbmake-all.state"), String.join("\n",
                "# a comment\tx\tx\tx\tx",
                "short\tline",
                "bad-digest.cdb\t1\tnot-hex\t2\t" + TARGET_DIGEST,
                "six.cdb\t1\t" + SOURCE_DIGEST + "\t2\t" + TARGET_DIGEST + "\textra",
                "ssh.cdb\t1/2/3/4:5\t" + SOURCE_DIGEST + "\t2048/1/2/3:4\t" + TARGET_DIGEST,
                ""), StandardCharsets.ISO_8859_1);
        BuildState state = BuildState.load(dir);
        assertEquals(entry("1/2/3/4:5"), state.get("ssh.cdb"));
        for (String ignored : new String[] {"# a comment", "short", "bad-digest.cdb", "six.cdb"}) {
            assertNull(state.get(ignored), ignored);
        }
    }

    @Test
    void aStateThatCannotBeReadIsAnEmptyOne() throws IOException {
        Files.createDirectory(dir.resolve(".cdbmake-all.state"));
        assertNull(BuildState.load(dir).get("ssh.cdb"));
        assertNull(BuildState.load(dir.resolve("missing")).get("ssh.cdb"));
    }
}
