package org.cdbkit.cdb;

/**
 * The (hash, position) pair of every record added so far, kept per hash table in insertion
 * order, in chunks so that growing never copies more than one small chunk and finishing needs
 * no second array of all records (cdbmake's "split" array). For cdb a pair is one long (8
 * bytes a record: the 32-bit hash high, the position low); for cdb64 it is two (16 bytes a
 * record: the 64-bit hash, then the position).
 */
final class SlotLists {
    private static final int FIRST_CHUNK = 16;
    private static final int CHUNK = 4096;

    /** 0 when a pair is one long (cdb), 1 when it is two (cdb64). */
    private final int pairShift;
    /** chunks[table][i]: full chunks of CHUNK longs, except the last, which may be smaller. */
    private final long[][][] chunks = new long[CdbFormat.TABLE_COUNT][][];
    private final int[] chunkCount = new int[CdbFormat.TABLE_COUNT];
    /** Longs stored per table. */
    private final int[] counts = new int[CdbFormat.TABLE_COUNT];
    private long total;

    /** Pairs for cdb: one long each. */
    SlotLists() {
        this(CdbWidth.CDB32);
    }

    SlotLists(CdbWidth width) {
        this.pairShift = width == CdbWidth.CDB64 ? 1 : 0;
    }

    /** A cdb pair: the 32-bit hash and a position below 4 GiB. */
    void add(int hash, long position) {
        append(hash & 0xff, ((long) hash << 32) | position);
        total++;
    }

    /** A cdb64 pair: two longs (on lists made for {@link CdbWidth#CDB64}). */
    void add64(long hash, long position) {
        int table = (int) hash & 0xff;
        append(table, hash);
        append(table, position);
        total++;
    }

    private void append(int table, long value) {
        int n = counts[table];
        int indexInChunk = n & (CHUNK - 1);
        int chunkIndex = n >>> 12;
        long[][] tableChunks = chunks[table];
        if (tableChunks == null) {
            tableChunks = chunks[table] = new long[4][];
        }
        long[] chunk;
        if (chunkIndex < chunkCount[table]) {
            chunk = tableChunks[chunkIndex];
            if (indexInChunk == chunk.length) {
                // only the first chunk grows; later ones are allocated full size
                long[] bigger = new long[Math.min(CHUNK, chunk.length * 2)];
                System.arraycopy(chunk, 0, bigger, 0, chunk.length);
                chunk = tableChunks[chunkIndex] = bigger;
            }
        } else {
            if (chunkIndex == tableChunks.length) {
                long[][] more = new long[tableChunks.length * 2][];
                System.arraycopy(tableChunks, 0, more, 0, tableChunks.length);
                tableChunks = chunks[table] = more;
            }
            chunk = tableChunks[chunkIndex] = new long[chunkIndex == 0 ? FIRST_CHUNK : CHUNK];
            chunkCount[table]++;
        }
        chunk[indexInChunk] = value;
        counts[table] = n + 1;
    }

    /** Records in a table. */
    int count(int table) {
        return counts[table] >>> pairShift;
    }

    long total() {
        return total;
    }

    int maxCount() {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max >>> pairShift;
    }

    /**
     * The i-th long of a table, in insertion order: for cdb, record i's pair (hash in the high
     * 32 bits, position low); for cdb64, record i/2's hash (i even) or position (i odd).
     */
    long entry(int table, int i) {
        return chunks[table][i >>> 12][i & (CHUNK - 1)];
    }
}
