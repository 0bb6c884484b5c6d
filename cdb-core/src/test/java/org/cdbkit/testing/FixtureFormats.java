package org.cdbkit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reader for each format of the golden fixtures, as fixtures/cdb/README.md and
 * fixtures/rules/README.md define them. Every test that reads a fixture reads it here.
 */
public final class FixtureFormats {
    private FixtureFormats() {
    }

    /** A case read from one line of a fixture. */
    public interface Line {
        /** The line as the fixture has it. */
        String line();

        /** The line, shortened for a test's name. */
        default String shortLine(int length) {
            return line().substring(0, Math.min(length, line().length()));
        }
    }

    // ------------------------------------------------------------------ .get and corrupt/*.cases

    /**
     * A line of {@code NAME.get} (always cdbget) or {@code corrupt/NAME.cases}: a tool run on a
     * database, and its exit code, standard output and standard error in {@link #output} encoding.
     */
    public record Run(String tool, String keyHex, String skip, int exit, String stdout, String stderr, String line)
            implements Line {
        /** The key argument's bytes: empty for {@code -}. */
        public byte[] key() {
            return keyHex.equals("-") ? new byte[0] : Hex.decode(keyHex);
        }

        /**
         * The skip argument as a number, as a run of the library would take it: 0 when there is
         * none (or it is empty), null when it is not plain digits within a long.
         */
        public Long skipCount() {
            String s = skip.equals("-") ? "" : skip.substring(1);
            if (s.isEmpty()) {
                return 0L;
            }
            return s.matches("[0-9]{1,18}") ? Long.parseLong(s) : null;
        }

        /** The tool's arguments as byte strings (one char per byte): cdbget's key and skip, none for the others. */
        public String[] arguments() {
            if (!tool.equals("cdbget")) {
                return new String[0];
            }
            String key = new String(key(), StandardCharsets.ISO_8859_1);
            return skip.equals("-") ? new String[] {key} : new String[] {key, skip.substring(1)};
        }

        /** Standard error as text, one char per byte (only for an encoding that holds the bytes). */
        public String stderrText() {
            return stderr.equals("-") ? "" : new String(Hex.decode(stderr), StandardCharsets.ISO_8859_1);
        }
    }

