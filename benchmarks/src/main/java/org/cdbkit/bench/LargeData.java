package org.cdbkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbSink;
import org.cdbkit.cdb.CdbWidth;

/**
 * The large-database benchmarks' files: keys {@code key-%010d}, values of 1000 bytes (a fixed
 * pattern with the record's number at both ends), as many records as make 5 GiB for cdb64, and
 * for cdb as many as fit under its 4 GiB wall (3.75 GiB), so that the two compare per record.
 */
public final class LargeData {
    static final int VALUE_LENGTH = 1000;
    static final int KEY_LENGTH = 14;

    private LargeData() {
    }

    /** The records to write for a width: 5 GiB of cdb64, 3.75 GiB of cdb. */
    public static long records(CdbWidth width) {
        long target = width == CdbWidth.CDB64 ? 5L << 30 : 15L << 28;
        // each record: its header, key and value, and two slots in the tables
        long perRecord = width.recordHeaderSize() + KEY_LENGTH + VALUE_LENGTH + 2L * width.slotSize();
        return (target - width.headerSize()) / perRecord;
    }

    public static byte[] key(long i) {
        return String.format("key-%010d", i).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the file for {@code width} atomically; returns its number of records. */
    public static long write(Path file, CdbWidth width) throws IOException {
        long records = records(width);
        byte[] key = new byte[KEY_LENGTH];
        byte[] value = new byte[VALUE_LENGTH];
        for (int i = 0; i < VALUE_LENGTH; i++) {
            value[i] = (byte) (i * 31 + 7);
        }
        try (AtomicCdbFile out = AtomicCdbFile.create(file, file.resolveSibling(file.getFileName() + ".tmp"), width)) {
            CdbSink sink = out.sink();
            for (long i = 0; i < records; i++) {
                keyInto(key, i);
                for (int b = 0; b < 4; b++) {
                    value[b] = (byte) (i >>> (8 * b));
                    value[VALUE_LENGTH - 1 - b] = (byte) (i >>> (8 * b));
                }
                sink.add(key, value);
            }
            out.commit();
        }
        return records;
    }

    /** {@code key-%010d} into {@code key}, without a String a record. */
    static void keyInto(byte[] key, long i) {
        key[0] = 'k';
        key[1] = 'e';
        key[2] = 'y';
        key[3] = '-';
        for (int d = KEY_LENGTH - 1; d >= 4; d--) {
            key[d] = (byte) ('0' + i % 10);
            i /= 10;
        }
    }
}
