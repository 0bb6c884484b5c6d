package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.cdbkit.cdb.CdbFormatException.Kind;

/**
 * How far each record sits from its key's first slot, as cdbstats computes it: records are
 * read in file order and each key is looked up until that very record is found; the distance
 * is the number of occupied slots probed before it (slots of other keys and of earlier
 * records with the same key count). Keys over 1024 bytes are not counted, as in cdbstats.
 * Works on either width: the index says which ({@link CdbDatabase#width()}), and the records are
 * read in that layout.
 */
public final class CdbStats {
    /** cdbstats and cdbtest look up keys of at most this many bytes. */
    public static final int MAX_KEY = 1024;
    /** Distances 0 to 9 are counted one by one; 10 and more together. */
    public static final int BUCKETS = 11;

    private long records;
    private final long[] distances = new long[BUCKETS];

    private CdbStats() {
    }

    /** Computes the figures of the cdb in {@code file}. */
    public static CdbStats of(Path file) throws IOException {
        return of(file, CdbWidth.CDB32);
    }

    /** Computes the figures of the database of the given width in {@code file}. */
    public static CdbStats of(Path file, CdbWidth width) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(width, "width");
        try (CdbDatabase reader = CdbFiles.open(file, width);
                InputStream in = Files.newInputStream(file)) {
            return of(in, reader);
        }
    }

    /**
     * Computes the figures of a database read in sequence from {@code records}, looking keys up
     * in {@code index} (the same database, mapped; its width is the one the records are read in).
     */
    public static CdbStats of(InputStream records, CdbDatabase index) throws IOException {
        CdbStats stats = new CdbStats();
        int recordHeaderSize = index.width().recordHeaderSize();
        new CdbSequentialReader(records, index.width()).forEachKey(MAX_KEY, new CdbSequentialReader.KeyVisitor() {
            @Override
            public void key(byte[] key, long dataPosition, long dataLength) throws IOException {
                CdbFinder finder = index.find(key);
                do {
                    if (!finder.next()) {
                        long recordPosition = dataPosition - key.length - recordHeaderSize;
                        throw new CdbFormatException(Kind.NOT_INDEXED, "record at " + recordPosition
                                + ": its key does not lead to it through the hash tables");
                    }
                } while (finder.valuePosition() != dataPosition);
                stats.records++;
                stats.distances[(int) Math.min(finder.probes() - 1, BUCKETS - 1)]++;
            }

            @Override
            public void longKey(long keyLength) {
                // not counted, as in cdbstats
            }
        });
        return stats;
    }

    /** Records counted (those with keys of at most 1024 bytes). */
    public long records() {
        return records;
    }

    /** Records at distance {@code d} (0 to 9), or at 10 and more for {@code d == 10}. */
    public long distance(int d) {
        return distances[d];
    }
}
