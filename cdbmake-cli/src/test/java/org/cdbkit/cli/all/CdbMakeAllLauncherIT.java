package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * bin/cdbmake-all where a daemontools run script or cron runs it (see {@link HardPlaces}): a
 * source whose name is not ASCII or not UTF-8 is found, built, named in messages and given as a
 * target, byte for byte; a closed pipe ends it with 141; running out of memory is one line.
 */
class CdbMakeAllLauncherIT {
    private static final Path BIN = Fixtures.root().resolve("bin");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.cdbkit.testing.HardPlaces#places")
    void sourcesAndTargetsAreTheirBytes(List<String> environment, String name) throws Exception {
        byte[] n = HardPlaces.bytes(name);
        String script = String.join("\n",
                "set -e",
                "printf '10.0.0.:allow\\n:deny\\n' > \"$N\"",
                "\"$BIN/cdbmake-all\"",
                "\"$BIN/cdbmake-all\" -v \"$N.cdb\"",
                "mkdir sub; cp \"$N\" \"sub/$N\"",
                "\"$BIN/cdbmake-all\" \"sub/$N.cdb\"",
                "test -f \"$N.cdb\" && test -f \"sub/$N.cdb\" && ls | wc -l");
        Path work = Files.createTempDirectory(dir, "w");
        Oracle.Result r = HardPlaces.sh(environment, work, name, script);

        String expected = HardPlaces.output("cdbmake-all: ", n, ".cdb: rebuilt from ", n, " (it does not exist)\n",
                "cdbmake-all: ", n, ".cdb: up to date\ncdbmake-all: everything is up to date (1 target)\n",
                "cdbmake-all: sub/", n, ".cdb: rebuilt from sub/", n, " (it does not exist)\n",
                "3\n"); // the source, its cdb and sub (the state file is a dot file), nothing left over
        assertEquals(expected,
                new String(r.stdout, StandardCharsets.ISO_8859_1), r.toString());
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("", r.stderrText());
    }

    @Test
    void aClosedPipeEndsItSilentlyWith141() throws Exception {
        Files.writeString(dir.resolve("ssh"), "10.0.0.:allow\n");
        Oracle.Result r = HardPlaces.withClosedOutput(List.of(BIN.resolve("cdbmake-all").toString(), "-v"), dir, null);
        assertEquals(new Oracle.Result(141, new byte[0], new byte[0]), r);
    }

    @Test
    void outOfMemoryIsOneFatalLine() throws Exception {
        try (OutputStream rules = Files.newOutputStream(dir.resolve("big"))) {
            HardPlaces.writeManyRules(rules, 3_000_000);
        }
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("cdbmake-all").toString(), "big.cdb")
                .directory(dir.toFile()).redirectError(dir.resolve("err.log").toFile())
                .redirectOutput(dir.resolve("out.log").toFile());
        builder.environment().put("CDBKIT_JAVA_OPTS", "-Xmx8m");
        Process p = builder.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals("cdbmake-all: fatal: out of memory\n", Files.readString(dir.resolve("err.log")));
        assertEquals(111, p.exitValue());
        assertTrue(Files.notExists(dir.resolve("big.cdb")));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(f -> f.getFileName().toString()).filter(f -> f.contains("tmp"))
                    .collect(java.util.stream.Collectors.toList()), "no scratch file left");
        }
    }
}
