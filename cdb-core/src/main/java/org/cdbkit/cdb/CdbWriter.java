package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes a cdb as cdbmake does, record by record, to a file channel: the header is reserved,
 * the records follow in the order given, then {@link #finish()} writes the 256 hash tables and
 * the header. The bytes are identical to cdbmake's for the same records in the same order.
 *
 * <p>Memory: 8 bytes a record plus fixed buffers. A record that would take the file past the
 * 4 GiB limit of the format is refused with {@link CdbTooLargeException} before any of it is
 * written. Records can be added whole ({@link #add(byte[], byte[])}) or streamed in pieces
 * ({@link #beginRecord}, {@link #key}, {@link #value}, {@link #endRecord}) for keys and data
 * that do not fit in memory. {@link Cdb64Writer} is its cdb64 twin; both are {@link CdbSink}s.
 *
 * <p>Not thread-safe. The channel, empty or truncated by the caller, is written from position 0
 * and is not closed by this class.
 */
public final class CdbWriter extends StreamingCdbWriter {
    public CdbWriter(FileChannel channel) throws IOException {
        this(Objects.requireNonNull(channel, "channel"), null);
    }

    /** As {@link #CdbWriter(FileChannel)}; {@code sync}, if not null, hears how much was written. */
    CdbWriter(FileChannel channel, BackgroundSync sync) throws IOException {
        this(channel, sync, false);
    }

    /**
     * As {@link #CdbWriter(FileChannel, BackgroundSync)}; with {@code writeBehind}, full buffers
     * are written by a thread of their own while the next one fills ({@link AsyncOutput}).
     */
    CdbWriter(FileChannel channel, BackgroundSync sync, boolean writeBehind) throws IOException {
        super(channel, sync, writeBehind, CdbWidth.CDB32);
    }

    @Override
    void checkRoom(long keyLength, long valueLength) throws CdbTooLargeException {
        long end = position + CdbFormat.RECORD_HEADER_SIZE + keyLength + valueLength;
        // every record costs two 8-byte slots in the hash tables written at the end
        long finalSize = end + 16 * (slots.total() + 1);
        if (keyLength > CdbFormat.MAX_FILE_SIZE || valueLength > CdbFormat.MAX_FILE_SIZE
                || finalSize > CdbFormat.MAX_FILE_SIZE) {
            throw new CdbTooLargeException("record " + (slots.total() + 1) + " would make the database "
                    + (finalSize) + " bytes, over the 4 GiB limit of the cdb format (4294967295 bytes)");
        }
    }

    @Override
    void putLengths(long keyLength, long valueLength) {
        putInt((int) keyLength);
        putInt((int) valueLength);
    }

    @Override
    void addSlot(long hash, long recordPosition) {
        slots.add((int) hash, recordPosition); // the low 32 bits of the 64-bit hash are cdb's
    }

    @Override
    ByteBuffer putTables() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(CdbFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long[] table = new long[Math.max(2, 2 * slots.maxCount())];
        for (int t = 0; t < CdbFormat.TABLE_COUNT; t++) {
            int records = slots.count(t);
            int length = 2 * records;
            header.putInt((int) position).putInt(length);
            Arrays.fill(table, 0, length, 0L);
            for (int i = 0; i < records; i++) {
                long entry = slots.entry(t, i); // never 0: positions start at 2048
                int where = (int) ((entry >>> 40) % length); // (hash >>> 8) mod length
                while (table[where] != 0) {
                    if (++where == length) {
                        where = 0;
                    }
                }
                table[where] = entry;
            }
            // each slot is (hash, position), little-endian; as many as the buffer holds at a time
            for (int i = 0; i < length;) {
                for (int end = Math.min(length, i + room(CdbFormat.SLOT_SIZE)); i < end; i++) {
                    long entry = table[i];
                    putInt((int) (entry >>> 32));
                    putInt((int) entry);
                }
            }
            position += (long) CdbFormat.SLOT_SIZE * length;
        }
        return header.flip();
    }
}
