package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Hex;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools against the golden outputs the real freecdb tools (and cdb-0.75's cdbtest) made,
 * committed in fixtures/cdb: same stdout, stderr and exit code, byte for byte.
 */
class GoldenFixturesTest {
    private static final Path DIR = Fixtures.dir("cdb");

    @TempDir
    Path temp;

    static List<String> mainFixtures() throws IOException {
        return Fixtures.names(DIR, ".in");
    }

    @TestFactory
    Stream<DynamicTest> cdbmakeWritesTheSameBytes() throws IOException {
        return mainFixtures().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path cdb = temp.resolve(name + ".cdb");
            Oracle.Result r = InProcess.run(DIR.resolve(name + ".in"), "cdbmake", cdb.toString(),
                    temp.resolve(name + ".tmp").toString());
            assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), r);
            assertArrayEquals(Files.readAllBytes(DIR.resolve(name + ".cdb")), Files.readAllBytes(cdb));
            assertFalse(Files.exists(temp.resolve(name + ".tmp")));
        }));
    }

    @TestFactory
    Stream<DynamicTest> cdbdumpCdbstatsCdbtestPrintTheSameBytes() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : mainFixtures()) {
            Path cdb = DIR.resolve(name + ".cdb");
            String[][] cases = {{"cdbdump", ".dump"}, {"cdbstats", ".stats"}, {"cdbtest", ".cdbtest"}};
            for (String[] c : cases) {
                tests.add(DynamicTest.dynamicTest(c[0] + " " + name, () -> assertEquals(
                        new Oracle.Result(0, Files.readAllBytes(DIR.resolve(name + c[1])), new byte[0]),
                        InProcess.run(cdb, c[0]))));
            }
            tests.add(DynamicTest.dynamicTest("cdbdump from a pipe " + name, () -> assertEquals(
                    new Oracle.Result(0, Files.readAllBytes(DIR.resolve(name + ".dump")), new byte[0]),
                    InProcess.runPiped(cdb, "cdbdump"))));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> cdbgetCases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : mainFixtures()) {
            Path cdb = DIR.resolve(name + ".cdb");
            for (String line : Files.readAllLines(DIR.resolve(name + ".get"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                tests.add(DynamicTest.dynamicTest(name + " " + line.substring(0, Math.min(60, line.length())),
                        () -> checkCase(InProcess.run(cdb, "cdbget", getArguments(f[0], f[1])), f, 2)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> damagedDatabases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("corrupt"))) {
            for (Path cases : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".cases")).sorted()::iterator) {
                String name = cases.getFileName().toString().replace(".cases", "");
                Path cdb = DIR.resolve("corrupt").resolve(name + ".cdb");
                for (String line : Files.readAllLines(cases, StandardCharsets.ISO_8859_1)) {
                    if (line.startsWith("#") || line.isBlank()) {
                        continue;
                    }
                    String[] f = line.split("\t", -1);
                    String tool = f[0];
                    String[] args = tool.equals("cdbget") ? getArguments(f[1], f[2]) : new String[0];
                    tests.add(DynamicTest.dynamicTest(name + " " + line.substring(0, Math.min(40, line.length())),
                            () -> checkCase(InProcess.run(cdb, tool, args), f, 3)));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> malformedInputKeepsTheOldDatabase() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR.resolve("bad"))) {
            for (Path in : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".in")).sorted()::iterator) {
                String name = in.getFileName().toString().replace(".in", "");
                tests.add(DynamicTest.dynamicTest(name, () -> {
                    byte[] expect = Files.readAllBytes(DIR.resolve("bad").resolve(name + ".expect"));
                    int newline = indexOf(expect, (byte) '\n');
                    int code = Integer.parseInt(new String(expect, 0, newline, StandardCharsets.US_ASCII));
                    byte[] stderr = java.util.Arrays.copyOfRange(expect, newline + 1, expect.length);
                    Path dir = Files.createDirectories(temp.resolve(name));
                    Path cdb = dir.resolve("test.cdb");
                    byte[] old = "the old database\n".getBytes(StandardCharsets.US_ASCII);
                    Files.write(cdb, old);
                    // the fixtures ran with relative names: test.cdb test.tmp
                    Oracle.Result r = InProcess.run(in, "cdbmake", cdb.toString(), dir.resolve("test.tmp").toString());
                    String ours = new String(r.stderr, StandardCharsets.ISO_8859_1).replace(dir + "/", "");
                    assertEquals(code, r.exitCode);
                    assertEquals(new String(stderr, StandardCharsets.ISO_8859_1), ours);
                    assertArrayEquals(old, Files.readAllBytes(cdb), "the old database is untouched");
                    assertFalse(Files.exists(dir.resolve("test.tmp")), "no temporary file is left behind");
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> cdbmake12AndSv() {
        return Stream.of(new String[] {"cdbmake-12", "sample.12"}, new String[] {"cdbmake-sv", "services.sv"})
                .map(c -> DynamicTest.dynamicTest(c[0], () -> {
                    Path scripts = DIR.resolve("scripts");
                    Path cdb = temp.resolve(c[1] + ".cdb");
                    Oracle.Result r = InProcess.run(scripts.resolve(c[1]), c[0], cdb.toString(),
                            temp.resolve(c[1] + ".tmp").toString());
                    assertEquals(0, r.exitCode, r.toString());
                    assertArrayEquals(Files.readAllBytes(scripts.resolve(c[1] + ".cdb")), Files.readAllBytes(cdb));
                    assertEquals(new Oracle.Result(0, Files.readAllBytes(scripts.resolve(c[1] + ".dump")), new byte[0]),
                            InProcess.run(cdb, "cdbdump"));
                }));
    }

    /** The key and skip columns of a .get or .cases line as cdbget arguments. */
    private static String[] getArguments(String keyHex, String skip) {
        String key = keyHex.equals("-") ? "" : new String(Hex.decode(keyHex), StandardCharsets.ISO_8859_1);
        return skip.equals("-") ? new String[] {key} : new String[] {key, skip.substring(1)};
    }

    /** Columns exit, stdout, stderr from index {@code at}. */
    private static void checkCase(Oracle.Result r, String[] f, int at) throws NoSuchAlgorithmException {
        assertEquals(Integer.parseInt(f[at]), r.exitCode, () -> "exit code; " + r);
        assertTrue(matches(f[at + 1], r.stdout), () -> "stdout " + f[at + 1] + " vs " + r);
        assertTrue(matches(f[at + 2], r.stderr), () -> "stderr " + f[at + 2] + " vs " + r);
    }

    private static boolean matches(String expected, byte[] actual) throws NoSuchAlgorithmException {
        if (expected.equals("-")) {
            return actual.length == 0;
        }
        if (expected.startsWith("sha256=")) {
            String[] parts = expected.substring(7).split(",len=");
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(actual);
            return parts[0].equals(Hex.encode(digest)) && Integer.parseInt(parts[1]) == actual.length;
        }
        return expected.equals(Hex.encode(actual));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
