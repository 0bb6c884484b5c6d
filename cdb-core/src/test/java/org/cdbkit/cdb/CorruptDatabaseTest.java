package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;


import org.cdbkit.cdb.CdbFormatException.Kind;
import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.FixtureFormats;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged, truncated and hostile databases: every operation either works or fails with a
 * {@link CdbFormatException} (a {@link CorruptCdbException} from an iterator) whose message says
 * what is wrong and where; never another exception, never a hang.
 */
class CorruptDatabaseTest {
    private static final Path CORRUPT = Fixtures.dir("cdb").resolve("corrupt");
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    // ------------------------------------------------------------------ the small valid database

    private static final byte[] LONG_KEY = "a key of forty bytes, longer than 32....".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HUGE_KEY = filled(1025, 'h');

    /** Keys looked up in every damaged file: present ones, then absent ones. */
    static final byte[][] KEYS = {
        bytes("one"), bytes("mid"), bytes("last"), new byte[0], LONG_KEY, HUGE_KEY,
        bytes("nokey"), bytes("x"), "a key of forty bytes, longer than 32...!".getBytes(StandardCharsets.US_ASCII),
    };

    private static byte[] baseDatabase;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    /** 8 records: duplicates, an empty key and value, a key over 32 bytes and one over 1024. */
    static synchronized byte[] baseDatabase() throws IOException {
        if (baseDatabase == null) {
            Path tmp = Files.createTempDirectory("cdbkit-corrupt");
            try {
                Path file = tmp.resolve("base.cdb");
                try (AtomicCdbFile out = AtomicCdbFile.create(file, tmp.resolve("base.tmp"))) {
                    CdbWriter w = out.writer();
                    w.add(bytes("one"), bytes("Hello"));
                    w.add(bytes("mid"), bytes("abc"));
                    w.add(bytes("one"), bytes("Goodbye"));
                    w.add(bytes("last"), bytes("end"));
                    w.add(new byte[0], new byte[0]);
                    w.add(LONG_KEY, filled(100, 'v'));
                    w.add(HUGE_KEY, bytes("huge"));
                    w.add(bytes("one"), new byte[0]);
                    out.commit();
                }
                baseDatabase = Files.readAllBytes(file);
            } finally {
                TestFiles.deleteTree(tmp);
            }
        }
        return baseDatabase;
    }

