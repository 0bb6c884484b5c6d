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
 */
public final class CdbSequentialReader {
    private static final int BLOCK = 8192;

    private final InputStream in;
    private final byte[] buffer = new byte[BLOCK];
    private final byte[] number = new byte[4];
    private int next;
    private int end;
    private long position;
    private long recordsEnd = -1;
    private long keyLength;
    private long valueLength;

    public CdbSequentialReader(InputStream in) {
        Objects.requireNonNull(in, "in");
        this.in = in;
    }

    /** Reads the header; returns where the records end (the position of hash table 0). */
    public long readHeader() throws IOException {
        recordsEnd = readNumber();
        while (position < CdbFormat.HEADER_SIZE) {
            readNumber();
        }
        return recordsEnd;
    }

    /** Whether another record starts before the end of the records. */
    public boolean hasNextRecord() {
        if (recordsEnd < 0) {
            throw new IllegalStateException("read the header first");
        }
        return position < recordsEnd;
    }

    /** Reads the next record's key and data lengths; the key and data follow in the stream. */
    public void readRecordHeader() throws IOException {
        keyLength = readNumber();
        valueLength = readNumber();
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

    private long readNumber() throws IOException {
        readFully(number, 0, 4);
        return (number[0] & 0xff) | (number[1] & 0xff) << 8 | (number[2] & 0xff) << 16
                | (long) (number[3] & 0xff) << 24;
    }

    private void fill(long wanted) throws IOException {
        int n = in.read(buffer, 0, BLOCK);
        if (n <= 0) {
            throw new CdbFormatException(Kind.TRUNCATED, "truncated file: the input ends at byte " + position
                    + (recordsEnd < 0 || position < CdbFormat.HEADER_SIZE ? ", inside the 2048-byte header"
                            : ", " + wanted + " bytes short of the end of a record"));
        }
        next = 0;
        end = n;
    }
}
