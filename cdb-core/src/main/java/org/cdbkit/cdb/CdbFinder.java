package org.cdbkit.cdb;

import java.nio.ByteBuffer;

/**
 * One lookup in progress in a database of either width, as cdb's {@code cdb_findnext}: each
 * {@link #next()} moves to the next record with the key, in the order they were added.
 * {@link CdbReader.Finder} and {@link Cdb64Reader.Finder} are the two; not thread-safe.
 */
public interface CdbFinder extends AutoCloseable {
    /** Starts a new lookup of {@code key[offset, offset + length)}; the array is read, not copied. */
    CdbFinder start(byte[] key, int offset, int length);

    /** Moves to the next record with the key; false when there is none. */
    boolean next() throws CdbFormatException;

    /** Where the current record's data starts in the file. */
    long valuePosition();

    long valueLength();

    /** Occupied slots examined so far (cdb's {@code loop}, which cdbstats counts). */
    long probes() throws CdbFormatException;

    /** The current record's data as a read-only buffer (a view where the JDK allows, see {@link MappedInput#slice}). */
    ByteBuffer value() throws CdbFormatException;

    /** The current record's data, copied. */
    byte[] valueBytes() throws CdbFormatException;

    /** Done with this finder; idempotent. */
    @Override
    void close();
}
