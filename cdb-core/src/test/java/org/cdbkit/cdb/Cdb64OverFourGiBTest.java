package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cdb64 past the 32-bit format's wall for real: over 4.1 GiB of records, then small records
 * and a second record of an early key beyond the 4 GiB mark, found, scanned and verified there.
 *
 * <p>It writes about 4.4 GB, so it runs where asked ({@code CI=true}, as .ci/run sets, or
 * {@code -Dcdbkit.bigfiles=true}) and the disk has room for it (twice the file); anywhere else it
 * is skipped, saying why.
 */
class Cdb64OverFourGiBTest {
    private static final long FOUR_GIB = 1L << 32;
    /** Values of 1 MiB: 4,200 of them take the records past 4 GiB. */
    private static final int BIG = 1 << 20;
    private static final int BIG_RECORDS = 4_200;
    private static final int TAIL_RECORDS = 1_000;

    @TempDir
    Path dir;

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Record i's big value: a fixed pattern with i written at both ends, so every value differs. */
    private static void stamp(byte[] value, int i) {
        for (int b = 0; b < 4; b++) {
            value[b] = (byte) (i >>> (8 * b));
            value[value.length - 1 - b] = (byte) (i >>> (8 * b));
        }
    }

    @Test
    void recordsPastFourGiBAreFoundScannedAndVerified() throws Exception {
        boolean asked = "true".equals(System.getenv("CI")) || Boolean.getBoolean("cdbkit.bigfiles");
        assumeTrue(asked, "writes 4.4 GB: runs with CI=true or -Dcdbkit.bigfiles=true");
        long need = 2 * ((long) BIG_RECORDS * BIG + (1L << 28));
        long free = Files.getFileStore(dir).getUsableSpace();
        assumeTrue(free >= need, "the disk has " + free + " bytes free, " + need + " needed");

        Path cdb = dir.resolve("big.cdb64");
        byte[] value = new byte[BIG];
        for (int i = 0; i < BIG; i++) {
            value[i] = (byte) (i * 31 + 7);
        }
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("big.tmp"), CdbWidth.CDB64)) {
            CdbSink sink = out.sink();
            sink.add(ascii("twice"), ascii("before the mark"));
            for (int i = 0; i < BIG_RECORDS; i++) {
                stamp(value, i);
                sink.add(ascii("big-" + i), value);
            }
            for (int i = 0; i < TAIL_RECORDS; i++) {
                sink.add(ascii("tail-" + i), ascii("value of tail-" + i));
            }
            sink.add(ascii("twice"), ascii("past the mark"));
            out.commit();
        }
        long records = 1 + BIG_RECORDS + TAIL_RECORDS + 1;
        assertTrue(Files.size(cdb) > FOUR_GIB + TAIL_RECORDS, "a file past 4 GiB: " + Files.size(cdb));

        // opened without saying its width: the header tells
        try (CdbDatabase db = CdbFiles.open(cdb)) {
            assertEquals(CdbWidth.CDB64, db.width());
            for (int i = 0; i < TAIL_RECORDS; i += 37) {
                CdbFinder finder = db.find(ascii("tail-" + i));
                assertTrue(finder.next(), "tail-" + i);
                assertTrue(finder.valuePosition() > FOUR_GIB, "tail-" + i + " lies past 4 GiB");
                assertArrayEquals(ascii("value of tail-" + i), finder.valueBytes());
                assertFalse(finder.next());
            }
            CdbFinder twice = db.find(ascii("twice"));
            assertTrue(twice.next());
            assertTrue(twice.valuePosition() < FOUR_GIB);
            assertArrayEquals(ascii("before the mark"), twice.valueBytes());
            assertTrue(twice.next());
            assertTrue(twice.valuePosition() > FOUR_GIB);
            assertArrayEquals(ascii("past the mark"), twice.valueBytes());
            assertFalse(twice.next());
            // a big value that straddles the 4 GiB mark or lies past it, read whole
            int last = BIG_RECORDS - 1;
            stamp(value, last);
            assertArrayEquals(value, db.getBytes(ascii("big-" + last)));
            assertEquals(null, db.getBytes(ascii("tail-" + TAIL_RECORDS)));
        }

        // the scan cdb64dump makes: every record in order, the last ones past the mark
        try (InputStream in = new BufferedInputStream(Files.newInputStream(cdb), 1 << 20)) {
            CdbSequentialReader scan = new CdbSequentialReader(in, CdbWidth.CDB64);
            scan.readHeader();
            long seen = 0;
            byte[] key = new byte[64];
            String lastKey = null;
            long lastPosition = 0;
            while (scan.hasNextRecord()) {
                scan.readRecordHeader();
                lastPosition = scan.position();
                int keyLength = (int) scan.keyLength();
                scan.readFully(key, 0, keyLength);
                lastKey = new String(key, 0, keyLength, StandardCharsets.US_ASCII);
                scan.skip(scan.valueLength());
                seen++;
            }
            assertEquals(records, seen);
            assertEquals("twice", lastKey);
            assertTrue(lastPosition > FOUR_GIB);
        }

        // what cdb64test checks: every record found by its key, where it is; the second "twice"
        // finds the first, as cdbtest counts a repeated key ("different record")
        CdbVerifier verified = CdbVerifier.of(cdb, CdbWidth.CDB64);
        assertEquals(records - 1, verified.found());
        assertEquals(1, verified.differentRecord());
        assertEquals(0, verified.badLength() + verified.notFound() + verified.untested());
    }
}
