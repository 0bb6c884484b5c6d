package org.cdbkit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real C tools, the oracle of the differential tests. A test class that runs them says so
 * with {@link NeedsOriginals}: without them it is skipped, with the reason, unless they are
 * required (in CI, where {@code CI=true} and {@code .ci/run} installs them, or with
 * {@code CDBKIT_REQUIRE_ORACLE} set), where it fails. {@code CDBKIT_HIDE_ORIGINALS=1} makes
 * every original count as missing, as on a newcomer's machine.
 */
public final class Oracle {
    private Oracle() {
    }

    public static boolean required() {
        return "true".equals(System.getenv("CI")) || System.getenv("CDBKIT_REQUIRE_ORACLE") != null;
    }

    /** Why the tool at {@code path} cannot be run, or null when it can. */
    static String whyMissing(String path) {
        if (System.getenv("CDBKIT_HIDE_ORIGINALS") != null) {
            return "the originals are hidden (CDBKIT_HIDE_ORIGINALS)";
        }
        return Files.isExecutable(Path.of(path)) ? null : "the original tool " + path + " is not installed";
    }

    /**
     * The path of a real tool, e.g. {@code /usr/bin/cdbmake}, which the test class names in its
     * {@link NeedsOriginals} (so it is there by the time a test runs).
     */
    public static Path tool(String path) {
        String why = whyMissing(path);
        if (why != null) {
            fail(why + ": name it in the class's @NeedsOriginals");
        }
        return Path.of(path);
    }

    /** Runs a command with the given bytes on standard input (or a file), and waits for it. */
    public static Result run(List<String> command, Path workDir, byte[] stdin, Path stdinFile,
            String... environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir == null ? null : workDir.toFile());
        for (int i = 0; i + 1 < environment.length; i += 2) {
            if (environment[i + 1] == null) {
                builder.environment().remove(environment[i]);
            } else {
                builder.environment().put(environment[i], environment[i + 1]);
            }
        }
        Path in = stdinFile;
        Path scratch = null;
        if (in == null) {
            scratch = Files.createTempFile("cdbkit-stdin", ".bin");
            Files.write(scratch, stdin == null ? new byte[0] : stdin);
            in = scratch;
        }
        builder.redirectInput(in.toFile());
        Path out = Files.createTempFile("cdbkit-stdout", ".bin");
        Path err = Files.createTempFile("cdbkit-stderr", ".bin");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        try {
            Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + command);
            }
            return new Result(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            if (scratch != null) {
                Files.deleteIfExists(scratch);
            }
        }
    }

    public static List<String> command(Object... parts) {
        List<String> list = new ArrayList<>();
        for (Object p : parts) {
            list.add(p.toString());
        }
        return list;
    }

    /** What a process did. */
    public static final class Result {
        public final int exitCode;
        public final byte[] stdout;
        public final byte[] stderr;

        public Result(int exitCode, byte[] stdout, byte[] stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        public String stderrText() {
            return new String(stderr, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Result && ((Result) o).exitCode == exitCode
                    && Arrays.equals(((Result) o).stdout, stdout) && Arrays.equals(((Result) o).stderr, stderr);
        }

        @Override
        public int hashCode() {
            return exitCode;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stdout " + Hex.preview(stdout) + ", stderr "
                    + new String(stderr, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
