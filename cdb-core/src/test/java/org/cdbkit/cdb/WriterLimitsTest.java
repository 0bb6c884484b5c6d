package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WriterLimitsTest {
    private static final long MAX = 0xFFFFFFFFL;

    @TempDir
    Path dir;

    private int files;

    private FileChannel channel() throws IOException {
        return FileChannel.open(dir.resolve("w" + (files++) + ".cdb"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** The rule: header, then 8 + klen + dlen per record, then two 8-byte slots per record. */
    private static long finalSize(long recordBytes, long records) {
        return 2048 + recordBytes + 16 * records;
    }

    /** key + data bytes that bring a fresh database to exactly 4294967295 bytes with one record. */
    private static final long ONE_RECORD_BOUNDARY = MAX - 2048 - 8 - 16;

    @Test
    void boundaryArithmeticIsTheRule() {
        assertEquals(MAX, finalSize(8 + ONE_RECORD_BOUNDARY, 1));
        assertEquals(4294965223L, ONE_RECORD_BOUNDARY);
    }

    @ParameterizedTest(name = "key share {0}")
    @ValueSource(longs = {0, 1, 1000, 2147483647L, 4294965223L})
    void aFinalSizeOfExactly4294967295IsAllowed(long keyLength) throws IOException {
        try (FileChannel ch = channel(); CdbWriter writer = new CdbWriter(ch)) {
            assertDoesNotThrow(() -> writer.beginRecord(keyLength, ONE_RECORD_BOUNDARY - keyLength));
            assertEquals(0, ch.size(), "nothing is streamed: the declared bytes are never written here");
        }
    }

    @ParameterizedTest(name = "key share {0}")
    @ValueSource(longs = {0, 1, 1000, 2147483647L, 4294965223L, 4294965224L})
    void oneByteMoreIsRefused(long keyLength) throws IOException {
        try (FileChannel ch = channel(); CdbWriter writer = new CdbWriter(ch)) {
            CdbTooLargeException e = assertThrows(CdbTooLargeException.class,
                    () -> writer.beginRecord(keyLength, ONE_RECORD_BOUNDARY + 1 - keyLength));
            assertTrue(e.getMessage().contains("4294967296"), e.getMessage());
            assertTrue(e.getMessage().contains("record 1"), e.getMessage());
            assertEquals(0, ch.size());
            assertEquals(0, writer.recordCount());
        }
    }

    @Test
    void hugeOrOverflowingLengthsAreRefusedNotWrapped() throws IOException {
        long[][] cases = {
            {MAX + 1, 0}, {0, MAX + 1}, {MAX, MAX}, {MAX, 0}, {0, MAX},
            {Long.MAX_VALUE, 0}, {0, Long.MAX_VALUE}, {Long.MAX_VALUE, Long.MAX_VALUE},
            {Long.MAX_VALUE - 2000, 1}, {1L << 32, 1L << 32}, {(1L << 62), (1L << 62)},
        };
        for (long[] c : cases) {
            try (FileChannel ch = channel(); CdbWriter writer = new CdbWriter(ch)) {
                assertThrows(CdbTooLargeException.class, () -> writer.beginRecord(c[0], c[1]),
                        "beginRecord(" + c[0] + ", " + c[1] + ")");
            }
        }
    }

    @Test
    void negativeLengthsAreIllegal() throws IOException {
        try (FileChannel ch = channel(); CdbWriter writer = new CdbWriter(ch)) {
            assertThrows(IllegalArgumentException.class, () -> writer.beginRecord(-1, 0));
            assertThrows(IllegalArgumentException.class, () -> writer.beginRecord(0, -1));
            assertThrows(IllegalArgumentException.class, () -> writer.beginRecord(Long.MIN_VALUE, 5));
        }
    }

    /**
     * After records already written (past the writer's 256 KiB buffer, so the file has grown), the
     * boundary takes them and their slots into account; a refused record writes nothing and
     * leaves the writer usable.
     */
    @Test
    void boundaryAfterExistingRecordsAndNothingWrittenWhenRefused() throws IOException {
        List<byte[][]> records = new ArrayList<>();
        long recordBytes = 0;
        for (int i = 0; i < 400; i++) {
            byte[] key = ("key-" + i).getBytes();
            byte[] value = new byte[1000 + i];
            value[0] = (byte) i;
            records.add(new byte[][] {key, value});
            recordBytes += 8 + key.length + value.length;
        }
        // what the next record may carry so that the file ends at exactly 4294967295 bytes
        long room = MAX - finalSize(recordBytes + 8, records.size() + 1);

        Path file = dir.resolve("limits.cdb");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            CdbWriter writer = new CdbWriter(ch);
            for (byte[][] r : records) {
                writer.add(r[0], r[1]);
            }
            long sizeBefore = ch.size();
            assertTrue(sizeBefore > CdbFormat.HEADER_SIZE, "the writer should have flushed by now: " + sizeBefore);
            long positionBefore = ch.position();

            assertThrows(CdbTooLargeException.class, () -> writer.beginRecord(room + 1, 0));
            assertThrows(CdbTooLargeException.class, () -> writer.beginRecord(0, room + 1));
            assertThrows(CdbTooLargeException.class, () -> writer.beginRecord(room / 2 + 1, room / 2 + 1));
            // add() checks the declared lengths before it touches the (here far too short) arrays
            byte[] tiny = new byte[1];
            assertThrows(CdbTooLargeException.class,
                    () -> writer.add(tiny, 0, Integer.MAX_VALUE, tiny, 0, Integer.MAX_VALUE));
            assertEquals(sizeBefore, ch.size(), "a refused record changed the file size");
            assertEquals(positionBefore, ch.position(), "a refused record moved the channel");
            assertEquals(records.size(), writer.recordCount());

            // the writer carries on: a refused record left nothing in the file or the buffer
            writer.add("after".getBytes(), "refusal".getBytes());
            writer.finish();
        }
        records.add(new byte[][] {"after".getBytes(), "refusal".getBytes()});
        assertEquals(finalSize(recordBytes + 8 + 5 + 7, records.size()), Files.size(file));
        try (CdbReader reader = CdbReader.open(file)) {
            int i = 0;
            for (CdbRecord r : reader.records()) {
                assertArrayEquals(records.get(i)[0], r.keyBytes(), "key " + i);
                assertArrayEquals(records.get(i)[1], r.valueBytes(), "value " + i);
                i++;
            }
            assertEquals(records.size(), i);
            assertArrayEquals("refusal".getBytes(), reader.getBytes("after".getBytes()));
        }

        // and on a writer in the same state, the exact boundary is accepted
        try (FileChannel ch = channel()) {
            CdbWriter writer = new CdbWriter(ch);
            for (byte[][] r : records.subList(0, 150)) {
                writer.add(r[0], r[1]);
            }
            assertDoesNotThrow(() -> writer.beginRecord(room, 0));
        }
        try (FileChannel ch = channel()) {
            CdbWriter writer = new CdbWriter(ch);
            for (byte[][] r : records.subList(0, 150)) {
                writer.add(r[0], r[1]);
            }
            assertDoesNotThrow(() -> writer.beginRecord(room / 2, room - room / 2));
        }
    }

    @Test
    void misuseThrowsIllegalState() throws IOException {
        byte[] b = "abcdef".getBytes();
        try (FileChannel ch = channel(); CdbWriter writer = new CdbWriter(ch)) {
            // bytes outside a record
            assertThrows(IllegalStateException.class, () -> writer.key(b, 0, 1));
            assertThrows(IllegalStateException.class, () -> writer.value(b, 0, 1));
            assertThrows(IllegalStateException.class, writer::endRecord);

            writer.beginRecord(3, 2);
            // a second record before the first is complete
            assertThrows(IllegalStateException.class, () -> writer.beginRecord(1, 1));
            // value bytes before the key is complete
            assertThrows(IllegalStateException.class, () -> writer.value(b, 0, 1));
            writer.key(b, 0, 2);
            assertThrows(IllegalStateException.class, () -> writer.value(b, 0, 1));
            // endRecord with the key incomplete
            assertThrows(IllegalStateException.class, writer::endRecord);
            // more key bytes than declared
            assertThrows(IllegalStateException.class, () -> writer.key(b, 0, 2));
            writer.key(b, 2, 1);
            // endRecord with the value incomplete
            assertThrows(IllegalStateException.class, writer::endRecord);
            writer.value(b, 3, 1);
            assertThrows(IllegalStateException.class, writer::endRecord);
            // more value bytes than declared
            assertThrows(IllegalStateException.class, () -> writer.value(b, 0, 2));
            // finish in the middle of a record
            assertThrows(IllegalStateException.class, writer::finish);
            writer.value(b, 4, 1);
            writer.endRecord();
            assertEquals(1, writer.recordCount());
            // the record is over
            assertThrows(IllegalStateException.class, () -> writer.key(b, 0, 1));
            assertThrows(IllegalStateException.class, () -> writer.value(b, 0, 1));
            assertThrows(IllegalStateException.class, writer::endRecord);

            writer.finish();
            // nothing after finish
            assertThrows(IllegalStateException.class, () -> writer.beginRecord(0, 0));
            assertThrows(IllegalStateException.class, () -> writer.add(b, b));
            assertThrows(IllegalStateException.class, writer::finish);

            // the misuse left no trace: the one record is intact
            try (CdbReader reader = CdbReader.open(MappedInput.map(ch))) {
                assertArrayEquals("de".getBytes(), reader.getBytes("abc".getBytes()));
                assertEquals(2048 + 8 + 5 + 16, reader.input().length());
            }
        }
    }

    @Test
    void closedWriterRefusesRecords() throws IOException {
        try (FileChannel ch = channel()) {
            CdbWriter writer = new CdbWriter(ch);
            writer.close();
            assertThrows(IllegalStateException.class, () -> writer.beginRecord(0, 0));
            assertThrows(IllegalStateException.class, writer::finish);
            assertTrue(ch.isOpen(), "the channel belongs to the caller");
        }
    }
}
