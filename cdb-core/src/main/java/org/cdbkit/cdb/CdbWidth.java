package org.cdbkit.cdb;

/**
 * The two widths of the cdb layout: cdb's 32-bit numbers ({@link CdbFormat}) and cdb64's
 * 64-bit ones ({@link Cdb64Format}). Everything else (256 tables, two slots a record, the
 * hash, the probing) is the same, so code that walks the layout takes a width instead of
 * coming in two copies.
 */
public enum CdbWidth {
    /** cdb: 4-byte numbers, a 2048-byte header, 8-byte slots, files up to 4 GiB. */
    CDB32(4, CdbFormat.MAX_FILE_SIZE, ".cdb"),
    /** cdb64: 8-byte numbers, a 4096-byte header, 16-byte slots. */
    CDB64(8, Long.MAX_VALUE, ".cdb64");

    private final int numberSize;
    private final long maxFileSize;
    private final String extension;

    CdbWidth(int numberSize, long maxFileSize, String extension) {
        this.numberSize = numberSize;
        this.maxFileSize = maxFileSize;
        this.extension = extension;
    }

    /** Bytes of every position, length, count and hash in the file: 4 or 8. */
    public int numberSize() {
        return numberSize;
    }

    /** 256 (position, slot count) pairs: 2048 or 4096 bytes; the records start here. */
    public int headerSize() {
        return CdbFormat.TABLE_COUNT * 2 * numberSize;
    }

    /** A record's key length and data length. */
    public int recordHeaderSize() {
        return 2 * numberSize;
    }

    /** A slot's hash and record position. */
    public int slotSize() {
        return 2 * numberSize;
    }

    /** The largest file the format can address (for cdb64, the most a Java file channel can hold). */
    public long maxFileSize() {
        return maxFileSize;
    }

    /** The usual name ending of such files: {@code .cdb} or {@code .cdb64}. */
    public String extension() {
        return extension;
    }
}