    /** The cases of a {@code NAME.get} file. */
    public static List<Run> gets(Path file) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String[] f : rows(file)) {
            runs.add(new Run("cdbget", f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], String.join("\t", f)));
        }
        return runs;
    }

    /** The cases of a {@code corrupt/NAME.cases} file: a {@code .get} line with the tool in front. */
    public static List<Run> cases(Path file) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (String[] f : rows(file)) {
            runs.add(new Run(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], f[5], String.join("\t", f)));
        }
        return runs;
    }

    /**
     * A tool's output as {@code .get} and {@code .cases} write it: {@code -} if empty, lowercase
     * hex if at most 4096 bytes, otherwise {@code sha256=<64 hex>,len=<bytes>}.
     */
    public static String output(byte[] bytes) {
        if (bytes.length == 0) {
            return "-";
        }
        if (bytes.length <= 4096) {
            return Hex.encode(bytes);
        }
        try {
            return "sha256=" + Hex.encode(MessageDigest.getInstance("SHA-256").digest(bytes)) + ",len=" + bytes.length;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The TAB-separated fields of each line that is neither empty nor a {@code #} comment. */
    private static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.split("\t", -1));
            }
        }
        return rows;
    }

    // ------------------------------------------------------------------ .expect

    /** A {@code NAME.expect}: the exit code, then the exact bytes on standard error (stdout is empty). */
    public record Expect(int exit, byte[] stderr) {
        public String stderrText() {
            return new String(stderr, StandardCharsets.ISO_8859_1);
        }

        /** Exit 0 and nothing said: the input was accepted. */
        public boolean accepted() {
            return exit == 0 && stderr.length == 0;
        }
    }

    public static Expect expect(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int newline = 0;
        while (newline < bytes.length && bytes[newline] != '\n') {
            newline++;
        }
        if (newline == bytes.length) {
            fail(file + ": no newline after the exit code");
        }
        return new Expect(Integer.parseInt(new String(bytes, 0, newline, StandardCharsets.US_ASCII)),
                Arrays.copyOfRange(bytes, newline + 1, bytes.length));
    }

    // ------------------------------------------------------------------ .stats and .cdbtest

    /** A label and a number: {@code d0              15} (cdbstats) or {@code bad length: 0} (cdbtest). */
    private static final Pattern FIGURE = Pattern.compile("(.+?)(?::\\s*|\\s+)(\\d+)");

    /** The figures of cdbstats' or cdbtest's output ({@code NAME.stats}, {@code NAME.cdbtest}), by label, in order. */
    public static Map<String, Long> figures(byte[] output) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (String line : new String(output, StandardCharsets.US_ASCII).split("\n")) {
            Matcher m = FIGURE.matcher(line);
            if (!m.matches()) {
                fail("not a figure: '" + line + "'");
            }
            figures.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return figures;
    }

    // ------------------------------------------------------------------ .check

    /** A line of {@code NAME.check}: a connection and what tcprulescheck printed for it. */
    public record Check(String ip, String host, String info, int exit, String stdoutHex, String line) implements Line {
        /** TCPREMOTEIP, TCPREMOTEHOST and TCPREMOTEINFO as the line sets them (bytes, one char per byte). */
        public Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            put(env, "TCPREMOTEIP", ip);
            put(env, "TCPREMOTEHOST", host);
            put(env, "TCPREMOTEINFO", info);
            return env;
        }
    }

    public static List<Check> checks(Path file) throws IOException {
        List<Check> checks = new ArrayList<>();
        for (String[] f : rows(file)) {
            checks.add(new Check(f[0], f[1], f[2], Integer.parseInt(f[3]), f[4], String.join("\t", f)));
        }
        return checks;
    }

    /** The .check encoding: {@code -} unset, {@code ""} empty, else bytes with {@code \xHH} escapes. */
    private static void put(Map<String, String> env, String name, String field) {
        if (field.equals("-")) {
            return;
        }
        if (field.equals("\"\"")) {
            env.put(name, "");
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < field.length(); i++) {
            if (field.startsWith("\\x", i)) {
                bytes.write(Integer.parseInt(field.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                bytes.write(field.charAt(i));
            }
        }
        env.put(name, bytes.toString(StandardCharsets.ISO_8859_1));
    }

    // ------------------------------------------------------------------ rules-ucspi-tcp6/case-N

    /**
     * A case of fixtures/rules-ucspi-tcp6 (see its README): the rules given to tcprules, its
     * exit status and standard error, and the queries of tcprulescheck on its database.
     */
    public record Ucspi6Case(String name, Path dir, int exit, String stderr, List<Ucspi6Query> queries) {
        public Path rules() {
            return dir.resolve("rules");
        }

        /** The database tcprules wrote; it exists only when {@link #exit} is 0. */
        public Path cdb() {
            return dir.resolve("rules.cdb");
        }

        /** The first line tcprules printed on standard error, without its newline. */
        public String firstStderrLine() {
            int newline = stderr.indexOf('\n');
            return newline < 0 ? stderr : stderr.substring(0, newline);
        }
    }

    /** A run of tcprulescheck: its environment (besides PATH), exit status, standard output and error. */
    public record Ucspi6Query(Map<String, String> env, int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return env.toString().replace("\n", "\\n");
        }
    }

    /** Every case folder of {@code dir}, sorted by name. */
    public static List<Ucspi6Case> ucspi6Cases(Path dir) throws IOException {
        List<Ucspi6Case> cases = new ArrayList<>();
        try (java.util.stream.Stream<Path> folders = Files.list(dir)) {
            for (Path d : folders.filter(Files::isDirectory).sorted().toList()) {
                Path check = d.resolve("check");
                cases.add(new Ucspi6Case(d.getFileName().toString(), d,
                        Integer.parseInt(Files.readString(d.resolve("tcprules.exit")).trim()),
                        Files.readString(d.resolve("tcprules.stderr"), StandardCharsets.ISO_8859_1),
                        Files.exists(check) ? ucspi6Queries(check) : List.of()));
            }
        }
        return cases;
    }

    private static final Pattern UCSPI6_VARIABLE = Pattern.compile("(?:^| )(TCPREMOTE[A-Z]+)=");

    /** The queries of a {@code check} file: {@code ### VAR=value ...}, {@code exit N}, stdout, stderr. */
    static List<Ucspi6Query> ucspi6Queries(Path check) throws IOException {
        String text = Files.readString(check, StandardCharsets.ISO_8859_1);
        List<Ucspi6Query> queries = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            if (!text.startsWith("### ", at)) {
                fail(check + ": no ### line at " + at);
            }
            int exit = text.indexOf("\nexit ", at);
            int stdout = text.indexOf("\n--- stdout\n", exit);
            int stderr = text.indexOf("--- stderr\n", stdout);
            int next = text.indexOf("\n### ", stderr);
            int end = next < 0 ? text.length() : next + 1;
            String header = text.substring(at + 4, exit);
            Map<String, String> env = new LinkedHashMap<>();
            Matcher m = UCSPI6_VARIABLE.matcher(header);
            String name = null;
            int valueStart = 0;
            while (m.find()) {
                if (name != null) {
                    env.put(name, header.substring(valueStart, m.start()));
                }
                name = m.group(1);
                valueStart = m.end();
            }
            if (name != null) {
                env.put(name, header.substring(valueStart));
            }
            queries.add(new Ucspi6Query(env, Integer.parseInt(text.substring(exit + 6, stdout).trim()),
                    text.substring(stdout + 12, stderr), text.substring(stderr + 11, end)));
            at = end;
        }
        return queries;
    }
}
