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
 * <p>Absolute reads only: any number of threads may read at once. {@link #close()} unmaps the
 * file at once (or as soon as the reads in progress end); a read after it, or racing with it,
 * throws {@link IllegalStateException} and never touches unmapped memory (see {@link Mapping}).
 * {@link #slice} gives a view of the mapping where the JDK can make a view safe to outlive
 * the mapping (Java 22 and later: reading it after close throws), and a copy elsewhere.
 */
public final class MappedInput implements Closeable {
    private static final int DEFAULT_SEGMENT_SHIFT = 30;
    /** Reads 8 bytes of a byte[] as one little-endian long, matching the segments' order. */
    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int segmentShift;
    private final long segmentMask;
    private final long length;
    private final Mapping mapping;
    private final ByteBuffer[] segments;
    /** The one segment of a file under 1 GiB, for the quickest reads. */
    private final ByteBuffer single;

    MappedInput(FileChannel channel, int segmentShift) throws IOException {
        this.segmentShift = segmentShift;
        this.segmentMask = (1L << segmentShift) - 1;
        this.length = channel.size();
        this.mapping = Mapping.create();
        long segmentSize = 1L << segmentShift;
        int count = (int) ((length + segmentSize - 1) >>> segmentShift);
        ByteBuffer[] mapped = new ByteBuffer[Math.max(1, count)];
        if (count == 0) {
            mapped[0] = ByteBuffer.allocate(0);
        }
        try {
            for (int i = 0; i < count; i++) {
                long start = (long) i << segmentShift;
                long size = Math.min(segmentSize, length - start);
                mapped[i] = mapping.map(channel, start, size);
            }
        } catch (IOException | RuntimeException e) {
            mapping.close();
            throw e;
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
        try {
            return new MappedInput();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private MappedInput() throws IOException {
        this.segmentShift = DEFAULT_SEGMENT_SHIFT;
        this.segmentMask = (1L << DEFAULT_SEGMENT_SHIFT) - 1;
        this.length = 0;
        this.mapping = Mapping.create();
        this.segments = new ByteBuffer[] {ByteBuffer.allocate(0)};
        this.single = segments[0];
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

    /** Whether {@link #close()} was called: every read throws from then on. */
    public boolean isClosed() {
        return mapping.isClosed();
    }

    // ---- the public reads: each one guarded (see Mapping), for callers outside this package

    public byte readByte(long position) {
        mapping.enter();
        try {
            return byteAt(position);
        } finally {
            mapping.exit();
        }
    }

    /** A little-endian 32-bit integer. */
    public int readInt(long position) {
        mapping.enter();
        try {
            return intAt(position);
        } finally {
            mapping.exit();
        }
    }

    /**
     * A little-endian 64-bit integer: two adjacent 32-bit fields of cdb (a header entry, a slot,
     * a record's lengths) in one read, the first in the low half.
     */
    public long readLong(long position) {
        mapping.enter();
        try {
            return longAt(position);
        } finally {
            mapping.exit();
        }
    }

    /** A little-endian unsigned 32-bit integer, as cdb stores positions and lengths. */
    public long readUnsignedInt(long position) {
        return readInt(position) & 0xFFFFFFFFL;
    }

    /**
     * The bytes {@code [position, position + length)} as a read-only little-endian buffer: a
     * view of the mapping where views are safe (see the class comment), otherwise a copy; also
     * a copy when the bytes straddle two segments.
     */
    public ByteBuffer slice(long position, int length) {
        mapping.enter();
        try {
            check(position, length);
            if (length == 0) {
                // may be at the very end of a file that fills its last segment, where no segment starts
                return ByteBuffer.allocate(0).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            }
            int offset = (int) (position & segmentMask);
            ByteBuffer segment = segment(position);
            if (mapping.viewsAreSafe() && offset + length <= segment.limit()) {
                return segment.slice(offset, length).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
            }
            byte[] copy = new byte[length];
            copyAt(position, copy, 0, length);
            return ByteBuffer.wrap(copy).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            mapping.exit();
        }
    }

    public void readBytes(long position, byte[] destination, int offset, int length) {
        mapping.enter();
        try {
            copyAt(position, destination, offset, length);
        } finally {
            mapping.exit();
        }
    }

    /** Whether the file holds exactly {@code bytes[offset, offset + length)} at {@code position}. */
    public boolean regionEquals(long position, byte[] bytes, int offset, int length) {
        mapping.enter();
        try {
            return equalsAt(position, bytes, offset, length);
        } finally {
            mapping.exit();
        }
    }

    /**
     * Unmaps the file: at once, or as soon as the reads in progress on other threads are over.
     * Reads after it throw {@link IllegalStateException}. Idempotent.
     */
    @Override
    public void close() {
        mapping.close();
    }

    // ---- for this package's hot paths, which guard a whole lookup at once: call only between
    // ---- enter() and exit()

    /** Starts a guarded stretch of reads (see {@link Mapping#enter()}). */
    void enter() {
        mapping.enter();
    }

    void exit() {
        mapping.exit();
    }

    byte byteAt(long position) {
        check(position, 1);
        return segment(position).get((int) (position & segmentMask));
    }

    int intAt(long position) {
        check(position, 4);
        int offset = (int) (position & segmentMask);
        ByteBuffer segment = segment(position);
        if (offset + 4 <= segment.limit()) {
            return segment.getInt(offset);
        }
        int value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (byteAt(position + i) & 0xff);
        }
        return value;
    }

    long longAt(long position) {
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
        return (intAt(position) & 0xFFFFFFFFL) | ((long) intAt(position + 4) << 32);
    }

    void copyAt(long position, byte[] destination, int offset, int length) {
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

    boolean equalsAt(long position, byte[] bytes, int offset, int length) {
        check(position, length);
        if (length == 0) {
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
            if (byteAt(position + i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private ByteBuffer segment(long position) {
        return segments[(int) (position >>> segmentShift)];
    }

    private void check(long position, long count) {
        if (position < 0 || count < 0 || position + count > length) {
            throw new IndexOutOfBoundsException("read of " + count + " bytes at " + position
                    + " is outside the file of " + length + " bytes");
        }
    }
}
