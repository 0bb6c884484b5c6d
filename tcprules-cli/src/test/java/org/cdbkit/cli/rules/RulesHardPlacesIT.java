package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.HardPlaces;
import org.cdbkit.testing.Oracle;
import org.cdbkit.testing.PlantedLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tcprules, tcprulescheck and tcprulesdump through their launchers where they really run (see
 * {@link HardPlaces}): names, host names and values are their bytes under any locale, a
 * closed pipe ends tcprulescheck as SIGPIPE would, and running out of memory is one line.
 */
class RulesHardPlacesIT {
    private static final Path BIN = Fixtures.root().resolve("bin");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.cdbkit.testing.HardPlaces#places")
    void namesHostsAndValuesAreTheirBytes(List<String> environment, String name) throws Exception {
        byte[] n = HardPlaces.bytes(name);
        String script = String.join("\n",
                "set -e",
                "printf '=%s:deny\\n:allow,WHO=\"%s\"\\n' \"$N\" \"$N\" | \"$BIN/tcprules\" \"$N.cdb\" \"$N.tmp\"",
                "TCPREMOTEIP=10.0.0.1 TCPREMOTEHOST=\"$N\" \"$BIN/tcprulescheck\" \"$N.cdb\"",
                "TCPREMOTEIP=10.0.0.2 \"$BIN/tcprulescheck\" \"$N.cdb\"",
                "ls | wc -l",
                "printf 'x:alow\\n' | \"$BIN/tcprules\" \"$N.cdb\" \"$N.tmp\" 2>&1 || echo \"exit $?\"",
                "\"$BIN/tcprulescheck\" \"no/$N.cdb\" 2>&1 || echo \"exit $?\"");
        Oracle.Result r = HardPlaces.sh(environment, Files.createTempDirectory(dir, "w"), name, script);

        String expected = HardPlaces.output("rule =", n, ":\ndeny connection\n",
                "rule :\nset environment variable WHO=", n, "\nallow connection\n", "1\n",
                "tcprules: fatal: unable to parse this line: x:alow\ntcprules: (line 1 of the input)\nexit 100\n",
                "tcprulescheck: fatal: unable to read no/", n, ".cdb: file does not exist\nexit 111\n");
        assertEquals(expected, new String(r.stdout, StandardCharsets.ISO_8859_1), r.toString());
        assertEquals(0, r.exitCode, r.toString());
        assertEquals("", r.stderrText());
    }

    /** tcprulesdump through its launcher, reading a pipe: what it prints compiles back to the same bytes. */
    @Test
    void tcprulesdumpReadsAPipeAndCompilesBack() throws Exception {
        Path forms = Fixtures.dir("rules").resolve("forms.cdb");
        Oracle.Result r = Oracle.run(List.of("sh", "-c", "cat | \"$1/tcprulesdump\" | \"$1/tcprules\" r.cdb r.tmp",
                "sh", BIN.toString()), dir, null, forms);
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), r);
        assertArrayEquals(Files.readAllBytes(forms), Files.readAllBytes(dir.resolve("r.cdb")));
        assertEquals(new Oracle.Result(100, new byte[0],
                "tcprulesdump: usage: tcprulesdump [--dialect=ucspi-tcp6] < rules.cdb\n".getBytes(StandardCharsets.US_ASCII)),
                Oracle.run(List.of(BIN.resolve("tcprulesdump").toString(), "x"), dir, null, forms));
    }

    @Test
    void aClosedPipeEndsTcprulescheckSilentlyWith141() throws Exception {
        Oracle.Result r = HardPlaces.withClosedOutput(List.of(BIN.resolve("tcprulescheck").toString(),
                Fixtures.dir("rules").resolve("basic.cdb").toString()), dir, null);
        assertEquals(new Oracle.Result(141, new byte[0], new byte[0]), r);
    }

    /** A link planted at the temporary name is replaced, not written through; the database itself is refused. */
    @Test
    void neverWritesThroughALinkAndRefusesTheDatabaseAsItsTemporary() throws Exception {
        Path old = dir.resolve("keep.cdb");
        byte[] oldBytes = Files.readAllBytes(Fixtures.dir("rules").resolve("basic.cdb"));
        Files.write(old, oldBytes);
        PlantedLink.DANGLING_SYMLINK.plant(dir.resolve("keep.tmp"), dir.resolve("victim"));
        byte[] bad = "1.2.3.4:alow\n".getBytes(StandardCharsets.US_ASCII);
        List<String> tcprules = List.of(BIN.resolve("tcprules").toString(), "keep.cdb", "keep.tmp");
        assertEquals(100, Oracle.run(tcprules, dir, bad, null).exitCode);
        PlantedLink.DANGLING_SYMLINK.assertUntouched(dir.resolve("victim"));
        assertArrayEquals(oldBytes, Files.readAllBytes(old));

        Oracle.Result same = Oracle.run(List.of(BIN.resolve("tcprules").toString(), "keep.cdb", "keep.cdb"), dir,
                bad, null);
        assertEquals(new Oracle.Result(100, new byte[0],
                "tcprules: fatal: keep.cdb names the same file as keep.cdb\n".getBytes(StandardCharsets.US_ASCII)), same);
        assertArrayEquals(oldBytes, Files.readAllBytes(old));
    }

    /** Out of memory is one line and 111; the old database stays, the temporary file goes. */
    @Test
    void outOfMemoryIsOneFatalLine() throws Exception {
        Path old = dir.resolve("keep.cdb");
        byte[] oldBytes = Files.readAllBytes(Fixtures.dir("rules").resolve("basic.cdb"));
        Files.write(old, oldBytes);
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("tcprules").toString(), "keep.cdb", "keep.tmp")
                .directory(dir.toFile()).redirectError(dir.resolve("err").toFile());
        builder.environment().put("CDBKIT_JAVA_OPTS", "-Xmx8m");
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            HardPlaces.writeManyRules(in, 3_000_000);
        } catch (IOException e) {
            // the tool has died and closed its input: what it said is checked below
        }
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals("tcprules: fatal: out of memory\n", Files.readString(dir.resolve("err")));
        assertEquals(111, process.exitValue());
        assertArrayEquals(oldBytes, Files.readAllBytes(old));
        assertTrue(Files.notExists(dir.resolve("keep.tmp")), "temporary file removed");
    }
}
