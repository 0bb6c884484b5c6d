package org.cdbkit.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The places the launchers must work in: the environments a tool is started with (a daemontools
 * run script's empty one, the C and POSIX locales, a UTF-8 one), file names that are not ASCII
 * or not even UTF-8, and a shell to use them from, since a Java test cannot pass argv bytes
 * that its own locale cannot hold.
 */
public final class HardPlaces {
    private HardPlaces() {
    }

    /** {@code env} arguments for each way a tool is started. */
    public static final List<List<String>> ENVIRONMENTS = List.of(
            List.of("env", "-i"),
            List.of("env", "-i", "PATH=/usr/bin:/bin", "LC_ALL=C"),
            List.of("env", "LC_ALL=C"),
            List.of("env", "LC_ALL=POSIX"),
            List.of("env", "LC_ALL=C.UTF-8"));

    /** Names as printf(1) writes them: UTF-8 "café", Latin-1 "laté" (not UTF-8), and a plain one. */
    public static final List<String> NAMES = List.of("caf\\303\\251", "lat\\351", "plain");

    /** The bytes of a printf-escaped name. */
    public static byte[] bytes(String printfName) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < printfName.length(); i++) {
            char c = printfName.charAt(i);
            if (c == '\\') {
                s.append((char) Integer.parseInt(printfName.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                s.append(c);
            }
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * Runs {@code script} with sh under {@code environment} in {@code dir}; {@code $N} holds the
     * name's bytes and {@code $BIN} the launchers' folder.
     */
    public static Oracle.Result sh(List<String> environment, Path dir, String printfName, String script)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(environment);
        command.addAll(List.of("/bin/sh", "-c", "N=$(printf '" + printfName + "'); BIN=\"$0\"; " + script,
                Fixtures.root().resolve("bin").toString()));
        Oracle.Result r = Oracle.run(command, dir, null, null);
        assertNoJava(r, String.join(" ", environment) + ": " + script);
        return r;
    }

    /** No stack trace, no Java class name: what an operator sees is the tool's own words. */
    public static void assertNoJava(Oracle.Result r, String context) {
        String all = new String(r.stdout, StandardCharsets.ISO_8859_1) + r.stderrText();
        for (String sign : new String[] {"Exception", "\tat ", "java.", "Error:", "picocli."}) {
            assertFalse(all.contains(sign), () -> context + ": prints Java's " + sign + ": " + r);
        }
    }
}
