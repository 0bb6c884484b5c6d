package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.cdbkit.testing.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, truncated and hostile cdb64 files: every operation either works or fails with a
 * {@link CdbFormatException} (a {@link CorruptCdbException} from an iterator) whose message says
 * what is wrong and where; never another exception, never a hang, never a read outside the file
 * (which {@link MappedInput}'s buffers would report as an IndexOutOfBoundsException).
 */
class Cdb64CorruptDatabaseTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final byte[] LONG_KEY = "a key of forty bytes, longer than 32....".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HUGE_KEY = filled(1025, 'h');
    static final byte[][] KEYS = {
        bytes("one"), bytes("mid"), bytes("last"), new byte[0], LONG_KEY, HUGE_KEY,
        bytes("nokey"), bytes("x"), "a key of forty bytes, longer than 32...!".getBytes(StandardCharsets.US_ASCII),
    };

    private static byte[] baseDatabase;

    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] filled(int n, char c) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) c);
        return b;
    }

    /** 8 records, as the 32-bit suite's: duplicates, an empty key and value, a key over 32 bytes and one over 1024. */
    static synchronized byte[] baseDatabase() throws IOException {
        if (baseDatabase == null) {
            Path tmp = Files.createTempDirectory("cdbkit-corrupt64");
            try {
                Path file = tmp.resolve("base.cdb64");
                try (AtomicCdbFile out = AtomicCdbFile.create(file, tmp.resolve("base.tmp"), CdbWidth.CDB64)) {
                    CdbSink w = out.sink();
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

    private static void attempt(String what, String op, boolean iterator, Op body) {
        try {
            body.run();
        } catch (CdbFormatException e) {
            checkMessage(what, op, e);
        } catch (CorruptCdbException e) {
            if (!iterator) {
                throw new AssertionError(what + ": " + op + " threw " + e + " outside an iterator", e);
            }
            checkMessage(what, op, e.getCause());
        } catch (Throwable t) {
            throw new AssertionError(what + ": " + op + " threw " + t, t);
        }
    }

    /** The message names a position or a length: it has a number in it, and words around it. */
    private static void checkMessage(String what, String op, CdbFormatException e) {
        String m = e.getMessage();
        assertNotNull(m, what + ": " + op + ": no message");
        assertTrue(m.length() >= 20 && m.matches("(?s).*[a-z]{4,}.*") && m.matches("(?s).*\\d.*"),
                what + ": " + op + ": message not specific: " + m);
    }

    private static void consume(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        while (d.hasRemaining()) {
            d.get();
        }
    }

    static void exercise(Path file, String what) {
        exercise(file, what, List.of(KEYS));
    }

    /** As {@link #exercise(Path, String)}, looking up {@code keys}. */
    static void exercise(Path file, String what, List<byte[]> keys) {
        assertTimeoutPreemptively(PATIENCE, () -> exerciseNow(file, what, keys),
                () -> what + ": did not finish in time");
    }

    /** Every way into the file, each allowed to fail only with a CdbFormatException. */
    private static void exerciseNow(Path file, String what, List<byte[]> keys) throws IOException {
        long length = Files.size(file);
        try (Cdb64Reader reader = Cdb64Reader.openUnchecked(MappedInput.map(file))) {
            for (byte[] key : keys) {
                String k = "key " + Hex.preview(key);
                attempt(what, "get " + k, false, () -> {
                    ByteBuffer v = reader.get(key);
                    if (v != null) {
                        consume(v);
                    }
                });
                attempt(what, "getBytes " + k, false, () -> reader.getBytes(key));
                attempt(what, "getAll " + k, false, () -> reader.getAll(key).forEach(Cdb64CorruptDatabaseTest::consume));
                attempt(what, "find " + k, false, () -> {
                    Cdb64Reader.Finder f = reader.find(key);
                    long previousProbes = 0;
                    while (f.next()) {
                        assertTrue(f.probes() > previousProbes, "next() must probe at least one slot");
                        previousProbes = f.probes();
                        assertTrue(f.valuePosition() >= 0 && f.valueLength() <= length - f.valuePosition(),
                                "a value found lies in the file");
                        consume(f.value());
                        assertEquals(f.valueLength(), f.valueBytes().length);
                    }
                    assertFalse(f.next(), "a finished lookup stays finished");
                });
            }
            attempt(what, "recordsEnd", false, reader::recordsEnd);
            attempt(what, "records", true, () -> {
                for (CdbRecord r : reader.records()) {
                    r.keyBytes();
                    r.valueBytes();
                    consume(r.key());
                    consume(r.value());
                    assertEquals(r.end(), r.valuePosition() + r.valueLength());
                    assertTrue(r.end() <= length);
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
            try (Cdb64Reader strict = Cdb64Reader.open(file)) {
                assertTrue(length >= 4096, "strict open accepted a file of " + length + " bytes");
            }
        });
        attempt(what, "either-width open", false, () -> {
            try (CdbDatabase db = CdbFiles.open(file)) {
                for (byte[] key : keys) {
                    attempt(what, "either-width getAll", false, () -> db.getAll(key));
                }
            }
        });
        attempt(what, "CdbStats.of", false, () -> CdbStats.of(file, CdbWidth.CDB64));
        attempt(what, "CdbVerifier.of", false, () -> CdbVerifier.of(file, CdbWidth.CDB64));
        attempt(what, "sequential dump", false, () -> sequentialDump(file));
    }

    /** cdbdump's algorithm on a cdb64, copying in pieces (lengths may be huge). */
    static byte[] sequentialDump(Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] piece = new byte[1024];
        try (InputStream in = Files.newInputStream(file)) {
            CdbSequentialReader scan = new CdbSequentialReader(in, CdbWidth.CDB64);
            scan.readHeader();
            while (scan.hasNextRecord()) {
                scan.readRecordHeader();
                out.write(bytes("+" + scan.keyLength() + "," + scan.valueLength() + ":"));
                for (long n = scan.keyLength(); n > 0; n -= Math.min(n, piece.length)) {
                    scan.readFully(piece, 0, (int) Math.min(n, piece.length));
                }
                for (long n = scan.valueLength(); n > 0; n -= Math.min(n, piece.length)) {
                    scan.readFully(piece, 0, (int) Math.min(n, piece.length));
                }
            }
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ helpers for hand-made damage

    private static ByteBuffer le(byte[] db) {
        return ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int tableOf(byte[] key) {
        return (int) CdbHash.hash64(key) & 0xff;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    private CdbFormatException lookupFails(byte[] db, byte[] key) throws IOException {
        Path file = write("damaged.cdb64", db);
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            return assertThrows(CdbFormatException.class, () -> reader.getAll(key));
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void theBaseDatabaseWorks() throws IOException {
        Path file = write("base.cdb64", baseDatabase());
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            assertEquals(List.of("Hello", "Goodbye", ""), reader.getAll(bytes("one")).stream()
                    .map(b -> new String(RoundTripProperties.bytes(b), StandardCharsets.ISO_8859_1)).toList());
            assertArrayEquals(bytes("huge"), reader.getBytes(HUGE_KEY));
            assertArrayEquals(new byte[0], reader.getBytes(new byte[0]));
        }
        exercise(file, "the base database");
    }

    @Test
    void everyTruncationFailsCleanly() throws IOException {
        byte[] db = baseDatabase();
        for (int cut = 0; cut < db.length; cut += cut < 4200 ? 61 : 7) {
            Path file = write("cut.cdb64", Arrays.copyOf(db, cut));
            exercise(file, "cut to " + cut);
        }
    }

    @Test
    void aTruncatedFileIsRefusedByTheStrictOpen() throws IOException {
        Path file = write("short.cdb64", new byte[4095]);
        CdbFormatException e = assertThrows(CdbFormatException.class, () -> Cdb64Reader.open(file));
        assertTrue(e.getMessage().contains("4095 bytes is shorter than the 4096-byte header"), e.getMessage());
    }

    @Test
    void aHeaderEntryPastTheEndIsNamed() throws IOException {
        byte[] db = baseDatabase().clone();
        int t = tableOf(bytes("one"));
        le(db).putLong(t * 16, db.length); // the table starts at the end of the file
        CdbFormatException e = lookupFails(db, bytes("one"));
        assertTrue(e.getMessage().contains("hash table " + t + " at " + db.length), e.getMessage());
        assertTrue(e.getMessage().contains("runs past the end of the file (" + db.length + " bytes)"), e.getMessage());
    }

    @Test
    void hugeSlotCountsAndPositionsAreCorruptionNotOverflow() throws IOException {
        int t = tableOf(bytes("one"));
        for (long count : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -1L, 1L << 60, 0x0800_0000_0000_0001L}) {
            byte[] db = baseDatabase().clone();
            le(db).putLong(t * 16 + 8, count);
            CdbFormatException e = lookupFails(db, bytes("one"));
            assertTrue(e.getMessage().contains(Long.toUnsignedString(count) + " slots"), e.getMessage());
        }
        for (long position : new long[] {-1L, Long.MIN_VALUE, -16L}) {
            byte[] db = baseDatabase().clone();
            le(db).putLong(t * 16, position);
            CdbFormatException e = lookupFails(db, bytes("one"));
            assertTrue(e.getMessage().contains("at " + Long.toUnsignedString(position)), e.getMessage());
        }
    }

    @Test
    void aSlotPointingPastTheEndIsNamed() throws IOException {
        byte[] db = baseDatabase().clone();
        ByteBuffer b = le(db);
        int t = tableOf(bytes("mid"));
        long table = b.getLong(t * 16);
        long slots = b.getLong(t * 16 + 8);
        long hash = CdbHash.hash64(bytes("mid"));
        for (long s = 0; s < slots; s++) {
            int at = (int) (table + 16 * s);
            if (b.getLong(at) == hash) {
                b.putLong(at + 8, -8L); // 2^64 - 8
                CdbFormatException e = lookupFails(db, bytes("mid"));
                assertTrue(e.getMessage().contains("hash slot at " + at + ": record at 18446744073709551608 lies past"
                        + " the end of the file"), e.getMessage());
                return;
            }
        }
        throw new AssertionError("no slot for mid");
    }

    @Test
    void hugeRecordLengthsAreRefusedBeforeAnyAllocation() throws IOException {
        // the record of "mid" is the second: 4096 + 16 + 3 + 5
        int mid = 4096 + 16 + 3 + 5;
        for (long length : new long[] {-1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, 5000}) {
            byte[] db = baseDatabase().clone();
            le(db).putLong(mid + 8, length); // its data length
            CdbFormatException e = lookupFails(db, bytes("mid"));
            assertTrue(e.getMessage().contains("record at " + mid + ": data of " + Long.toUnsignedString(length)),
                    e.getMessage());
            Path file = write("huge.cdb64", db);
            try (Cdb64Reader reader = Cdb64Reader.open(file)) {
                CorruptCdbException c = assertThrows(CorruptCdbException.class, () -> {
                    for (CdbRecord r : reader.records()) {
                        r.valueBytes();
                    }
                });
                assertTrue(c.getMessage().contains("record at " + mid + ": key length 3 and data length "
                        + Long.toUnsignedString(length)), c.getMessage());
            }
            exercise(file, "data length " + Long.toUnsignedString(length));
        }
        byte[] db = baseDatabase().clone();
        le(db).putLong(mid, -2L); // its key length: not the key's, so the lookup goes on and misses
        Path file = write("key.cdb64", db);
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            assertEquals(null, reader.get(bytes("mid")));
        }
        exercise(file, "key length 2^64 - 2");
    }

    @Test
    void aTableFullOfOccupiedSlotsEnds() throws IOException {
        byte[] db = baseDatabase().clone();
        ByteBuffer b = le(db);
        int t = tableOf(bytes("mid"));
        long table = b.getLong(t * 16);
        long slots = b.getLong(t * 16 + 8);
        // every slot occupied, none with the key's hash: a lookup probes each once and misses
        for (long s = 0; s < slots; s++) {
            b.putLong((int) (table + 16 * s), 12345);
            b.putLong((int) (table + 16 * s + 8), 4096);
        }
        Path file = write("full.cdb64", db);
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            Cdb64Reader.Finder f = reader.find(bytes("mid"));
            assertTimeoutPreemptively(PATIENCE, () -> assertFalse(f.next()));
            assertEquals(slots, f.probes());
        }
        // every slot occupied, each with the key's hash and pointing at its record: found once a slot
        long hash = CdbHash.hash64(bytes("mid"));
        for (long s = 0; s < slots; s++) {
            b.putLong((int) (table + 16 * s), hash);
            b.putLong((int) (table + 16 * s + 8), 4096 + 16 + 3 + 5);
        }
        file = write("same.cdb64", db);
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            assertEquals(slots, assertTimeoutPreemptively(PATIENCE, () -> reader.getAll(bytes("mid"))).size());
        }
        exercise(file, "a table of one record many times");
    }

    @Test
    void aRecordsEndPastTheFileIsNamed() throws IOException {
        byte[] db = baseDatabase().clone();
        le(db).putLong(0, -4096L);
        Path file = write("end.cdb64", db);
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            CdbFormatException e = assertThrows(CdbFormatException.class, reader::recordsEnd);
            assertEquals("header: records end at " + Long.toUnsignedString(-4096L) + ", past the end of the file ("
                    + db.length + " bytes)", e.getMessage());
        }
        CdbFormatException e = assertThrows(CdbFormatException.class, () -> sequentialDump(file));
        assertEquals(CdbFormatException.Kind.TRUNCATED, e.kind());
        exercise(file, "records end at 2^64 - 4096");
    }

    @Test
    void theWrongWidthIsNoDatabase() throws IOException {
        // a cdb64 read as a cdb and the other way round: failures, never a hang
        Path file = write("base.cdb64", baseDatabase());
        CdbDatabase db = CdbFiles.open(file);
        db.close();
        assertEquals(CdbWidth.CDB64, db.width());
        CorruptDatabaseTest.exercise(file, "a cdb64 read as a cdb");
        Path cdb = write("base.cdb", CorruptDatabaseTest.baseDatabase());
        exercise(cdb, "a cdb read as a cdb64");
    }
}
