package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.HardPlaces;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cdb tools through their launchers where they really run: an empty environment or the C
 * locale of a daemontools run script, names that are not ASCII or not UTF-8, a reader that goes
 * away, a heap that runs out. Every name is used as its bytes, and no Java shows through.
 */
class HardPlacesIT {
    private static final Path BIN = Fixtures.root().resolve("bin");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.cdbkit.testing.HardPlaces#places")
    void everyToolTakesNamesAndKeysAsTheirBytes(List<String> environment, String name) throws Exception {
        byte[] n = HardPlaces.bytes(name);
        String script = String.join("\n",
                "set -e",
                "len=$(printf %s \"$N\" | wc -c)",
                "printf '+%d,1:%s->v\\n\\n' $len \"$N\" | \"$BIN/cdbmake\" \"$N.cdb\" \"$N.tmp\"",
                "printf '%s 12\\n\\n' \"$N\" | \"$BIN/cdbmake-12\" \"$N-12.cdb\" \"$N-12.tmp\"",
                "printf 'smtp 25/tcp %s\\n' \"$N\" | \"$BIN/cdbmake-sv\" \"$N-sv.cdb\" \"$N-sv.tmp\"",
                "\"$BIN/cdbget\" \"$N\" < \"$N.cdb\"; \"$BIN/cdbget\" \"$N\" < \"$N-12.cdb\"; echo",
                "\"$BIN/cdbget\" \"$N/tcp\" < \"$N-sv.cdb\"; echo",
                "\"$BIN/cdbdump\" < \"$N.cdb\"",
                "\"$BIN/cdbstats\" < \"$N.cdb\" > /dev/null; \"$BIN/cdbtest\" < \"$N.cdb\" > /dev/null",
                "for f in \"$N.cdb\" \"$N-12.cdb\" \"$N-sv.cdb\"; do test -f \"$f\" || echo \"no $f\"; done",
                "ls | wc -l",
                "\"$BIN/cdbmake\" \"$N.cdb\" \"no/$N.tmp\" < /dev/null 2>&1 || echo \"exit $?\"");
        Oracle.Result r = HardPlaces.sh(environment, Files.createTempDirectory(dir, "w"), name, script);

        String expected = HardPlaces.output("v12\n25\n", "+" + n.length + ",1:", n, "->v\n\n", "3\n",
                "cdbmake: fatal: unable to create no/", n, ".tmp: file does not exist\nexit 111\n");
        assertEquals(expected, new String(r.stdout, StandardCharsets.ISO_8859_1), r.toString());
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("", r.stderrText());
    }

    /** A reader that goes away ends a tool silently with 141, as SIGPIPE ends the originals. */
    @ParameterizedTest
    @MethodSource("writers")
    void aClosedPipeEndsTheToolSilentlyWith141(List<String> command) throws Exception {
        Oracle.Result r = HardPlaces.withClosedOutput(command, dir, Fixtures.dir("cdb").resolve("many.cdb"));
        assertEquals(new Oracle.Result(141, new byte[0], new byte[0]), r);
    }

    static Stream<List<String>> writers() {
        return Stream.of(List.of(BIN.resolve("cdbdump").toString()), List.of(BIN.resolve("cdbstats").toString()),
                List.of(BIN.resolve("cdbtest").toString()), List.of(BIN.resolve("cdbget").toString(), "key0"));
    }

    /** Out of memory is one line and 111; the old database stays, the temporary file goes. */
    @Test
    void outOfMemoryIsOneFatalLine() throws Exception {
        Path old = dir.resolve("keep.cdb");
        Files.copy(Fixtures.dir("cdb").resolve("one.cdb"), old);
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("cdbmake").toString(), "keep.cdb", "keep.tmp")
                .directory(dir.toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().put("CDBKIT_JAVA_OPTS", "-Xmx8m");
        Process process = builder.start();
        try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < 3_000_000; i++) {
                in.write(BigInput.record(i));
            }
            in.write('\n');
        } catch (IOException e) {
            // the tool has died and closed its input: what it said is checked below
        }
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals("cdbmake: fatal: out of memory\n", Files.readString(dir.resolve("err")));
        assertEquals(111, process.exitValue());
        assertArrayEquals(Files.readAllBytes(Fixtures.dir("cdb").resolve("one.cdb")), Files.readAllBytes(old));
        assertTrue(Files.notExists(dir.resolve("keep.tmp")), "temporary file removed");
    }
}
