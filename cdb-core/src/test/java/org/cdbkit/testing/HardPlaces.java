package org.cdbkit.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

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

    /** Every environment with every name, for a parameterized test's {@code (environment, name)}. */
    public static Stream<Arguments> places() {
        List<Arguments> places = new ArrayList<>();
        for (List<String> environment : ENVIRONMENTS) {
            for (String name : NAMES) {
                places.add(Arguments.of(environment, name));
            }
        }
        return places.stream();
    }

    /** Strings (ASCII) and byte arrays, one after the other, as one byte string for comparing output. */
    public static String output(Object... parts) {
        StringBuilder s = new StringBuilder();
        for (Object part : parts) {
            s.append(part instanceof byte[] ? new String((byte[]) part, StandardCharsets.ISO_8859_1) : (String) part);
        }
        return s.toString();
    }

    /**
     * Runs {@code command} in {@code dir} with its standard output closed by the reader before the
     * JVM is up, so that its first write meets no reader; returns its exit code and standard error.
     */
    public static Oracle.Result withClosedOutput(List<String> command, Path dir, Path stdin)
            throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "stderr", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectError(err.toFile());
        if (stdin != null) {
            builder.redirectInput(stdin.toFile());
        }
        Process p = builder.start();
        p.getInputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "ended: " + command);
        Oracle.Result r = new Oracle.Result(p.exitValue(), new byte[0], Files.readAllBytes(err));
        Files.delete(err);
        return r;
    }

    /** {@code count} distinct rules, {@code 10.x.y.z:allow}: more than a few MiB of heap can compile. */
    public static void writeManyRules(OutputStream out, int count) throws IOException {
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        for (int i = 0; i < count; i++) {
            buffered.write(("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255) + ":allow\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        buffered.flush();
    }
}
