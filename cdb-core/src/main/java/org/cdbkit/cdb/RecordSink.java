package org.cdbkit.cdb;

import java.io.IOException;

/**
 * Receives records in pieces, so that keys and data need not fit in memory: one
 * {@link #beginRecord}, the key's bytes, the data's bytes, then {@link #endRecord}.
 */
public interface RecordSink {
    void beginRecord(long keyLength, long valueLength) throws IOException;

    void key(byte[] bytes, int offset, int length) throws IOException;

    void value(byte[] bytes, int offset, int length) throws IOException;

    void endRecord() throws IOException;
}
