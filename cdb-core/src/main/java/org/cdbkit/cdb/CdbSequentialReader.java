package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

import org.cdbkit.cdb.CdbFormatException.Kind;

/**
 * Reads a cdb front to back from a stream, as cdbdump does: the header (of which only the end
 * of the records is used), then each record's lengths, key and data. Needs no seeking, so it
 * works on pipes, and never looks at the hash tables. The end of the records is trusted as
 * cdbdump trusts it; the stream ending early is a {@link CdbFormatException} of kind
 * {@link Kind#TRUNCATED}.
 *
 * <p>Reads the stream in blocks of 8 KiB, each through one {@code read} call, so a wrapper
 * around the stream sees the same reads as djb's buffered input would make.
 *
 * <p>Reads either width ({@link #CdbSequentialReader(InputStream, CdbWidth)}); a cdb64's numbers
 * are unsigned 64-bit. A record length of 2^63 or more (negative as a Java long) cannot be in
 * any stream, so it is reported at once as a truncation, where cdb64dump would find the same
 * after reading the rest of the input.
 */
public final class CdbSequentialReader {
    private static final int BLOCK = 8192;

    private final InputStream in;
    private final byte[] buffer = new byte[BLOCK];
    private final CdbWidth width;
    private final byte[] number;
    private int next;
    private int end;
    private long position;
    private boolean headerRead;
    /** Unsigned: in a cdb64 it may be 2^63 or more, which the input then ends before. */
    private long recordsEnd;
    private long keyLength;
    private long valueLength;

    /** A reader of a cdb. */
    public CdbSequentialReader(InputStream in) {
        this(in, CdbWidth.CDB32);
    }

    /** A reader of a database of the given width. */
    public CdbSequentialReader(InputStream in, CdbWidth width) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(width, "width");
        this.in = in;
        this.width = width;
        this.number = new byte[width.numberSize()];
    }

    public CdbWidth width() {
        return width;
    }

    /**
     * Reads the header; returns where the records end (the position of hash table 0; for a
     * cdb64, unsigned).
     */
    public long readHeader() throws IOException {
        recordsEnd = readNumber();
        while (position < width.headerSize()) {
            readNumber();
        }
        headerRead = true;
        return recordsEnd;
    }

    /** Whether another record starts before the end of the records. */
    public boolean hasNextRecord() {
        if (!headerRead) {
            throw new IllegalStateException("read the header first");
        }
        return Long.compareUnsigned(position, recordsEnd) < 0;
    }

    /** Reads the next record's key and data lengths; the key and data follow in the stream. */
    public void readRecordHeader() throws IOException {
        long recordPosition = position;
        keyLength = readNumber();
        valueLength = readNumber();
        if (keyLength < 0 || valueLength < 0) {
            throw new CdbFormatException(Kind.TRUNCATED, "truncated file: the record at " + recordPosition
                    + " has key length " + Long.toUnsignedString(keyLength) + " and data length "
                    + Long.toUnsignedString(valueLength) + ", more than any input holds");
        }
    }

    public long keyLength() {
        return keyLength;
    }

    public long valueLength() {
        return valueLength;
    }

    /** How many bytes have been consumed: the file position of the next byte. */
    public long position() {
        return position;
    }

    /** Reads exactly {@code length} bytes, or fails with a truncation. */
    public void readFully(byte[] destination, int offset, int length) throws IOException {
        while (length > 0) {
            if (next == end) {
                fill(length);
            }
            int n = Math.min(length, end - next);
            System.arraycopy(buffer, next, destination, offset, n);
            next += n;
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** Reads and discards exactly {@code length} bytes, or fails with a truncation. */
    public void skip(long length) throws IOException {
        while (length > 0) {
            if (next == end) {
                fill(length);
            }
            int n = (int) Math.min(length, end - next);
            next += n;
            position += n;
            length -= n;
        }
    }

    /** Receives each record's key as cdbstats and cdbtest read them. */
    public interface KeyVisitor {
        /** A key of at most the limit: where the record's data starts and how long it is. */
        void key(byte[] key, long dataPosition, long dataLength) throws IOException;

        /** A key over the limit, which is skipped unread. */
        void longKey(long keyLength) throws IOException;
    }

    /**
     * Reads the whole database (header included), handing every key of at most
     * {@code maxKeyLength} bytes to {@code visitor}; longer keys and all data are skipped.
     */
    public void forEachKey(int maxKeyLength, KeyVisitor visitor) throws IOException {
        readHeader();
        while (hasNextRecord()) {
            readRecordHeader();
            long length = keyLength;
            long dataLength = valueLength;
            if (length > maxKeyLength) {
                skip(length);
                visitor.longKey(length);
            } else {
                byte[] key = new byte[(int) length];
                readFully(key, 0, key.length);
                visitor.key(key, position, dataLength);
            }
            skip(dataLength);
        }
    }

    /** An unsigned little-endian number of the width's size (a cdb64's may come back negative). */
    private long readNumber() throws IOException {
        readFully(number, 0, number.length);
        long n = 0;
        for (int i = number.length - 1; i >= 0; i--) {
            n = n << 8 | (number[i] & 0xff);
        }
        return n;
    }

    private void fill(long wanted) throws IOException {
        int n = in.read(buffer, 0, BLOCK);
        if (n <= 0) {
            throw new CdbFormatException(Kind.TRUNCATED, "truncated file: the input ends at byte " + position
                    + (!headerRead || position < width.headerSize() ? ", inside the " + width.headerSize() + "-byte header"
                            : ", " + wanted + " bytes short of the end of a record"));
        }
        next = 0;
        end = n;
    }
}
