package org.cdbkit.cdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A database being written, of either width: what {@link CdbWriter} (cdb) and
 * {@link Cdb64Writer} (cdb64) both offer, so that a tool or {@link AtomicCdbFile} can write
 * either without knowing which. Records come whole ({@code add}) or in pieces
 * ({@link RecordSink}); {@link #finish()} writes the hash tables and the header.
 */
public interface CdbSink extends RecordSink, Closeable {
    /** Which layout this writes. */
    CdbWidth width();

    /** The number of records added so far. */
    long recordCount();

    void add(byte[] key, byte[] value) throws IOException;

    void add(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
            throws IOException;

    /** Adds the remaining bytes of {@code key} and {@code value}; their positions are not changed. */
    void add(ByteBuffer key, ByteBuffer value) throws IOException;

    /** Writes the hash tables and the header: the file is complete once this returns. */
    void finish() throws IOException;

    /** Marks the writer unusable; the channel belongs to the caller. */
    @Override
    void close();
}
