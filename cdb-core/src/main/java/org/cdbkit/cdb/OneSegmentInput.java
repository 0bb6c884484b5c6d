package org.cdbkit.cdb;

import java.nio.ByteBuffer;

/** A file of up to one segment (1 GiB): every read is one buffer access, no arithmetic. */
final class OneSegmentInput extends MappedInput {
    private final ByteBuffer buffer;

    OneSegmentInput(long length, Mapping mapping, ByteBuffer buffer) {
        super(length, mapping);
        this.buffer = buffer;
    }

    @Override
    byte byteAt(long position) {
        return buffer.get((int) position);
    }

    @Override
    int intAt(long position) {
        return buffer.getInt((int) position);
    }

    @Override
    long longAt(long position) {
        return buffer.getLong((int) position);
    }

    @Override
    void copyAt(long position, byte[] destination, int offset, int length) {
        buffer.get((int) position, destination, offset, length);
    }

    @Override
    boolean equalsAt(long position, byte[] bytes, int offset, int length) {
        return equalsIn(buffer, (int) position, bytes, offset, length);
    }

    @Override
    ByteBuffer viewAt(long position, int length) {
        return buffer.slice((int) position, length);
    }
}
