package org.cdbkit.cdb;

import java.nio.ByteBuffer;

/**
 * A file over one segment, mapped in segments of {@code 2^shift} bytes (1 GiB; one buffer stops
 * at 2 GiB). A read inside one segment is one access; one that straddles two is stitched.
 */
final class SegmentedInput extends MappedInput {
    private final ByteBuffer[] segments;
    private final int shift;
    private final long mask;

    SegmentedInput(long length, Mapping mapping, ByteBuffer[] segments, int shift) {
        super(length, mapping);
        this.segments = segments;
        this.shift = shift;
        this.mask = (1L << shift) - 1;
    }

    private ByteBuffer segment(long position) {
        return segments[(int) (position >>> shift)];
    }

    @Override
    byte byteAt(long position) {
        return segment(position).get((int) (position & mask));
    }

    @Override
    int intAt(long position) {
        int offset = (int) (position & mask);
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

    @Override
    long longAt(long position) {
        int offset = (int) (position & mask);
        ByteBuffer segment = segment(position);
        if (offset + 8 <= segment.limit()) {
            return segment.getLong(offset);
        }
        return (intAt(position) & 0xFFFFFFFFL) | ((long) intAt(position + 4) << 32);
    }

    @Override
    void copyAt(long position, byte[] destination, int offset, int length) {
        while (length > 0) {
            int inSegment = (int) (position & mask);
            ByteBuffer segment = segment(position);
            int n = Math.min(length, segment.limit() - inSegment);
            segment.get(inSegment, destination, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    @Override
    boolean equalsAt(long position, byte[] bytes, int offset, int length) {
        if (length == 0) {
            return true;
        }
        int inSegment = (int) (position & mask);
        ByteBuffer segment = segment(position);
        if (inSegment + length <= segment.limit()) {
            return equalsIn(segment, inSegment, bytes, offset, length);
        }
        for (int i = 0; i < length; i++) {
            if (byteAt(position + i) != bytes[offset + i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    ByteBuffer viewAt(long position, int length) {
        int offset = (int) (position & mask);
        ByteBuffer segment = segment(position);
        return offset + length <= segment.limit() ? segment.slice(offset, length) : null;
    }
}
