package org.cdbkit.cdb;

import java.nio.ByteBuffer;

/**
 * One record of a cdb or cdb64, located in the mapped file; key and value are read on demand.
 * The reader that made it has checked that the whole record lies in the file.
 */
public final class CdbRecord {
    private final MappedInput input;
    private final long position;
    /** The lengths before the key: 8 bytes in a cdb, 16 in a cdb64. */
    private final int headerSize;
    private final long keyLength;
    private final long valueLength;

    CdbRecord(MappedInput input, long position, int headerSize, long keyLength, long valueLength) {
        this.input = input;
        this.position = position;
        this.headerSize = headerSize;
        this.keyLength = keyLength;
        this.valueLength = valueLength;
    }

    /** Where the record starts (its length header). */
    public long position() {
        return position;
    }

    /** The size of the record's lengths header: 8 bytes in a cdb, 16 in a cdb64. */
    public int headerSize() {
        return headerSize;
    }

    public long keyLength() {
        return keyLength;
    }

    public long valueLength() {
        return valueLength;
    }

    public long keyPosition() {
        return position + headerSize;
    }

    public long valuePosition() {
        return keyPosition() + keyLength;
    }

    /** The position just past this record. */
    public long end() {
        return valuePosition() + valueLength;
    }

    /** The key as a read-only view of the file. */
    public ByteBuffer key() {
        return input.slice(keyPosition(), CdbReader.checkedLength(keyLength));
    }

    /** The value as a read-only view of the file. */
    public ByteBuffer value() {
        return input.slice(valuePosition(), CdbReader.checkedLength(valueLength));
    }

    public byte[] keyBytes() {
        byte[] copy = new byte[CdbReader.checkedLength(keyLength)];
        input.readBytes(keyPosition(), copy, 0, copy.length);
        return copy;
    }

    public byte[] valueBytes() {
        byte[] copy = new byte[CdbReader.checkedLength(valueLength)];
        input.readBytes(valuePosition(), copy, 0, copy.length);
        return copy;
    }

    /** Where the record is, its key (printable bytes as they are, others as \xNN, cut at 40) and its value's size. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CdbRecord[at ").append(position).append(": key \"");
        long shown = Math.min(keyLength, PREVIEW);
        try {
            byte[] start = new byte[(int) shown];
            input.readBytes(keyPosition(), start, 0, start.length);
            for (byte b : start) {
                int c = b & 0xff;
                if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                    s.append((char) c);
                } else {
                    s.append(String.format("\\x%02x", c));
                }
            }
        } catch (RuntimeException e) {
            s.append("(unreadable)");
        }
        return s.append(keyLength > shown ? "\"..." : "\"").append(" (").append(keyLength).append(" bytes), value ")
                .append(valueLength).append(" bytes]").toString();
    }

    private static final int PREVIEW = 40;
}
