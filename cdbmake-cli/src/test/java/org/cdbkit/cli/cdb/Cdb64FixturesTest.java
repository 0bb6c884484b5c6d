package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.cdbkit.testing.RecordCollector;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cdb64 tools against fixtures/cdb64, the cdb64 files a third-party cdb64 writer made (see
 * its README): cdb64make writes the same bytes, cdb64dump gives the input back, cdb64get finds
 * every record, and cdb64stats and cdb64test report what their cdb twins report of the same
 * records.
 */
class Cdb64FixturesTest {
    private static final Path DIR = Fixtures.dir("cdb64");
    private static final byte[] NOTHING = new byte[0];

    @TempDir
    Path temp;

    static List<String> cases() throws IOException {
        return Fixtures.names(DIR, ".in");
    }

    @Test
    void theSharedCasesAreAllHere() throws IOException {
        assertEquals(12, cases().size(), "cases: " + cases());
    }

    @TestFactory
    Stream<DynamicTest> cdb64makeWritesTheSameBytes() throws IOException {
        return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path cdb = temp.resolve(name + ".cdb64");
            Path tmp = temp.resolve(name + ".tmp");
            Oracle.Result r = InProcess.run(DIR.resolve(name + ".in"), "cdb64make", cdb.toString(), tmp.toString());
            assertEquals(new Oracle.Result(0, NOTHING, NOTHING), r);
            assertArrayEquals(Files.readAllBytes(DIR.resolve(name + ".cdb64")), Files.readAllBytes(cdb));
            assertFalse(Files.exists(tmp));
        }));
    }

    @TestFactory
    Stream<DynamicTest> cdb64dumpGivesTheInputBack() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : cases()) {
            Path cdb = DIR.resolve(name + ".cdb64");
            Oracle.Result input = new Oracle.Result(0, Files.readAllBytes(DIR.resolve(name + ".in")), NOTHING);
            tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(input, InProcess.run(cdb, "cdb64dump"))));
            tests.add(DynamicTest.dynamicTest(name + " from a pipe",
                    () -> assertEquals(input, InProcess.runPiped(cdb, "cdb64dump"))));
        }
        return tests.stream();
    }

    /** Every key's records, in order, through skip; one past the last is exit 100 with nothing printed. */
    @TestFactory
    Stream<DynamicTest> cdb64getFindsEveryRecord() throws IOException {
        return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path cdb = DIR.resolve(name + ".cdb64");
            Map<String, List<byte[]>> byKey = new LinkedHashMap<>();
            for (byte[][] r : RecordCollector.of(DIR.resolve(name + ".in"))) {
                byKey.computeIfAbsent(new String(r[0], StandardCharsets.ISO_8859_1), k -> new ArrayList<>()).add(r[1]);
            }
            int asked = 0;
            for (Map.Entry<String, List<byte[]>> e : byKey.entrySet()) {
                String key = e.getKey();
                if (key.isEmpty() || asked++ > 200) {
                    continue; // cdbget takes no empty key; 200 keys of the big case are plenty
                }
                List<byte[]> values = e.getValue();
                assertEquals(new Oracle.Result(0, values.get(0), NOTHING), InProcess.run(cdb, "cdb64get", key), key);
                for (int skip = 0; skip < values.size(); skip++) {
                    assertEquals(new Oracle.Result(0, values.get(skip), NOTHING),
                            InProcess.run(cdb, "cdb64get", key, Integer.toString(skip)), key + " " + skip);
                }
                assertEquals(new Oracle.Result(100, NOTHING, NOTHING),
                        InProcess.run(cdb, "cdb64get", key, Integer.toString(values.size())), key + " past the last");
            }
            assertEquals(new Oracle.Result(100, NOTHING, NOTHING), InProcess.run(cdb, "cdb64get", "no such key"));
        }));
    }

    /**
     * cdb64test's figures depend on the records alone, so they are cdbtest's on a cdb of the same
     * input; cdb64stats' count its records as cdbstats does, and spread the same number over its
     * distances (where they fall depends on the hash, which cdb64 keeps to 64 bits).
     */
    @TestFactory
    Stream<DynamicTest> cdb64statsAndCdb64testReportAsTheirTwins() throws IOException {
        return cases().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path cdb64 = DIR.resolve(name + ".cdb64");
            Path cdb = temp.resolve(name + ".cdb");
            assertEquals(0, InProcess.run(DIR.resolve(name + ".in"), "cdbmake", cdb.toString(),
                    temp.resolve(name + ".tmp").toString()).exitCode);

            Oracle.Result test = InProcess.run(cdb64, "cdb64test");
            assertEquals(InProcess.run(cdb, "cdbtest"), test);
            assertTrue(stdout(test).contains("\nbad length: 0\nnot found: 0\n"), stdout(test));

            Oracle.Result ours = InProcess.run(cdb64, "cdb64stats");
            Oracle.Result twin = InProcess.run(cdb, "cdbstats");
            assertEquals(0, ours.exitCode, ours.toString());
            assertEquals(0, ours.stderr.length, ours.toString());
            List<String[]> ourLines = statsLines(ours);
            List<String[]> twinLines = statsLines(twin);
            assertEquals(labels(twinLines), labels(ourLines), "the same table");
            assertEquals(twinLines.get(0)[1], ourLines.get(0)[1], "records");
            assertEquals(distances(twinLines), distances(ourLines), "records counted in the distances");
        }));
    }

    private static String stdout(Oracle.Result r) {
        return new String(r.stdout, StandardCharsets.ISO_8859_1);
    }

    /** cdbstats' lines as (label, figure). */
    private static List<String[]> statsLines(Oracle.Result r) {
        List<String[]> lines = new ArrayList<>();
        for (String line : stdout(r).split("\n")) {
            assertEquals(18, line.length(), "an 8-byte label and 10 columns: " + line);
            lines.add(new String[] {line.substring(0, 8), line.substring(8).trim()});
        }
        assertEquals(12, lines.size());
        return lines;
    }

    private static List<String> labels(List<String[]> lines) {
        return lines.stream().map(l -> l[0]).toList();
    }

    private static long distances(List<String[]> lines) {
        return lines.stream().skip(1).mapToLong(l -> Long.parseLong(l[1])).sum();
    }
}
