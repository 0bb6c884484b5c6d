package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cdbkit.cdb.CdbmakeFormatException.Problem;
import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Hex;
import org.cdbkit.testing.RecordCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The library against the outputs of the real tools in fixtures/cdb. */
class GoldenFixturesTest {
    private static final Path DIR = Fixtures.dir("cdb");

    @TempDir
    Path work;

    /** Every main fixture: NAME.in next to NAME.cdb. */
    static List<String> mainFixtures() throws IOException {
        List<String> names = new ArrayList<>(Fixtures.names(DIR, ".in"));
        names.removeIf(name -> !Files.exists(DIR.resolve(name + ".cdb")));
        return names;
    }

    static List<String> badInputs() throws IOException {
        return Fixtures.names(DIR.resolve("bad"), ".in");
    }

    @Test
    void theFixturesAreThere() throws IOException {
        List<String> names = mainFixtures();
        for (String expected : new String[] {"empty", "one", "example", "binary", "dups", "deep", "long", "many",
                "lenient"}) {
            assertTrue(names.contains(expected), "fixture " + expected + " missing from " + names);
        }
        assertTrue(badInputs().size() >= 40, "bad inputs: " + badInputs());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void cdbmakeWritesTheSameBytes(String name) throws IOException {
        Path target = work.resolve(name + ".cdb");
        long count;
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".in"));
                AtomicCdbFile out = AtomicCdbFile.create(target, work.resolve(name + ".tmp"))) {
            count = new CdbmakeTextReader(in).readAll(out.writer());
            assertEquals(count, out.writer().recordCount());
            out.commit();
        }
        byte[] expected = Files.readAllBytes(DIR.resolve(name + ".cdb"));
        byte[] actual = Files.readAllBytes(target);
        assertEquals(expected.length, actual.length, "size of " + name + ".cdb");
        assertArrayEquals(expected, actual, name + ".cdb");
        try (CdbReader reader = CdbReader.open(target)) {
            long n = 0;
            for (CdbRecord r : reader.records()) {
                n++;
            }
            assertEquals(count, n, "records read back");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void cdbdumpPrintsTheSameText(String name) throws IOException {
        byte[] dump = CdbmakeTextWriter.dump(DIR.resolve(name + ".cdb"));
        byte[] expected = Files.readAllBytes(DIR.resolve(name + ".dump"));
        assertArrayEquals(expected, dump, () -> name + ".dump: got " + Hex.preview(dump) + ", want " + Hex.preview(expected));
    }

    /** cdbdump's way, the records read in sequence with {@link CdbSequentialReader}, prints the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void theSequentialReaderPrintsTheSameText(String name) throws IOException {
        assertArrayEquals(Files.readAllBytes(DIR.resolve(name + ".dump")),
                CorruptDatabaseTest.sequentialDump(DIR.resolve(name + ".cdb")), name + ".dump");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void cdbstatsFiguresMatch(String name) throws IOException {
        Map<String, Long> want = FixtureFormats.figures(Files.readAllBytes(DIR.resolve(name + ".stats")));
        assertEquals(12, want.size(), name + ".stats should have 12 lines: " + want);
        assertStats(want, CdbStats.of(DIR.resolve(name + ".cdb")), name);
    }

    /** cdbstats' figures ({@link FixtureFormats#figures}) against the library's. */
    static void assertStats(Map<String, Long> want, CdbStats stats, String context) {
        assertEquals(want.get("records"), stats.records(), context + " records");
        for (int d = 0; d <= 9; d++) {
            assertEquals(want.get("d" + d), stats.distance(d), context + " d" + d);
        }
        assertEquals(want.get(">9"), stats.distance(10), context + " >9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void cdbtestFiguresMatch(String name) throws IOException {
        Map<String, Long> want = FixtureFormats.figures(Files.readAllBytes(DIR.resolve(name + ".cdbtest")));
        assertEquals(5, want.size(), name + ".cdbtest should have 5 lines: " + want);
        CdbVerifier v = CdbVerifier.of(DIR.resolve(name + ".cdb"));
        assertEquals(want.get("found"), v.found(), "found");
        assertEquals(want.get("different record"), v.differentRecord(), "different record");
        assertEquals(want.get("bad length"), v.badLength(), "bad length");
        assertEquals(want.get("not found"), v.notFound(), "not found");
        assertEquals(want.get("untested"), v.untested(), "untested");
    }

    /** freecdb's words for each problem (cdbmake's "unexpected end if input" is sic). */
    private static final Map<String, Problem> MESSAGES = Map.of(
            "unexpected end if input", Problem.END_OF_INPUT,
            "entry must start with +", Problem.MISSING_PLUS,
            "bad keylen format", Problem.BAD_KEY_LENGTH,
            "bad datalen format", Problem.BAD_DATA_LENGTH,
            "key must be followed by ->", Problem.MISSING_ARROW,
            "newline expected", Problem.MISSING_NEWLINE);

    private static final Pattern READ_ERROR =
            Pattern.compile("cdbmake: fatal: unable to read input: entry (\\d+): (.*)\n");
    private static final Pattern OUT_OF_MEMORY =
            Pattern.compile("cdbmake: fatal: unable to create test\\.tmp: out of memory\n");

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void malformedInputIsRefusedAsCdbmakeDoes(String name) throws IOException {
        FixtureFormats.Expect expect = FixtureFormats.expect(DIR.resolve("bad").resolve(name + ".expect"));
        assertEquals(111, expect.exit(), name + ".expect exit code");
        String stderr = expect.stderrText();
        byte[] input = Files.readAllBytes(DIR.resolve("bad").resolve(name + ".in"));

        List<byte[][]> records = new ArrayList<>();
        CdbmakeFormatException e = assertThrows(CdbmakeFormatException.class,
                () -> new CdbmakeTextReader(new java.io.ByteArrayInputStream(input)).readAll(new RecordCollector(records)));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().startsWith("entry " + e.entry() + ", line " + e.line() + ", byte " + e.offset()),
                e.getMessage());
        assertTrue(e.offset() >= 0 && e.offset() <= input.length, "offset " + e.offset() + " outside the input");

        Matcher read = READ_ERROR.matcher(stderr);
        if (read.matches()) {
            Problem want = MESSAGES.get(read.group(2));
            assertNotNull(want, "unknown cdbmake message in " + name + ".expect: " + read.group(2));
            assertEquals(want, e.problem(), name + ": " + e.getMessage());
            assertEquals(Long.parseLong(read.group(1)), e.entry(), name + ": entry number");
        } else if (OUT_OF_MEMORY.matcher(stderr).matches()) {
            assertEquals(Problem.LENGTH_TOO_LARGE, e.problem(), name + ": " + e.getMessage());
            // no entry number in cdbmake's message; it is the record being parsed
            assertEquals(records.size() + 1, e.entry(), name + ": entry number");
        } else {
            fail(name + ".expect: unexpected message " + stderr);
        }
        // entries before the bad one were complete
        assertEquals(e.entry() - 1, records.size(), name + ": records handed over before the error");
    }

    /** Through the writer, bad input leaves an existing database alone and no temporary file. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void malformedInputLeavesTheOldDatabase(String name) throws IOException {
        Path target = work.resolve("test.cdb");
        Path tmp = work.resolve("test.tmp");
        byte[] old = Files.readAllBytes(DIR.resolve("example.cdb"));
        Files.write(target, old);
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = Files.newInputStream(DIR.resolve("bad").resolve(name + ".in"));
                    AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
                new CdbmakeTextReader(in).readAll(out.writer());
                out.commit();
            }
        });
        byte[] input = Files.readAllBytes(DIR.resolve("bad").resolve(name + ".in"));
        CdbmakeFormatException parse = assertThrows(CdbmakeFormatException.class,
                () -> new CdbmakeTextReader(new java.io.ByteArrayInputStream(input)).readAll(new RecordCollector(new ArrayList<>())));
        if (e instanceof CdbTooLargeException) {
            // the writer refuses a record whose declared lengths cannot fit before its bytes are
            // read; cdbmake streams them and runs out of input first (SPEC 3.3: +4294967209,0:)
            assertEquals(Problem.END_OF_INPUT, parse.problem(), name + ": " + e.getMessage());
        } else {
            assertTrue(e instanceof CdbmakeFormatException, name + ": " + e);
            assertEquals(parse.problem(), ((CdbmakeFormatException) e).problem(), name);
            assertEquals(parse.entry(), ((CdbmakeFormatException) e).entry(), name);
            assertEquals(parse.offset(), ((CdbmakeFormatException) e).offset(), name);
        }
        assertArrayEquals(old, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void cdbmake12MakesTheSameDatabase() throws IOException {
        Path target = work.resolve("sample.12.cdb");
        try (InputStream in = Files.newInputStream(DIR.resolve("scripts/sample.12"));
                AtomicCdbFile out = AtomicCdbFile.create(target, work.resolve("sample.12.tmp"))) {
            long n = Cdbmake12Format.readAll(in, out.writer());
            assertEquals(n, out.writer().recordCount());
            assertTrue(n > 0);
            out.commit();
        }
        assertArrayEquals(Files.readAllBytes(DIR.resolve("scripts/sample.12.cdb")), Files.readAllBytes(target));
        assertArrayEquals(Files.readAllBytes(DIR.resolve("scripts/sample.12.dump")), CdbmakeTextWriter.dump(target));
    }

    @Test
    void cdbmakeSvMakesTheSameDatabase() throws IOException {
        Path target = work.resolve("services.sv.cdb");
        try (InputStream in = Files.newInputStream(DIR.resolve("scripts/services.sv"));
                AtomicCdbFile out = AtomicCdbFile.create(target, work.resolve("services.sv.tmp"))) {
            long n = ServicesFormat.readAll(in, out.writer());
            assertEquals(n, out.writer().recordCount());
            assertTrue(n > 0);
            out.commit();
        }
        assertArrayEquals(Files.readAllBytes(DIR.resolve("scripts/services.sv.cdb")), Files.readAllBytes(target));
        assertArrayEquals(Files.readAllBytes(DIR.resolve("scripts/services.sv.dump")), CdbmakeTextWriter.dump(target));
    }

    /** The .get cases of the main fixtures: what cdbget prints for a key (and skip). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void lookupsMatchCdbget(String name) throws IOException {
        Path get = DIR.resolve(name + ".get");
        int checked = 0;
        try (CdbReader reader = CdbReader.open(DIR.resolve(name + ".cdb"))) {
            for (FixtureFormats.Run run : FixtureFormats.gets(get)) {
                Long skip = run.skipCount();
                if (run.keyHex().equals("-") || skip == null || (run.exit() == 100 && !run.stderr().equals("-"))) {
                    continue; // usage errors (empty key, malformed skip) are the command line's business
                }
                CdbReader.Finder finder = reader.find(run.key());
                boolean found = true;
                for (long i = 0; i <= skip && found; i++) {
                    found = finder.next();
                }
                if (run.exit() == 0) {
                    assertTrue(found, name + ": " + run.line());
                    // cdbget prints the value as it is: the whole of it, digest and all
                    assertEquals(run.stdout(), FixtureFormats.output(finder.valueBytes()), name + ": " + run.line());
                } else {
                    assertEquals(100, run.exit(), name + ": " + run.line());
                    assertFalse(found, name + ": " + run.line());
                }
                checked++;
            }
        }
        assertTrue(checked > 0, "no usable cases in " + get);
    }
}
