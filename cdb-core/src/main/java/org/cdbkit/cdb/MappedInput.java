package org.cdbkit.cdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A read-only file mapped into memory, addressed by {@code long} positions. One
 * {@link java.nio.MappedByteBuffer} stops at 2 GiB, so the file is mapped in segments of
 * 1 GiB; reads that straddle two segments are stitched together. Every read is bounds-checked
 * against the file length and throws {@link IndexOutOfBoundsException} outside it, so callers
 * that validate first never see one.
 *
 * <p>Absolute reads only: any number of threads may read at once.
 */
public final class MappedInput implements Closeable {
    private static final int DEFAULT_SEGMENT_SHIFT = 30;
    /** Reads 8 bytes of a byte[] as one little-endian long, matching the segments' order. */
    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int segmentShift;
    private final long segmentMask;
    private final long length;
    /**
     * Null once closed. Not volatile: lookups read it on every access, and a thread that has not
     * yet seen a close still reads a mapping that stays valid (it is never unmapped by hand).
     */
    private ByteBuffer[] segments;
    /** The one segment of a file under 1 GiB, for the quickest reads; null once closed. */
    private ByteBuffer single;

    MappedInput(FileChannel channel, int segmentShift) throws IOException {
        this.segmentShift = segmentShift;
        this.segmentMask = (1L << segmentShift) - 1;
        this.length = channel.size();
        long segmentSize = 1L << segmentShift;
        int count = (int) ((length + segmentSize - 1) >>> segmentShift);
        ByteBuffer[] mapped = new ByteBuffer[Math.max(1, count)];
        if (count == 0) {
            mapped[0] = ByteBuffer.allocate(0);
        }
        for (int i = 0; i < count; i++) {
            long start = (long) i << segmentShift;
            long size = Math.min(segmentSize, length - start);
            mapped[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, size).order(ByteOrder.LITTLE_ENDIAN);
        }
        this.segments = mapped;
        this.single = mapped.length == 1 ? mapped[0] : null;
    }

    /** Maps the whole of an open channel; the channel may be closed afterwards. */
    public static MappedInput map(FileChannel channel) throws IOException {
        Objects.requireNonNull(channel, "channel");
        return new MappedInput(channel, DEFAULT_SEGMENT_SHIFT);
    }

    /** An input of no bytes: what cdbget sees when its standard input cannot be mapped. */
    public static MappedInput empty() {
        return new MappedInput();
    }

    private MappedInput() {
        this.segmentShift = DEFAULT_SEGMENT_SHIFT;
        this.segmentMask = (1L << DEFAULT_SEGMENT_SHIFT) - 1;
        this.length = 0;
        this.segments = new ByteBuffer[] {ByteBuffer.allocate(0)};
    }

    public static MappedInput map(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return map(channel);
        }
    }

    public long length() {
        return length;
    }

    public byte readByte(long position) {
        check(position, 1);
        return segment(position).get((int) (position & segmentMask));
    }

    /** A little-endian 32-bit integer. */
    public int readInt(long position) {
        check(position, 4);
        int offset = (int) (position & segmentMask);
        ByteBuffer segment = segment(position);
        if (offset + 4 <= segment.limit()) {
            return segment.getInt(offset);
        }
        int value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (readByte(position + i) & 0xff);
        }
        return value;
    }

    /**
     * A little-endian 64-bit integer: two adjacent 32-bit fields of cdb (a header entry, a slot,
     * a record's lengths) in one read, the first in the low half.
     */
    public long readLong(long position) {
        ByteBuffer only = single;
        if (only != null && position >= 0 && position <= length - 8) {
            return only.getLong((int) position); // the usual file, under 1 GiB: one segment
        }
        check(position, 8);
        int offset = (int) (position & segmentMask);
        ByteBuffer segment = segment(position);
        if (offset + 8 <= segment.limit()) {
            return segment.getLong(offset);
        }
        return (readInt(position) & 0xFFFFFFFFL) | ((long) readInt(position + 4) << 32);
    }

    /** A little-endian unsigned 32-bit integer, as cdb stores positions and lengths. */
    public long readUnsignedInt(long position) {
        return readInt(position) & 0xFFFFFFFFL;
    }

    /**
     * The bytes {@code [position, position + length)} as a read-only little-endian buffer: a
     * view of the mapping, copied only when it straddles two segments.
     */
    public ByteBuffer slice(long position, int length) {
        check(position, length);
        if (length == 0) {
            // may be at the very end of a file that fills its last segment, where no segment starts
            return segment(0).slice(0, 0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        int offset = (int) (position & segmentMask);
        ByteBuffer segment = segment(position);
        if (offset + length <= segment.limit()) {
            return segment.slice(offset, length).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        byte[] copy = new byte[length];
        readBytes(position, copy, 0, length);
        return ByteBuffer.wrap(copy).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    public void readBytes(long position, byte[] destination, int offset, int length) {
        check(position, length);
        while (length > 0) {
            int inSegment = (int) (position & segmentMask);
            ByteBuffer segment = segment(position);
            int n = Math.min(length, segment.limit() - inSegment);
            segment.get(inSegment, destination, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Whether the file holds exactly {@code bytes[offset, offset + length)} at {@code position}. */
    public boolean regionEquals(long position, byte[] bytes, int offset, int length) {
        check(position, length);
        if (length == 0) {
            segment(0); // throws once closed, like any other read
            return true;
        }
        int inSegment = (int) (position & segmentMask);
        ByteBuffer segment = segment(position);
        if (inSegment + length <= segment.limit()) {
            if (length >= 8) {
                // 8 bytes at a time, the last 8 overlapping the ones before if need be
                for (int i = 0; i < length - 8; i += 8) {
                    if (segment.getLong(inSegment + i) != (long) LONG_LE.get(bytes, offset + i)) {
                        return false;
                    }
                }
                return segment.getLong(inSegment + length - 8) == (long) LONG_LE.get(bytes, offset + length - 8);
            }
            for (int i = 0; i < length; i++) {
                if (segment.get(inSegment + i) != bytes[offset + i]) {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < length; i++) {
            if (readByte(position + i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drops this object's references to the mapping. The memory is unmapped by the garbage
     * collector once no slice handed out is reachable either, so a reader still holding a slice
     * can never crash the process; later reads through this object throw.
     */
    @Override
    public void close() {
        segments = null;
        single = null;
    }

    private ByteBuffer segment(long position) {
        ByteBuffer[] s = segments;
        if (s == null) {
            throw new IllegalStateException("mapped file is closed");
        }
        return s[(int) (position >>> segmentShift)];
    }

    private void check(long position, long count) {
        if (position < 0 || count < 0 || position + count > length) {
            throw new IndexOutOfBoundsException("read of " + count + " bytes at " + position
                    + " is outside the file of " + length + " bytes");
        }
    }
}
