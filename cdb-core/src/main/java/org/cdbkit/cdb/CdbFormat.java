package org.cdbkit.cdb;

/** Constants of the cdb file layout, shared by the writer and the reader. */
public final class CdbFormat {
    /** 256 (position, slot count) pairs of 32-bit little-endian integers. */
    public static final int HEADER_SIZE = 2048;
    public static final int TABLE_COUNT = 256;
    /** Every position in the file is an unsigned 32-bit integer, so a file ends at most here. */
    public static final long MAX_FILE_SIZE = 0xFFFFFFFFL;
    /** Each record starts with its key length and data length. */
    public static final int RECORD_HEADER_SIZE = 8;
    /** A hash table slot: the key's hash, then the record's position (0 for an empty slot). */
    public static final int SLOT_SIZE = 8;

    private CdbFormat() {
    }
}
