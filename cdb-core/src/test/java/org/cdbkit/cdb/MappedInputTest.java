package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MappedInput with tiny segments (16 or 32 bytes instead of 1 GiB), so that reads straddle
 * segment boundaries as they do past 1 GiB in a real database.
 */
class MappedInputTest {
    @TempDir
    Path dir;

    /** Bytes that differ at every position, so a read from the wrong place is noticed. */
    private static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 37 + 11 + (i >> 8));
        }
        return b;
    }

    private MappedInput map(byte[] content, int shift) throws IOException {
        Path file = Files.createTempFile(dir, "mapped", ".bin");
        Files.write(file, content);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return MappedInput.map(ch, shift);
        }
    }

    @ParameterizedTest(name = "length {0}, segments of 2^{1} bytes")
    @CsvSource({"100, 4", "96, 4", "64, 5", "33, 5", "7, 4", "16, 4", "1000, 3"})
    void readIntMatchesLittleEndianAtEveryPosition(int length, int shift) throws IOException {
        byte[] content = pattern(length);
        ByteBuffer expected = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        try (MappedInput in = map(content, shift)) {
            assertEquals(length, in.length());
            for (int p = 0; p + 4 <= length; p++) {
                assertEquals(expected.getInt(p), in.readInt(p), "readInt at " + p);
                assertEquals(expected.getInt(p) & 0xFFFFFFFFL, in.readUnsignedInt(p), "readUnsignedInt at " + p);
            }
            for (int p = 0; p < length; p++) {
                assertEquals(content[p], in.readByte(p), "readByte at " + p);
            }
        }
    }

    @ParameterizedTest(name = "length {0}, segments of 2^{1} bytes")
    @CsvSource({"100, 4", "64, 4", "50, 3"})
    void readBytesSliceAndRegionEqualsForEveryRange(int length, int shift) throws IOException {
        byte[] content = pattern(length);
        try (MappedInput in = map(content, shift)) {
            for (int p = 0; p <= length; p++) {
                for (int n = 0; p + n <= length; n++) {
                    byte[] want = Arrays.copyOfRange(content, p, p + n);
                    String where = n + " bytes at " + p;

                    byte[] got = new byte[n + 6];
                    Arrays.fill(got, (byte) 0x5a);
                    in.readBytes(p, got, 3, n);
                    assertArrayEquals(want, Arrays.copyOfRange(got, 3, 3 + n), "readBytes of " + where);
                    // nothing written outside the destination range
                    for (int i : new int[] {0, 1, 2, n + 3, n + 4, n + 5}) {
                        assertEquals((byte) 0x5a, got[i], "readBytes of " + where + " wrote outside its range");
                    }

                    ByteBuffer slice = in.slice(p, n);
                    assertEquals(n, slice.remaining(), "slice of " + where);
                    assertTrue(slice.isReadOnly(), "slice of " + where + " must be read-only");
                    assertEquals(ByteOrder.LITTLE_ENDIAN, slice.order());
                    byte[] sliced = new byte[n];
                    slice.duplicate().get(sliced);
                    assertArrayEquals(want, sliced, "slice of " + where);
                    if (n >= 4) {
                        assertEquals(ByteBuffer.wrap(want).order(ByteOrder.LITTLE_ENDIAN).getInt(0), slice.getInt(0));
                    }

                    byte[] padded = new byte[n + 2];
                    System.arraycopy(want, 0, padded, 1, n);
                    assertTrue(in.regionEquals(p, padded, 1, n), "regionEquals of " + where);
                    for (int i = 0; i < n; i++) {
                        padded[1 + i] ^= 0x01;
                        assertFalse(in.regionEquals(p, padded, 1, n),
                                "regionEquals of " + where + " with byte " + i + " changed");
                        padded[1 + i] ^= 0x01;
                    }
                }
            }
        }
    }

    @Test
    void sliceCopiesOnlyWhenStraddlingButNeverSharesWritableMemory() throws IOException {
        byte[] content = pattern(64);
        try (MappedInput in = map(content, 4)) {
            ByteBuffer inside = in.slice(16, 16);
            ByteBuffer across = in.slice(12, 8);
            assertTrue(inside.isReadOnly());
            assertTrue(across.isReadOnly());
            assertEquals(content[16], inside.get(0));
            assertEquals(content[12], across.get(0));
            assertEquals(content[19], across.get(7));
        }
    }

    @ParameterizedTest(name = "length {0}, segments of 2^{1} bytes")
    @CsvSource({"100, 4", "96, 4", "0, 4", "5, 30"})
    void readsOutsideTheFileThrowIndexOutOfBounds(int length, int shift) throws IOException {
        try (MappedInput in = map(pattern(length), shift)) {
            byte[] buf = new byte[16];
            assertThrows(IndexOutOfBoundsException.class, () -> in.readByte(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readByte(length));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readInt(-1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readInt(length - 3));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readInt(length));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readUnsignedInt(length - 1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readInt(Long.MAX_VALUE - 1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readBytes(length, buf, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readBytes(-1, buf, 0, 1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readBytes(0, buf, 0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.slice(Math.max(0, length - 2), 3));
            assertThrows(IndexOutOfBoundsException.class, () -> in.slice(length + 1L, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> in.slice(0, -1));
            assertThrows(IndexOutOfBoundsException.class, () -> in.regionEquals(length, buf, 0, 1));
            assertThrows(IndexOutOfBoundsException.class,
                    () -> in.regionEquals(Math.max(0, length - 4), buf, 0, 5));
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class,
                    () -> in.readInt(length + 10L));
            assertTrue(e.getMessage().contains(String.valueOf(length + 10L)), e.getMessage());
            assertTrue(e.getMessage().contains(length + " bytes"), e.getMessage());
        }
    }

    /** An empty read at the very end of the file is inside it, whatever the segment size. */
    @ParameterizedTest(name = "length {0}, segments of 2^{1} bytes")
    @CsvSource({"32, 4", "48, 4", "40, 4", "16, 4"})
    void emptyReadsAtTheEndOfTheFileAreInside(int length, int shift) throws IOException {
        try (MappedInput in = map(pattern(length), shift)) {
            assertEquals(0, in.slice(length, 0).remaining());
            assertTrue(in.regionEquals(length, new byte[0], 0, 0));
            in.readBytes(length, new byte[0], 0, 0);
            assertEquals(0, in.slice(0, 0).remaining());
        }
    }

    @Test
    void readsAfterCloseThrowIllegalState() throws IOException {
        MappedInput in = map(pattern(64), 4);
        ByteBuffer kept = in.slice(16, 16);
        in.close();
        byte[] buf = new byte[8];
        assertThrows(IllegalStateException.class, () -> in.readByte(0));
        assertThrows(IllegalStateException.class, () -> in.readInt(0));
        assertThrows(IllegalStateException.class, () -> in.readInt(14));
        assertThrows(IllegalStateException.class, () -> in.readUnsignedInt(40));
        assertThrows(IllegalStateException.class, () -> in.readBytes(0, buf, 0, 8));
        assertThrows(IllegalStateException.class, () -> in.slice(20, 4));
        assertThrows(IllegalStateException.class, () -> in.regionEquals(0, buf, 0, 8));
        assertThrows(IllegalStateException.class, () -> in.slice(64, 0));
        assertThrows(IllegalStateException.class, () -> in.regionEquals(64, buf, 0, 0));
        // the length is still known; that it is closed is said before any bounds
        assertEquals(64, in.length());
        assertTrue(in.isClosed());
        assertThrows(IllegalStateException.class, () -> in.readInt(64));
        // a slice handed out before close never reads unmapped memory: where views could outlive
        // the mapping it is a copy and stays readable, elsewhere a view that refuses once closed
        if (Mapping.ARENA) {
            assertThrows(IllegalStateException.class, () -> kept.get(0));
        } else {
            assertEquals(pattern(64)[16], kept.get(0));
        }
        // closing twice is harmless
        in.close();
        assertThrows(IllegalStateException.class, () -> in.readByte(0));
    }

    @Test
    void aReaderOverClosedInputFailsWithIllegalState() throws IOException {
        Path file = dir.resolve("one.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(file, dir.resolve("one.tmp"))) {
            out.writer().add("k".getBytes(), "v".getBytes());
            out.commit();
        }
        CdbReader reader = CdbReader.open(file);
        assertArrayEquals("v".getBytes(), reader.getBytes("k".getBytes()));
        reader.close();
        assertThrows(IllegalStateException.class, () -> reader.getBytes("k".getBytes()));
    }

    @Test
    void defaultMappingOfAFileAndEmptyInput() throws IOException {
        byte[] content = pattern(5000);
        Path file = dir.resolve("big.bin");
        Files.write(file, content);
        try (MappedInput in = MappedInput.map(file)) {
            assertEquals(5000, in.length());
            byte[] all = new byte[5000];
            in.readBytes(0, all, 0, 5000);
            assertArrayEquals(content, all);
        }
        Path empty = dir.resolve("empty.bin");
        Files.write(empty, new byte[0]);
        for (MappedInput in : new MappedInput[] {MappedInput.map(empty), MappedInput.empty()}) {
            assertEquals(0, in.length());
            assertEquals(0, in.slice(0, 0).remaining());
            assertThrows(IndexOutOfBoundsException.class, () -> in.readByte(0));
            assertThrows(IndexOutOfBoundsException.class, () -> in.readInt(0));
        }
    }
}
