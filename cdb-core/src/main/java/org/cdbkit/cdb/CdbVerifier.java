package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Checks that every record can be found through the hash tables, as cdb-0.75's cdbtest does:
 * each record, read in file order, has its key looked up, and the first record found for it
 * is compared with the one read. A later record with a duplicate key counts as "different
 * record"; keys over 1024 bytes are not tested. Works on either width, as {@link CdbStats}.
 */
public final class CdbVerifier {
    private long found;
    private long differentRecord;
    private long badLength;
    private long notFound;
    private long untested;

    private CdbVerifier() {
    }

    /** Verifies the cdb in {@code file}. */
    public static CdbVerifier of(Path file) throws IOException {
        return of(file, CdbWidth.CDB32);
    }

    /** Verifies the database of the given width in {@code file}. */
    public static CdbVerifier of(Path file, CdbWidth width) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(width, "width");
        try (CdbDatabase reader = CdbFiles.open(file, width);
                InputStream in = Files.newInputStream(file)) {
            return of(in, reader);
        }
    }

    /**
     * Verifies a database read in sequence from {@code records} against {@code index} (the same
     * database, mapped; its width is the one the records are read in).
     */
    public static CdbVerifier of(InputStream records, CdbDatabase index) throws IOException {
        CdbVerifier result = new CdbVerifier();
        new CdbSequentialReader(records, index.width()).forEachKey(CdbStats.MAX_KEY,
                new CdbSequentialReader.KeyVisitor() {
            @Override
            public void key(byte[] key, long dataPosition, long dataLength) throws IOException {
                CdbFinder finder = index.find(key);
                if (!finder.next()) {
                    result.notFound++;
                } else if (finder.valuePosition() != dataPosition) {
                    result.differentRecord++;
                } else if (finder.valueLength() != dataLength) {
                    result.badLength++;
                } else {
                    result.found++;
                }
            }

            @Override
            public void longKey(long keyLength) {
                result.untested++;
            }
        });
        return result;
    }

    public long found() {
        return found;
    }

    public long differentRecord() {
        return differentRecord;
    }

    public long badLength() {
        return badLength;
    }

    public long notFound() {
        return notFound;
    }

    public long untested() {
        return untested;
    }
}
