package org.cdbkit.cli.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.HardPlaces;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tcprules and tcprulescheck through their launchers where they really run (see
 * {@link HardPlaces}): names, host names and values are their bytes under any locale, a
 * closed pipe ends tcprulescheck as SIGPIPE would, and running out of memory is one line.
 */
class RulesHardPlacesIT {
    private static final Path BIN = Fixtures.root().resolve("bin");

    @TempDir
    Path dir;

    static Stream<Arguments> places() {
        List<Arguments> places = new ArrayList<>();
        for (List<String> environment : HardPlaces.ENVIRONMENTS) {
            for (String name : HardPlaces.NAMES) {
                places.add(Arguments.of(environment, name));
            }
        }
        return places.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("places")
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
        Path work = Files.createTempDirectory(dir, "w");
        Oracle.Result r = HardPlaces.sh(environment, work, name, script);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        put(expected, "rule =", n, ":\ndeny connection\n");
        put(expected, "rule :\nset environment variable WHO=", n, "\nallow connection\n1\n");
        put(expected, "tcprules: fatal: unable to parse this line: x:alow\ntcprules: (line 1 of the input)\n"
                + "exit 100\n");
        put(expected, "tcprulescheck: fatal: unable to read no/", n, ".cdb: file does not exist\nexit 111\n");
        assertEquals(0, r.exitCode, r.toString());
        assertEquals(new String(expected.toByteArray(), StandardCharsets.ISO_8859_1),
                new String(r.stdout, StandardCharsets.ISO_8859_1), r.toString());
        assertEquals("", r.stderrText());
    }

    private static void put(ByteArrayOutputStream out, Object... parts) throws IOException {
        for (Object part : parts) {
            out.write(part instanceof byte[] ? (byte[]) part : ((String) part).getBytes(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aClosedPipeEndsTcprulescheckSilentlyWith141() throws Exception {
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(BIN.resolve("tcprulescheck").toString(),
                Fixtures.dir("rules").resolve("basic.cdb").toString()).directory(dir.toFile())
                .redirectError(err.toFile()).start();
        p.getInputStream().close(); // before the JVM is up, so its first write meets no reader
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", Files.readString(err));
        assertEquals(141, p.exitValue());
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
        try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < 3_000_000; i++) {
                in.write(("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255) + ":allow\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
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
