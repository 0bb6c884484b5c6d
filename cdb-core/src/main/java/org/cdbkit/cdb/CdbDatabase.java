package org.cdbkit.cdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The lookups of a mapped database of either width: {@link CdbReader} (cdb) and
 * {@link Cdb64Reader} (cdb64) both are one, and {@link CdbFiles#open} opens a file as the one
 * its header says it is. Any number of threads may look up at once; {@link #close()} unmaps.
 */
public interface CdbDatabase extends Closeable {
    /** Which layout the file is read as. */
    CdbWidth width();

    /** The mapped file. */
    MappedInput input();

    /** The first value stored under {@code key}, as a read-only buffer, or null. */
    ByteBuffer get(byte[] key) throws CdbFormatException;

    /** The first value stored under {@code key}, copied, or null. */
    byte[] getBytes(byte[] key) throws CdbFormatException;

    /** Every value stored under {@code key}, in the order they were added. */
    List<ByteBuffer> getAll(byte[] key) throws CdbFormatException;

    /** A cursor over the records stored under {@code key}, in the order they were added. */
    CdbFinder find(byte[] key);

    /** Where the records end and the hash tables begin: the position of table 0. */
    long recordsEnd() throws CdbFormatException;

    /** The record at {@code position}, checked to lie before {@code limit}. */
    CdbRecord recordAt(long position, long limit) throws CdbFormatException;

    /**
     * Every record in file order, without copying; a corrupt record stops the iteration with
     * a {@link CorruptCdbException}.
     */
    default Iterable<CdbRecord> records() {
        return () -> new RecordScan(this);
    }

    /** Every record in file order, as a callback; stops at the first exception. */
    default void forEachRecord(RecordVisitor visitor) throws IOException {
        long end = recordsEnd();
        long position = width().headerSize();
        while (position < end) {
            CdbRecord record = recordAt(position, end);
            visitor.visit(record);
            position = record.end();
        }
    }

    /** Unmaps the file: lookups after it, or racing with it on other threads, throw {@link IllegalStateException}. */
    @Override
    void close();

    /** Receives records in file order. */
    @FunctionalInterface
    interface RecordVisitor {
        void visit(CdbRecord record) throws IOException;
    }
}
