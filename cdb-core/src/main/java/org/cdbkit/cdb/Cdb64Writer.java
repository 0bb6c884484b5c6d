package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.Objects;

/**
 * Writes a cdb64 ({@link Cdb64Format}) as {@link CdbWriter} writes a cdb, and with the same
 * API: the 4096-byte header reserved, the records in the order given (16-byte lengths
 * header, key, data), then at {@link #finish()} the 256 tables of 16-byte slots laid out as
 * cdbmake lays out its 8-byte ones (table {@code h & 255}, {@code 2n} slots for {@code n}
 * records, first slot {@code (h >>> 8) mod 2n}, linear probing, records in insertion order).
 *
 * <p>Memory: 16 bytes a record plus fixed buffers (and, while finishing, 32 bytes a record of
 * the largest table). A record that would take the file past 2^63 - 1 bytes, the most a file
 * channel can address, is refused with {@link CdbTooLargeException} before any of it is written.
 *
 * <p>Not thread-safe. The channel, empty or truncated by the caller, is written from position 0
 * and is not closed by this class.
 */
public final class Cdb64Writer extends StreamingCdbWriter {
    public Cdb64Writer(FileChannel channel) throws IOException {
        this(Objects.requireNonNull(channel, "channel"), null, false);
    }

    /** As {@link CdbWriter#CdbWriter(FileChannel, BackgroundSync, boolean)}. */
    Cdb64Writer(FileChannel channel, BackgroundSync sync, boolean writeBehind) throws IOException {
        super(channel, sync, writeBehind, CdbWidth.CDB64);
    }

    @Override
    void checkRoom(long keyLength, long valueLength) throws CdbTooLargeException {
        // position < 2^62 and at most 2^40 records in practice, so this cannot overflow
        long room = Long.MAX_VALUE - position - Cdb64Format.RECORD_OVERHEAD * (slots.total() + 1);
        if (keyLength > room || valueLength > room - keyLength) {
            throw new CdbTooLargeException("record " + (slots.total() + 1) + " of key length " + keyLength
                    + " and data length " + valueLength + " would make the database larger than "
                    + Long.MAX_VALUE + " bytes, the most a file can hold");
        }
    }

    @Override
    void putLengths(long keyLength, long valueLength) {
        putLong(keyLength);
        putLong(valueLength);
    }

    @Override
    void addSlot(long hash, long recordPosition) {
        slots.add64(hash, recordPosition);
    }

    @Override
    ByteBuffer putTables() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(Cdb64Format.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        // table[2s] is slot s's hash, table[2s + 1] its record position (0: empty)
        long[] table = new long[Math.max(4, 4 * slots.maxCount())];
        for (int t = 0; t < Cdb64Format.TABLE_COUNT; t++) {
            int records = slots.count(t);
            int length = 2 * records;
            header.putLong(position).putLong(length);
            Arrays.fill(table, 0, 2 * length, 0L);
            for (int i = 0; i < records; i++) {
                long hash = slots.entry(t, 2 * i);
                long recordPosition = slots.entry(t, 2 * i + 1); // never 0: positions start at 4096
                int where = (int) ((hash >>> 8) % length); // hash >>> 8 is positive: % is the unsigned remainder
                while (table[2 * where + 1] != 0) {
                    if (++where == length) {
                        where = 0;
                    }
                }
                table[2 * where] = hash;
                table[2 * where + 1] = recordPosition;
            }
            for (int i = 0; i < 2 * length;) {
                for (int end = Math.min(2 * length, i + room(8)); i < end; i++) {
                    putLong(table[i]);
                }
            }
            position += (long) Cdb64Format.SLOT_SIZE * length;
        }
        return header.flip();
    }
}
