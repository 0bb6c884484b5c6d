package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
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
            for (FixtureFormats.Run run : FixtureFormats.gets(DIR.resolve(name + ".get"))) {
                tests.add(DynamicTest.dynamicTest(name + " " + run.shortLine(60), () -> check(cdb, run)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> damagedDatabases() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Path corrupt = DIR.resolve("corrupt");
        for (String name : Fixtures.names(corrupt, ".cases")) {
            Path cdb = corrupt.resolve(name + ".cdb");
            for (FixtureFormats.Run run : FixtureFormats.cases(corrupt.resolve(name + ".cases"))) {
                tests.add(DynamicTest.dynamicTest(name + " " + run.shortLine(40), () -> check(cdb, run)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> malformedInputKeepsTheOldDatabase() throws IOException {
        Path bad = DIR.resolve("bad");
        return Fixtures.names(bad, ".in").stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            FixtureFormats.Expect expect = FixtureFormats.expect(bad.resolve(name + ".expect"));
            Path dir = Files.createDirectories(temp.resolve(name));
            Path cdb = dir.resolve("test.cdb");
            byte[] old = "the old database\n".getBytes(StandardCharsets.US_ASCII);
            Files.write(cdb, old);
            // the fixtures ran with relative names: test.cdb test.tmp
            Oracle.Result r = InProcess.run(bad.resolve(name + ".in"), "cdbmake", cdb.toString(),
                    dir.resolve("test.tmp").toString());
            String ours = new String(r.stderr, StandardCharsets.ISO_8859_1).replace(dir + "/", "");
            assertEquals(expect.exit(), r.exitCode);
            assertEquals(expect.stderrText(), ours);
            assertArrayEquals(old, Files.readAllBytes(cdb), "the old database is untouched");
            assertFalse(Files.exists(dir.resolve("test.tmp")), "no temporary file is left behind");
        }));
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

    /** The tool run on {@code cdb} as the line says: the same exit code, stdout and stderr. */
    private static void check(Path cdb, FixtureFormats.Run run) throws Exception {
        Oracle.Result r = InProcess.run(cdb, run.tool(), run.arguments());
        assertEquals(run.exit(), r.exitCode, () -> "exit code; " + r);
        assertEquals(run.stdout(), FixtureFormats.output(r.stdout), () -> "stdout; " + r);
        assertEquals(run.stderr(), FixtureFormats.output(r.stderr), () -> "stderr; " + r);
    }
}
