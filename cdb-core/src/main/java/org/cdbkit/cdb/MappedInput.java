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
 * {@link java.nio.MappedByteBuffer} stops at 2 GiB, so a file over 1 GiB is mapped in segments
 * of 1 GiB and reads that straddle two are stitched together; which of the two shapes a file
 * takes is chosen once, when it is mapped ({@link OneSegmentInput}, {@link SegmentedInput}), as
 * Lucene's store does, so that the usual file pays no segment arithmetic on any read. Every
 * public read is bounds-checked against the file length and throws
 * {@link IndexOutOfBoundsException} outside it, so callers that validate first never see one.
 *
 * <p>Absolute reads only: any number of threads may read at once. {@link #close()} unmaps the
 * file at once (or as soon as the reads in progress end); a read after it, or racing with it,
 * throws {@link IllegalStateException} and never touches unmapped memory (see {@link Mapping}).
 * {@link #slice} gives a view of the mapping where the JDK can make a view safe to outlive
 * the mapping (Java 22 and later: reading it after close throws), and a copy elsewhere.
 */
public abstract sealed class MappedInput implements Closeable permits OneSegmentInput, SegmentedInput {
    private static final int DEFAULT_SEGMENT_SHIFT = 30;
    /** Reads 8 bytes of a byte[] as one little-endian long, matching the buffers' order. */
    private static final java.lang.invoke.VarHandle LONG_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INT_LE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    final long length;
    private final Mapping mapping;

    MappedInput(long length, Mapping mapping) {
        this.length = length;
        this.mapping = mapping;
    }

    /** Maps the whole of an open channel; the channel may be closed afterwards. */
    public static MappedInput map(FileChannel channel) throws IOException {
        Objects.requireNonNull(channel, "channel");
        return map(channel, DEFAULT_SEGMENT_SHIFT);
    }

    /** Maps {@code channel} in segments of {@code 2^segmentShift} bytes (small ones in tests). */
    static MappedInput map(FileChannel channel, int segmentShift) throws IOException {
        long length = channel.size();
        long segmentSize = 1L << segmentShift;
        Mapping mapping = Mapping.create();
        try {
            if (length <= segmentSize) {
                return new OneSegmentInput(length, mapping,
                        length == 0 ? ByteBuffer.allocate(0) : mapping.map(channel, 0, length));
            }
            ByteBuffer[] segments = new ByteBuffer[(int) ((length + segmentSize - 1) >>> segmentShift)];
            for (int i = 0; i < segments.length; i++) {
                long start = (long) i << segmentShift;
                segments[i] = mapping.map(channel, start, Math.min(segmentSize, length - start));
            }
            return new SegmentedInput(length, mapping, segments, segmentShift);
        } catch (IOException | RuntimeException e) {
            mapping.close();
            throw e;
        }
    }

    public static MappedInput map(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return map(channel);
        }
    }

    /** An input of no bytes: what cdbget sees when its standard input cannot be mapped. */
    public static MappedInput empty() {
        try {
            return new OneSegmentInput(0, Mapping.create(), ByteBuffer.allocate(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public long length() {
        return length;
    }

    /** Whether {@link #close()} was called: every read throws from then on. */
    public boolean isClosed() {
        return mapping.isClosed();
    }

    // ---- the public reads: each one guarded (see Mapping) and bounds-checked

    public byte readByte(long position) {
        mapping.enter();
        try {
            check(position, 1);
            return byteAt(position);
        } finally {
            mapping.exit();
        }
    }

    /** A little-endian 32-bit integer. */
    public int readInt(long position) {
        mapping.enter();
        try {
            check(position, 4);
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
            check(position, 8);
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
            ByteBuffer view = length > 0 && mapping.viewsAreSafe() ? viewAt(position, length) : null;
            if (view == null) {
                byte[] copy = new byte[length];
                copyAt(position, copy, 0, length);
                view = ByteBuffer.wrap(copy);
            }
            return view.asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        } finally {
            mapping.exit();
        }
    }

    public void readBytes(long position, byte[] destination, int offset, int length) {
        mapping.enter();
        try {
            check(position, length);
            copyAt(position, destination, offset, length);
        } finally {
            mapping.exit();
        }
    }

    /** Whether the file holds exactly {@code bytes[offset, offset + length)} at {@code position}. */
    public boolean regionEquals(long position, byte[] bytes, int offset, int length) {
        mapping.enter();
        try {
            check(position, length);
            return equalsAt(position, bytes, offset, length);
        } finally {
            mapping.exit();
        }
    }

    /**
     * Unmaps the file: at once, or as soon as the reads in progress on other threads are over,
     * or, while a finder opened by {@code CdbReader.openFinder} is open, when the last of those
     * is closed. Reads after it throw {@link IllegalStateException}. Idempotent. On Java 22 and later a
     * thread caught mid-read by the close is also left interrupted (the JDK interrupts it to
     * throw at it), so close only what no thread reads, as {@code RulesDatabase} does.
     */
    @Override
    public void close() {
        mapping.close();
    }

    // ---- for this package's hot paths (CdbReader), which guard a whole lookup at once and
    // ---- check each position against the file before reading it: only between enter() and
    // ---- exit(), only within [0, length). The buffers still refuse any index outside
    // ---- themselves, so a mistake here reads a wrong byte of the file, never past it.

    /** Starts a guarded stretch of reads (see {@link Mapping#enter()}). */
    final void enter() {
        mapping.enter();
    }

    final void exit() {
        mapping.exit();
    }

    /** Keeps the file mapped, reads needing no enter(), until release() (see {@link Mapping#hold()}). */
    final void hold() {
        mapping.hold();
    }

    final void release() {
        mapping.release();
    }

    abstract byte byteAt(long position);

    abstract int intAt(long position);

    abstract long longAt(long position);

    abstract void copyAt(long position, byte[] destination, int offset, int length);

    abstract boolean equalsAt(long position, byte[] bytes, int offset, int length);

    /** A view of {@code [position, position + length)}, or null where it is not in one piece. */
    abstract ByteBuffer viewAt(long position, int length);

    /** Whether {@code buffer} holds {@code bytes[offset, offset + length)} at {@code at}. */
    static boolean equalsIn(ByteBuffer buffer, int at, byte[] bytes, int offset, int length) {
        // Keys of up to 16 bytes (every rules key, most others) are compared without a loop, in
        // two reads that overlap where the key is shorter than 16: measured on random lookups, a
        // loop here, even one of a single round, kept the CPU from starting the next lookup's
        // cache misses early and cost 1.8 times the lookup (benchmarks/README.md).
        if (length >= 8) {
            if (length <= 16) {
                return ((buffer.getLong(at) ^ (long) LONG_LE.get(bytes, offset))
                        | (buffer.getLong(at + length - 8) ^ (long) LONG_LE.get(bytes, offset + length - 8))) == 0;
            }
            // 8 bytes at a time, the last 8 overlapping the ones before if need be
            for (int i = 0; i < length - 8; i += 8) {
                if (buffer.getLong(at + i) != (long) LONG_LE.get(bytes, offset + i)) {
                    return false;
                }
            }
            return buffer.getLong(at + length - 8) == (long) LONG_LE.get(bytes, offset + length - 8);
        }
        if (length >= 4) {
            return ((buffer.getInt(at) ^ (int) INT_LE.get(bytes, offset))
                    | (buffer.getInt(at + length - 4) ^ (int) INT_LE.get(bytes, offset + length - 4))) == 0;
        }
        for (int i = 0; i < length; i++) {
            if (buffer.get(at + i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Not Objects.checkFromIndexSize: this message names the read, and the file by its size in bytes. */
    private void check(long position, long count) {
        if (position < 0 || count < 0 || position + count > length) {
            throw new IndexOutOfBoundsException("read of " + count + " bytes at " + position
                    + " is outside the file of " + length + " bytes");
        }
    }
}
