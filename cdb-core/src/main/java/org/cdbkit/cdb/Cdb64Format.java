package org.cdbkit.cdb;

/**
 * Constants of the cdb64 file layout (djb's cdb-20251021): cdb's layout with every 4-byte
 * quantity widened to 8 bytes, all little-endian. Positions and lengths are unsigned 64-bit
 * numbers in the format; anything that does not lie inside the file (which covers every value
 * from 2^63 up) is corruption.
 */
public final class Cdb64Format {
    /** 256 (table position, slot count) pairs of 64-bit little-endian integers. */
    public static final int HEADER_SIZE = 4096;
    public static final int TABLE_COUNT = 256;
    /** Each record starts with its key length and data length, 8 bytes each. */
    public static final int RECORD_HEADER_SIZE = 16;
    /** A hash table slot: the key's 64-bit hash, then the record's position (0 for an empty slot). */
    public static final int SLOT_SIZE = 16;
    /** What a record costs beyond its key and data: its header and its two slots. */
    public static final int RECORD_OVERHEAD = RECORD_HEADER_SIZE + 2 * SLOT_SIZE;

    private Cdb64Format() {
    }
}
