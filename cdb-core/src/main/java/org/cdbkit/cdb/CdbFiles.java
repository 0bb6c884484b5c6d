package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Opens a database whose width the caller does not know: a cdb ({@link CdbReader}) or a cdb64
 * ({@link Cdb64Reader}), told apart by the header.
 *
 * <p>A database's 256 header entries describe hash tables that lie one after another, the first
 * at or after the header, the last ending exactly at the end of the file. Read as a cdb (4-byte
 * position and count, 8-byte slots, the first table at 2048 or later) and as a cdb64 (8-byte
 * position and count, 16-byte slots, at 4096 or later), the header of a file written by either
 * writer is consistent in one reading; the width whose reading is consistent is chosen. If
 * neither is, the file is no database: {@link CdbFormatException}. If both are (possible only for
 * files made to be), the name decides: one ending in {@code .cdb64} is read as a cdb64, any
 * other as a cdb. Only the header is looked at: the records and slots are checked as lookups
 * reach them, as the readers always do.
 */
public final class CdbFiles {
    private CdbFiles() {
    }

    /** Maps {@code file} and opens it as the width its header describes (see the class comment). */
    public static CdbDatabase open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        MappedInput input = MappedInput.map(file);
        try {
            Path name = file.getFileName();
            return open(input, name == null ? null : name.toString());
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** Opens {@code file} as a database of the given width, without looking at which it is. */
    public static CdbDatabase open(Path file, CdbWidth width) throws IOException {
        Objects.requireNonNull(width, "width");
        return width == CdbWidth.CDB64 ? Cdb64Reader.open(file) : CdbReader.open(file);
    }

    /**
     * Opens a mapped file as the width its header describes; {@code name} (may be null) breaks a
     * tie. The input is not closed on failure.
     */
    public static CdbDatabase open(MappedInput input, String name) throws CdbFormatException {
        return widthOf(input, name) == CdbWidth.CDB64 ? Cdb64Reader.open(input) : CdbReader.open(input);
    }

    /** The width whose reading of the header is consistent (see the class comment). */
    public static CdbWidth widthOf(MappedInput input, String name) throws CdbFormatException {
        Objects.requireNonNull(input, "input");
        boolean cdb = headerIsConsistent(input, CdbWidth.CDB32);
        boolean cdb64 = headerIsConsistent(input, CdbWidth.CDB64);
        if (cdb && cdb64) {
            return name != null && name.endsWith(CdbWidth.CDB64.extension()) ? CdbWidth.CDB64 : CdbWidth.CDB32;
        }
        if (cdb || cdb64) {
            return cdb ? CdbWidth.CDB32 : CdbWidth.CDB64;
        }
        throw new CdbFormatException("file of " + input.length() + " bytes is neither a cdb nor a cdb64:"
                + " read either way, its header's 256 hash tables do not lie one after another from the end"
                + " of the records to the end of the file");
    }

    /** Whether the header, read in {@code width}, describes tables that tile the file's end exactly. */
    static boolean headerIsConsistent(MappedInput input, CdbWidth width) {
        long length = input.length();
        int number = width.numberSize();
        if (length < width.headerSize() || length > width.maxFileSize()) {
            return false;
        }
        long expected = width.headerSize(); // table 0 starts after the records, at the header's end or later
        for (int t = 0; t < CdbFormat.TABLE_COUNT; t++) {
            long entry = (long) t * 2 * number;
            long position = number == 4 ? input.readUnsignedInt(entry) : input.readLong(entry);
            long slots = number == 4 ? input.readUnsignedInt(entry + 4) : input.readLong(entry + 8);
            if (t == 0 ? position < expected : position != expected) {
                return false;
            }
            // overflow-safe: each quantity compared with what the file has room for
            if (position < 0 || position > length || slots < 0 || slots > (length - position) / width.slotSize()) {
                return false;
            }
            expected = position + slots * width.slotSize();
        }
        return expected == length;
    }
}
