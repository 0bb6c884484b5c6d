package org.cdbkit.cdb;

import org.cdbkit.testing.CdbmakeTextWriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cdbkit.cdb.CdbmakeFormatException.Problem;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Hex;
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
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        CdbmakeTextWriter writer = new CdbmakeTextWriter(dump);
        try (CdbReader reader = CdbReader.open(DIR.resolve(name + ".cdb"))) {
            for (CdbRecord r : reader.records()) {
                writer.write(r);
            }
        }
        writer.finish();
        byte[] expected = Files.readAllBytes(DIR.resolve(name + ".dump"));
        assertArrayEquals(expected, dump.toByteArray(),
                () -> name + ".dump: got " + Hex.preview(dump.toByteArray()) + ", want " + Hex.preview(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void cdbstatsFiguresMatch(String name) throws IOException {
        Map<String, Long> want = figures(DIR.resolve(name + ".stats"), "\\s+");
        assertEquals(12, want.size(), name + ".stats should have 12 lines: " + want);
        CdbStats stats = CdbStats.of(DIR.resolve(name + ".cdb"));
        assertEquals(want.get("records"), stats.records(), "records");
        for (int d = 0; d <= 9; d++) {
            assertEquals(want.get("d" + d), stats.distance(d), "d" + d);
        }
        assertEquals(want.get(">9"), stats.distance(10), ">9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void cdbtestFiguresMatch(String name) throws IOException {
        Map<String, Long> want = figures(DIR.resolve(name + ".cdbtest"), ":\\s*");
        assertEquals(5, want.size(), name + ".cdbtest should have 5 lines: " + want);
        CdbVerifier v = CdbVerifier.of(DIR.resolve(name + ".cdb"));
        assertEquals(want.get("found"), v.found(), "found");
        assertEquals(want.get("different record"), v.differentRecord(), "different record");
        assertEquals(want.get("bad length"), v.badLength(), "bad length");
        assertEquals(want.get("not found"), v.notFound(), "not found");
        assertEquals(want.get("untested"), v.untested(), "untested");
    }

    /** Lines of a label and a number, e.g. {@code d0              15} or {@code found: 2}. */
    private static Map<String, Long> figures(Path file, String separator) throws IOException {
        Map<String, Long> figures = new LinkedHashMap<>();
        Pattern line = Pattern.compile("(.+?)" + separator + "(\\d+)");
        for (String s : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            Matcher m = line.matcher(s);
            if (!m.matches()) {
                fail(file + ": unexpected line '" + s + "'");
            }
            figures.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return figures;
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
        String expect = Files.readString(DIR.resolve("bad").resolve(name + ".expect"), StandardCharsets.ISO_8859_1);
        int newline = expect.indexOf('\n');
        assertEquals("111", expect.substring(0, newline), name + ".expect exit code");
        String stderr = expect.substring(newline + 1);
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
        assertArrayEquals(Files.readAllBytes(DIR.resolve("scripts/sample.12.dump")), dump(target));
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
        assertArrayEquals(Files.readAllBytes(DIR.resolve("scripts/services.sv.dump")), dump(target));
    }

    private static byte[] dump(Path cdb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CdbmakeTextWriter writer = new CdbmakeTextWriter(out);
        try (CdbReader reader = CdbReader.open(cdb)) {
            for (CdbRecord r : reader.records()) {
                writer.write(r);
            }
        }
        writer.finish();
        return out.toByteArray();
    }

    /** The .get cases of the main fixtures: what cdbget prints for a key (and skip). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mainFixtures")
    void lookupsMatchCdbget(String name) throws IOException {
        Path get = DIR.resolve(name + ".get");
        int checked = 0;
        try (CdbReader reader = CdbReader.open(DIR.resolve(name + ".cdb"))) {
            for (String line : Files.readAllLines(get, StandardCharsets.ISO_8859_1)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                int exit = Integer.parseInt(f[2]);
                Long skip = skip(f[1]);
                if (f[0].equals("-") || skip == null || (exit == 100 && !f[4].equals("-"))) {
                    continue; // usage errors (empty key, malformed skip) are the command line's business
                }
                byte[] key = Hex.decode(f[0]);
                CdbReader.Finder finder = reader.find(key);
                boolean found = true;
                for (long i = 0; i <= skip && found; i++) {
                    found = finder.next();
                }
                if (exit == 0) {
                    assertTrue(found, name + ": " + line);
                    byte[] value = finder.valueBytes();
                    if (f[3].startsWith("sha256=")) {
                        assertTrue(f[3].endsWith(",len=" + value.length), name + ": " + line);
                    } else {
                        assertEquals(f[3].equals("-") ? "" : f[3], Hex.encode(value), name + ": " + line);
                    }
                } else {
                    assertEquals(100, exit, name + ": " + line);
                    assertFalse(found, name + ": " + line);
                }
                checked++;
            }
        }
        assertTrue(checked > 0, "no usable cases in " + get);
    }

    /** cdbget's skip argument as a number, or null when it is not plain digits within a long. */
    static Long skip(String field) {
        if (field.equals("-")) {
            return 0L;
        }
        String s = field.substring(1);
        if (s.isEmpty()) {
            return 0L;
        }
        if (!s.matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.parseLong(s);
    }
}