    // ------------------------------------------------------------------ exercising a file

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    /** Runs {@code op}; a CdbFormatException (or CorruptCdbException where allowed) is fine. */
    private static void attempt(String what, String op, boolean iterator, Op body) {
        try {
            body.run();
        } catch (CdbFormatException e) {
            checkMessage(what, op, e);
        } catch (CorruptCdbException e) {
            if (!iterator) {
                throw new AssertionError(what + ": " + op + " threw " + e + " outside an iterator", e);
            }
            assertNotNull(e.getCause(), what + ": " + op);
            checkMessage(what, op, e.getCause());
            assertEquals(e.getCause().getMessage(), e.getMessage());
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + op + " threw " + t, t);
        }
    }

    /** The message names a position or a length: it has a number in it, and words around it. */
    private static void checkMessage(String what, String op, CdbFormatException e) {
        String m = e.getMessage();
        assertNotNull(m, what + ": " + op + ": no message");
        assertNotNull(e.kind());
        assertTrue(m.length() >= 20 && m.matches("(?s).*[a-z]{4,}.*") && m.matches("(?s).*\\d.*"),
                what + ": " + op + ": message not specific: " + m);
    }

    private static void consume(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        while (d.hasRemaining()) {
            d.get();
        }
    }

    /** Every way into the file, each allowed to fail only with a CdbFormatException. */
    static void exercise(Path file, String what) {
        exercise(file, what, List.of(KEYS));
    }

    /** As {@link #exercise(Path, String)}, looking up {@code keys}. */
    static void exercise(Path file, String what, List<byte[]> keys) {
        assertTimeoutPreemptively(PATIENCE, () -> exerciseNow(file, what, keys), () -> what + ": did not finish in time");
    }

    private static void exerciseNow(Path file, String what, List<byte[]> keys) throws IOException {
        long length = Files.size(file);
        try (CdbReader reader = CdbReader.openUnchecked(MappedInput.map(file))) {
            for (byte[] key : keys) {
                String k = "key " + Hex.preview(key);
                attempt(what, "get " + k, false, () -> {
                    ByteBuffer v = reader.get(key);
                    if (v != null) {
                        consume(v);
                    }
                });
                attempt(what, "getBytes " + k, false, () -> reader.getBytes(key));
                attempt(what, "getAll " + k, false, () -> reader.getAll(key).forEach(CorruptDatabaseTest::consume));
                attempt(what, "find " + k, false, () -> {
                    CdbReader.Finder f = reader.find(key);
                    long previousProbes = 0;
                    while (f.next()) {
                        assertTrue(f.probes() > previousProbes, "next() must probe at least one slot");
                        previousProbes = f.probes();
                        assertTrue(f.valuePosition() + f.valueLength() >= 0);
                        attempt(what, "value " + k, false, () -> consume(f.value()));
                        attempt(what, "valueBytes " + k, false, f::valueBytes);
                    }
                    assertFalse(f.next(), "a finished lookup stays finished");
                });
            }
            attempt(what, "getBatch", false, () -> {
                byte[][] all = keys.toArray(new byte[0][]);
                long[] positions = new long[all.length];
                long[] lengths = new long[all.length];
                reader.getBatch(all, 0, all.length, positions, lengths, reader.finder());
                // each as a lookup of its own finds it (the batch threw if one of them throws)
                for (int i = 0; i < all.length; i++) {
                    CdbReader.Finder f = reader.find(all[i]);
                    boolean found = f.next();
                    assertEquals(found ? f.valuePosition() : -1, positions[i], what + ": getBatch position of key " + i);
                    assertEquals(found ? f.valueLength() : 0, lengths[i], what + ": getBatch length of key " + i);
                }
            });
            attempt(what, "recordsEnd", false, reader::recordsEnd);
            attempt(what, "records", true, () -> {
                for (CdbRecord r : reader.records()) {
                    r.keyBytes();
                    r.valueBytes();
                    consume(r.key());
                    consume(r.value());
                    assertEquals(r.end(), r.valuePosition() + r.valueLength());
                }
            });
            attempt(what, "forEachRecord", false, () -> reader.forEachRecord(CdbRecord::valueBytes));
            attempt(what, "stats (unchecked reader)", false, () -> {
                try (InputStream in = Files.newInputStream(file)) {
                    CdbStats.of(in, reader);
                }
            });
            attempt(what, "verifier (unchecked reader)", false, () -> {
                try (InputStream in = Files.newInputStream(file)) {
                    CdbVerifier.of(in, reader);
                }
            });
        }
        attempt(what, "open", false, () -> {
            try (CdbReader strict = CdbReader.open(file)) {
                assertTrue(length >= 2048, "strict open accepted a file of " + length + " bytes");
            }
        });
        attempt(what, "CdbStats.of", false, () -> CdbStats.of(file));
        attempt(what, "CdbVerifier.of", false, () -> CdbVerifier.of(file));
        attempt(what, "sequential dump", false, () -> sequentialDump(file));
    }

    /** cdbdump's algorithm on CdbSequentialReader, copying in pieces (lengths may be huge). */
    static byte[] sequentialDump(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] piece = new byte[1024];
        try (InputStream in = Files.newInputStream(file)) {
            CdbSequentialReader scan = new CdbSequentialReader(in);
            scan.readHeader();
            while (scan.hasNextRecord()) {
                scan.readRecordHeader();
                out.write(bytes("+" + scan.keyLength() + "," + scan.valueLength() + ":"));
                copy(scan, scan.keyLength(), piece, out);
                out.write(bytes("->"));
                copy(scan, scan.valueLength(), piece, out);
                out.write('\n');
                if (out.size() > 50_000_000) {
                    fail("dump output too large");
                }
            }
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void copy(CdbSequentialReader scan, long length, byte[] piece, ByteArrayOutputStream out)
            throws IOException {
        while (length > 0) {
            int n = (int) Math.min(piece.length, length);
            scan.readFully(piece, 0, n);
            out.write(piece, 0, n);
            length -= n;
        }
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    // ------------------------------------------------------------------ the corrupt fixtures

    static List<String> corruptFixtures() throws IOException {
        return Fixtures.names(CORRUPT, ".cdb");
    }

    @Test
    void thereAreCorruptFixtures() throws IOException {
        assertTrue(corruptFixtures().size() >= 20, corruptFixtures().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFixtures")
    void corruptFixturesFailCleanly(String name) {
        exercise(CORRUPT.resolve(name + ".cdb"), "corrupt/" + name + ".cdb");
    }

    /** Where the real tools found, missed or failed, the library does the same. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptFixtures")
    void corruptFixturesAgreeWithTheRealTools(String name) throws Exception {
        Path file = CORRUPT.resolve(name + ".cdb");
        int checked = 0;
        for (FixtureFormats.Run run : FixtureFormats.cases(CORRUPT.resolve(name + ".cases"))) {
            int exit = run.exit();
            String stdout = run.stdout();
            String stderr = run.stderrText();
            String context = name + ": " + run.tool() + " " + run.keyHex() + " " + run.skip() + " -> exit " + exit
                    + " " + stderr.trim();
            switch (run.tool()) {
                case "cdbget" -> checkGet(file, run.key(), run.skipCount(), exit, stdout, stderr, context);
                case "cdbstats" -> checkStats(file, exit, stdout, stderr, context);
                case "cdbdump" -> checkDump(file, exit, stdout, stderr, context);
                default -> fail("unknown tool in " + run.line());
            }
            checked++;
        }
        assertTrue(checked >= 3, name + ".cases has too few cases");
    }

    private static void checkGet(Path file, byte[] key, long skip, int exit, String stdout, String stderr,
            String context) throws Exception {
        assertTimeoutPreemptively(PATIENCE, () -> {
            try (CdbReader reader = CdbReader.openUnchecked(MappedInput.map(file))) {
                CdbReader.Finder finder = reader.find(key);
                byte[] value = null;
                CdbFormatException failure = null;
                try {
                    boolean found = true;
                    for (long i = 0; i <= skip && found; i++) {
                        found = finder.next();
                    }
                    if (found) {
                        value = finder.valueBytes();
                    }
                } catch (CdbFormatException e) {
                    failure = e;
                }
                switch (exit) {
                    case 0 -> {
                        assertNull(failure, context);
                        assertNotNull(value, context + ": not found");
                        assertEquals(stdout, FixtureFormats.output(value), context);
                    }
                    case 100 -> {
                        assertNull(failure, context);
                        assertNull(value, context + ": found");
                    }
                    case 111 -> {
                        assertNotNull(failure, context + ": no failure, value "
                                + (value == null ? "absent" : FixtureFormats.output(value)));
                        assertTrue(stderr.contains("protocol error"), context);
                        assertEquals(Kind.OUT_OF_RANGE, failure.kind(), context);
                    }
                    default -> fail(context);
                }
            }
        });
    }

    private static void checkStats(Path file, int exit, String stdout, String stderr, String context) throws Exception {
        assertTimeoutPreemptively(PATIENCE, () -> {
            CdbStats stats = null;
            CdbFormatException failure = null;
            try (CdbReader reader = CdbReader.openUnchecked(MappedInput.map(file));
                    InputStream in = Files.newInputStream(file)) {
                stats = CdbStats.of(in, reader);
            } catch (CdbFormatException e) {
                failure = e;
            }
            if (exit == 0) {
                assertNull(failure, context);
                GoldenFixturesTest.assertStats(FixtureFormats.figures(Hex.decode(stdout)), stats, context);
                CdbStats strict = CdbStats.of(file);
                assertEquals(stats.records(), strict.records(), context);
            } else {
                assertEquals(111, exit, context);
                assertNotNull(failure, context);
                if (stderr.contains("protocol error")) {
                    assertEquals(Kind.OUT_OF_RANGE, failure.kind(), context + ": " + failure.getMessage());
                } else {
                    assertTrue(stderr.contains("truncated file"), context);
                    assertTrue(failure.kind() == Kind.TRUNCATED || failure.kind() == Kind.NOT_INDEXED,
                            context + ": " + failure.kind() + " " + failure.getMessage());
                }
                assertThrows(CdbFormatException.class, () -> CdbStats.of(file), context);
            }
        });
    }

    private static void checkDump(Path file, int exit, String stdout, String stderr, String context) throws Exception {
        assertTimeoutPreemptively(PATIENCE, () -> {
            if (exit == 0) {
                assertEquals(stdout, FixtureFormats.output(sequentialDump(file)), context);
            } else {
                assertEquals(111, exit, context);
                assertTrue(stderr.contains("truncated file"), context);
                CdbFormatException e = assertThrows(CdbFormatException.class, () -> sequentialDump(file), context);
                assertEquals(Kind.TRUNCATED, e.kind(), context);
                assertTrue(e.getMessage().startsWith("truncated file: the input ends at byte "), e.getMessage());
            }
        });
    }

    // ------------------------------------------------------------------ truncations

    @Test
    void everyTruncationOfASmallDatabaseFailsCleanly() throws IOException {
        byte[] base = baseDatabase();
        assertTrue(base.length > 3000 && base.length < 4000, "base database of " + base.length + " bytes");
        // the whole database works
        Path whole = write("whole.cdb", base);
        try (CdbReader reader = CdbReader.open(whole)) {
            assertEquals(List.of("Hello", "Goodbye", ""),
                    reader.getAll(bytes("one")).stream().map(b -> new String(RoundTripProperties.bytes(b),
                            StandardCharsets.ISO_8859_1)).toList());
            assertArrayEquals(bytes("huge"), reader.getBytes(HUGE_KEY));
        }
        CdbVerifier v = CdbVerifier.of(whole);
        assertEquals(5, v.found());
        assertEquals(2, v.differentRecord());
        assertEquals(1, v.untested());
        for (int length = 0; length < base.length; length++) {
            Path cut = write("cut-" + length + ".cdb", Arrays.copyOf(base, length));
            exercise(cut, "base database cut to " + length + " bytes");
            Files.delete(cut);
        }
    }

    @Test
    void aDatabaseCutBeforeTheEndOfItsRecordsFailsStatsAndVerifier() throws IOException {
        byte[] base = baseDatabase();
        int recordsEnd = ByteBuffer.wrap(base).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        for (int length = 0; length < recordsEnd; length += 7) {
            Path cut = write("t" + length + ".cdb", Arrays.copyOf(base, length));
            assertThrows(CdbFormatException.class, () -> CdbStats.of(cut), "cut to " + length);
            assertThrows(CdbFormatException.class, () -> CdbVerifier.of(cut), "cut to " + length);
            Files.delete(cut);
        }
    }

    @Test
    void strictOpenRefusesFilesShorterThanTheHeader() throws IOException {
        for (int length : new int[] {0, 1, 100, 2040, 2047}) {
            Path file = write("short-" + length + ".cdb", Arrays.copyOf(baseDatabase(), length));
            CdbFormatException e = assertThrows(CdbFormatException.class, () -> CdbReader.open(file));
            assertTrue(e.getMessage().contains(length + " bytes") && e.getMessage().contains("2048"), e.getMessage());
            try (MappedInput in = MappedInput.map(file)) {
                assertThrows(CdbFormatException.class, () -> CdbReader.open(in));
            }
            assertThrows(CdbFormatException.class, () -> CdbStats.of(file));
            assertThrows(CdbFormatException.class, () -> CdbVerifier.of(file));
        }
        // exactly a header is enough to open
        Path header = write("header.cdb", Arrays.copyOf(baseDatabase(), 2048));
        try (CdbReader reader = CdbReader.open(header)) {
            assertEquals(2048, reader.input().length());
        }
        // unchecked, a short file answers "absent" where its header entry says the table is empty
        byte[] zeros = new byte[1024];
        Path half = write("half.cdb", zeros);
        try (CdbReader reader = CdbReader.openUnchecked(MappedInput.map(half))) {
            byte[] key = keyInTable(5, 0);
            assertNull(reader.get(key));
            byte[] far = keyInTable(200, 0);
            CdbFormatException e = assertThrows(CdbFormatException.class, () -> reader.get(far));
            assertTrue(e.getMessage().contains("header entry of hash table 200"), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ hostile files, by hand

    /** A key whose hash falls in table {@code table}, and differs from others by {@code n}. */
    private static byte[] keyInTable(int table, int n) {
        for (int i = 0; ; i++) {
            byte[] key = bytes("k" + n + "-" + i);
            if ((CdbHash.hash(key) & 0xff) == table) {
                return key;
            }
        }
    }

    /** A database image: header entries all (at, 0), then whatever is put in. */
    private static final class Image {
        final ByteBuffer b;

        Image(int size, long emptyTablesAt) {
            b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            for (int t = 0; t < 256; t++) {
                put(t * 8, emptyTablesAt);
                put(t * 8 + 4, 0);
            }
        }

        Image put(int position, long value) {
            b.putInt(position, (int) value);
            return this;
        }

        Image table(int table, long position, long slots) {
            return put(table * 8, position).put(table * 8 + 4, slots);
        }

        Image slot(int position, long hash, long recordPosition) {
            return put(position, hash).put(position + 4, recordPosition);
        }

        /** A record; returns where it ends. */
        int record(int position, byte[] key, byte[] value) {
            put(position, key.length).put(position + 4, value.length);
            b.put(position + 8, key);
            b.put(position + 8 + key.length, value);
            return position + 8 + key.length + value.length;
        }

        byte[] bytes() {
            return b.array();
        }
    }

    private static long hash(byte[] key) {
        return CdbHash.hash(key) & 0xFFFFFFFFL;
    }

    /** Where a lookup of {@code key} starts in a table of {@code slots} slots at {@code tablePosition}. */
    private static int firstSlot(byte[] key, int tablePosition, long slots) {
        return (int) (tablePosition + ((hash(key) >>> 8) % slots) * 8);
    }

    private static int table(byte[] key) {
        return CdbHash.hash(key) & 0xff;
    }

    private CdbReader openHostile(String name, byte[] image) throws IOException {
        Path file = write(name, image);
        exercise(file, name);
        return CdbReader.openUnchecked(MappedInput.map(file));
    }

    @Test
    void everySlotOccupiedByOtherHashesEndsNotFound() throws IOException {
        byte[] key = bytes("key");
        int slots = 64;
        int tablePosition = 2064;
        Image image = new Image(tablePosition + slots * 8, 2062);
        image.record(2048, bytes("other"), bytes("x"));
        image.table(table(key), tablePosition, slots);
        for (int i = 0; i < slots; i++) {
            image.slot(tablePosition + 8 * i, hash(key) ^ 0x100, 2048); // same table, another hash
        }
        try (CdbReader reader = openHostile("full-table.cdb", image.bytes())) {
            assertTimeoutPreemptively(PATIENCE, () -> {
                assertNull(reader.get(key));
                assertTrue(reader.getAll(key).isEmpty());
                CdbReader.Finder f = reader.find(key);
                assertFalse(f.next());
                assertEquals(slots, f.probes(), "every slot probed exactly once");
                assertFalse(f.next());
                assertEquals(slots, f.probes());
            });
        }
    }

    @Test
    void everySlotClaimingTheHashOfAnotherKeyEndsNotFound() throws IOException {
        byte[] key = bytes("key");
        int slots = 50;
        int tablePosition = 2064;
        Image image = new Image(tablePosition + slots * 8, 2060);
        image.record(2048, bytes("kez"), bytes("x")); // same length, different key
        image.table(table(key), tablePosition, slots);
        for (int i = 0; i < slots; i++) {
            image.slot(tablePosition + 8 * i, hash(key), 2048);
        }
        try (CdbReader reader = openHostile("lying-slots.cdb", image.bytes())) {
            assertTimeoutPreemptively(PATIENCE, () -> {
                CdbReader.Finder f = reader.find(key);
                assertFalse(f.next());
                assertEquals(slots, f.probes());
                assertNull(reader.get(key));
            });
            // the record itself is fine, but its key does not lead to it
            CdbFormatException e;
            try (InputStream in = Files.newInputStream(dir.resolve("lying-slots.cdb"))) {
                e = assertThrows(CdbFormatException.class, () -> CdbStats.of(in, reader));
            }
            assertEquals(Kind.NOT_INDEXED, e.kind());
            assertTrue(e.getMessage().contains("record at 2048"), e.getMessage());
            CdbVerifier v = CdbVerifier.of(dir.resolve("lying-slots.cdb"));
            assertEquals(1, v.notFound());
        }
    }

    /**
     * A table whose end wraps past 2^32 back to just after its own start: {@code hslots}
     * is 0xE0000016, so {@code hpos + (hslots << 3)} is {@code hpos + 176} in 32 bits and the
     * walk cycles over 22 slots. cdb would loop 3.7 billion times; a lookup here must end
     * after visiting each slot once.
     */
    @Test
    void aTableThatWrapsIntoACycleEndsAfterOneRound() throws IOException {
        byte[] empty = new byte[0];
        assertEquals(5381, CdbHash.hash(empty));
        int slots = 22; // the empty key's first slot is (5381 >>> 8) % hslots = 21: the last of them
        long hslots = 0xE0000000L + slots;
        int recordsEnd = 2048 + 8 + 2;
        int tablePosition = 2064;
        Image image = new Image(tablePosition + slots * 8, recordsEnd);
        image.record(2048, empty, bytes("v!"));
        image.table(table(empty), tablePosition, hslots);
        for (int i = 0; i < slots; i++) {
            image.slot(tablePosition + 8 * i, hash(empty) + 1 + i, 2048); // other hashes
        }
        try (CdbReader reader = openHostile("cycle-miss.cdb", image.bytes())) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                CdbReader.Finder f = reader.find(empty);
                assertFalse(f.next());
                assertEquals(slots, f.probes());
                assertNull(reader.get(empty));
                assertTrue(reader.getAll(empty).isEmpty());
            });
        }
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            CdbVerifier v = CdbVerifier.of(dir.resolve("cycle-miss.cdb"));
            assertEquals(1, v.notFound());
            assertThrows(CdbFormatException.class, () -> CdbStats.of(dir.resolve("cycle-miss.cdb")));
        });

        // the same cycle, every slot leading to the record: each slot is one match, no more
        for (int i = 0; i < slots; i++) {
            image.slot(tablePosition + 8 * i, hash(empty), 2048);
        }
        try (CdbReader reader = openHostile("cycle-hit.cdb", image.bytes())) {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertArrayEquals(bytes("v!"), reader.getBytes(empty));
                List<ByteBuffer> all = reader.getAll(empty);
                assertEquals(slots, all.size());
                for (ByteBuffer b : all) {
                    assertArrayEquals(bytes("v!"), RoundTripProperties.bytes(b));
                }
            });
        }
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            CdbStats stats = CdbStats.of(dir.resolve("cycle-hit.cdb"));
            assertEquals(1, stats.records());
            assertEquals(1, stats.distance(0));
            assertEquals(1, CdbVerifier.of(dir.resolve("cycle-hit.cdb")).found());
        });
    }

    @Test
    void hslotsOfFFFFFFFFRunsOffTheFileWithAPreciseError() throws IOException {
        byte[] empty = new byte[0];
        int tablePosition = 2064;
        int size = tablePosition + 40 * 8;
        Image image = new Image(size, 2058);
        image.record(2048, empty, bytes("v!"));
        image.table(table(empty), tablePosition, 0xFFFFFFFFL);
        for (int p = tablePosition; p < size; p += 8) {
            image.slot(p, hash(empty) ^ 0x1000, 2048); // occupied, never the key
        }
        byte[] other = bytes("one");
        image.table(table(other), tablePosition, 0xFFFFFFFFL);
        try (CdbReader reader = openHostile("hslots-max.cdb", image.bytes())) {
            assertTimeoutPreemptively(PATIENCE, () -> {
                // the empty key starts at slot 21 and walks on to the end of the file; the error names the slot
                CdbFormatException e = assertThrows(CdbFormatException.class, () -> reader.get(empty));
                assertTrue(e.getMessage().startsWith("hash slot at " + size + " lies past the end of the file ("
                        + size + " bytes)"), e.getMessage());
                assertEquals(Kind.OUT_OF_RANGE, e.kind());
                // "one" starts far outside the file
                long start = (tablePosition + ((hash(other) >>> 8) % 0xFFFFFFFFL) * 8) & 0xFFFFFFFFL;
                CdbFormatException e2 = assertThrows(CdbFormatException.class, () -> reader.get(other));
                assertTrue(e2.getMessage().contains("hash slot at " + start), e2.getMessage());
            });
        }
    }

    @Test
    void slotsPointingOutsideTheFile() throws IOException {
        byte[] key = bytes("one");
        int tablePosition = 2064;
        for (long pointer : new long[] {0x7FFFFFF0L, 0xFFFFFFFCL, 0xFFFFFFFFL, 2064 + 16 - 4, 2064 + 16}) {
            Image image = new Image(tablePosition + 16, 2064);
            image.record(2048, key, bytes("Hello"));
            image.table(table(key), tablePosition, 2);
            image.slot(tablePosition, hash(key), pointer);
            image.slot(tablePosition + 8, hash(key), pointer);
            try (CdbReader reader = openHostile("slot-" + pointer + ".cdb", image.bytes())) {
                CdbFormatException e = assertThrows(CdbFormatException.class, () -> reader.get(key));
                assertTrue(e.getMessage().startsWith("record header at "), e.getMessage());
                assertTrue(e.getMessage().contains("lies past the end of the file (" + (tablePosition + 16) + " bytes)"),
                        e.getMessage());
            }
        }
        // a table placed past the end
        Image image = new Image(2064, 2048);
        image.table(table(key), 0xFFFFFFF0L, 2);
        try (CdbReader reader = openHostile("table-past-end.cdb", image.bytes())) {
            CdbFormatException e = assertThrows(CdbFormatException.class, () -> reader.get(key));
            assertTrue(e.getMessage().startsWith("hash slot at "), e.getMessage());
        }
    }

    @Test
    void keyLengthFFFFFFFF() throws IOException {
        byte[] key = bytes("one");
        int tablePosition = 2064;
        Image image = new Image(tablePosition + 16, 2064);
        image.record(2048, key, bytes("Hello"));
        image.put(2048, 0xFFFFFFFFL);
        image.table(table(key), tablePosition, 2);
        image.slot(firstSlot(key, tablePosition, 2), hash(key), 2048);
        try (CdbReader reader = openHostile("klen-max.cdb", image.bytes())) {
            // as cdbget: the stored key has another length, so it is not this key
            assertNull(reader.get(key));
            CorruptCdbException e = assertThrows(CorruptCdbException.class, () -> reader.records().iterator().next());
            assertEquals("record at 2048: key length 4294967295 and data length 5 run past the end of the records at 2064",
                    e.getMessage());
            CdbFormatException e2 = assertThrows(CdbFormatException.class, () -> reader.forEachRecord(r -> { }));
            assertEquals(e.getMessage(), e2.getMessage());
        }
        CdbFormatException e = assertThrows(CdbFormatException.class, () -> CdbStats.of(dir.resolve("klen-max.cdb")));
        assertEquals(Kind.TRUNCATED, e.kind());
        assertTrue(e.getMessage().startsWith("truncated file: the input ends at byte 2080"), e.getMessage());
    }

    @Test
    void dataLengthFFFFFFFF() throws IOException {
        byte[] key = bytes("one");
        int tablePosition = 2064;
        Image image = new Image(tablePosition + 16, 2064);
        image.record(2048, key, bytes("Hello"));
        image.put(2052, 0xFFFFFFFFL);
        image.table(table(key), tablePosition, 2);
        image.slot(firstSlot(key, tablePosition, 2), hash(key), 2048);
        try (CdbReader reader = openHostile("dlen-max.cdb", image.bytes())) {
            CdbReader.Finder f = reader.find(key);
            assertTrue(f.next(), "the key is there");
            assertEquals(2059, f.valuePosition());
            assertEquals(0xFFFFFFFFL, f.valueLength());
            CdbFormatException e = assertThrows(CdbFormatException.class, f::value);
            assertEquals("data of 4294967295 bytes at 2059 runs past the end of the file (2080 bytes)", e.getMessage());
            assertThrows(CdbFormatException.class, f::valueBytes);
            assertThrows(CdbFormatException.class, () -> reader.get(key));
            assertThrows(CdbFormatException.class, () -> reader.getAll(key));
            CorruptCdbException e2 = assertThrows(CorruptCdbException.class, () -> reader.records().iterator().next());
            assertTrue(e2.getMessage().contains("data length 4294967295"), e2.getMessage());
        }
    }

    /**
     * The table starts near the top of the 32-bit space and its slots wrap past 2^32 to
     * low positions: cdb's 32-bit arithmetic finds the key there, and so must the reader.
     */
    @Test
    void aTableWrappingPast2To32FindsWhatCdbFinds() throws IOException {
        byte[] key = bytes("wrapped key");
        long first = (hash(key) >>> 8) % (1L << 28);
        assertTrue(first * 8 > 4096, "the key's first slot must be far into the table");
        int slotAt = 2080;
        long tablePosition = (slotAt - first * 8) & 0xFFFFFFFFL;
        assertTrue(tablePosition > 0x80000000L, "the table must start high: " + tablePosition);
        int recordsEnd = 2048 + 8 + key.length + 8;
        Image image = new Image(slotAt + 16, recordsEnd);
        assertEquals(recordsEnd, image.record(2048, key, bytes("found it")));
        image.table(table(key), tablePosition, 1L << 28);
        image.slot(slotAt, hash(key), 2048);
        image.slot(slotAt + 8, 0, 0); // empty: the end of the chain
        try (CdbReader reader = openHostile("wrap.cdb", image.bytes())) {
            assertArrayEquals(bytes("found it"), reader.getBytes(key));
            assertEquals(1, reader.getAll(key).size());
        }
        CdbStats stats = CdbStats.of(dir.resolve("wrap.cdb"));
        assertEquals(1, stats.records());
        assertEquals(1, stats.distance(0));
        assertEquals(1, CdbVerifier.of(dir.resolve("wrap.cdb")).found());
    }

    /** A record whose empty data ends exactly at the end of the file, at a segment boundary. */
    @Test
    void emptyValueAtTheVeryEndOfTheFile() throws IOException {
        byte[] key = bytes("8 bytes!");
        Image image = new Image(2048 + 8 + 8 + 8, 2048);
        image.table(table(key), 2048, 1);
        image.slot(2048, hash(key), 2056);
        image.record(2056, key, new byte[0]);
        Path file = write("empty-at-end.cdb", image.bytes());
        exercise(file, "empty-at-end.cdb");
        for (int shift : new int[] {3, 4, 30}) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                    CdbReader reader = CdbReader.openUnchecked(MappedInput.map(ch, shift))) {
                ByteBuffer v = reader.get(key);
                assertNotNull(v, "segments of 2^" + shift);
                assertEquals(0, v.remaining());
                assertArrayEquals(new byte[0], reader.getBytes(key));
            }
        }
    }

    @Test
    void aHeaderOfZerosIsAnEmptyDatabase() throws IOException {
        Path file = write("zeros.cdb", new byte[2048]);
        try (CdbReader reader = CdbReader.open(file)) {
            for (byte[] key : KEYS) {
                assertNull(reader.get(key));
            }
            assertFalse(reader.records().iterator().hasNext());
        }
        assertEquals(0, CdbStats.of(file).records());
    }

    @Test
    void corruptIteratorExceptionCarriesTheFormatException() throws IOException {
        byte[] db = baseDatabase().clone();
        ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(0, db.length + 100);
        Path file = write("eod.cdb", db);
        try (CdbReader reader = CdbReader.open(file)) {
            CorruptCdbException e = assertThrows(CorruptCdbException.class, () -> reader.records().iterator());
            assertTrue(e instanceof UncheckedIOException);
            assertEquals("header: records end at " + (db.length + 100) + ", past the end of the file (" + db.length
                    + " bytes)", e.getCause().getMessage());
        }
    }

    /** Read in sequence, as cdbdump reads, the base database's records are the ones the reader finds. */
    @Test
    void theSequentialReaderReadsWhatTheReaderReads() throws IOException {
        Path file = write("base.cdb", baseDatabase());
        assertArrayEquals(CdbmakeTextWriter.dump(file), sequentialDump(file)); // the huge key comes in pieces
    }
}
