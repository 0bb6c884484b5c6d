package org.cdbkit.cdb;

/**
 * The (hash, position) pair of every record added so far, kept per hash table in insertion
 * order: 8 bytes a record, in chunks so that growing never copies more than one small chunk
 * and finishing needs no second array of all records (cdbmake's "split" array).
 */
final class SlotLists {
    private static final int FIRST_CHUNK = 16;
    private static final int CHUNK = 4096;

    /** chunks[table][i]: full chunks of CHUNK entries, except the last, which may be smaller. */
    private final long[][][] chunks = new long[CdbFormat.TABLE_COUNT][][];
    private final int[] chunkCount = new int[CdbFormat.TABLE_COUNT];
    private final int[] counts = new int[CdbFormat.TABLE_COUNT];
    private long total;

    void add(int hash, long position) {
        int table = hash & 0xff;
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
        chunk[indexInChunk] = ((long) hash << 32) | position;
        counts[table] = n + 1;
        total++;
    }

    int count(int table) {
        return counts[table];
    }

    long total() {
        return total;
    }

    int maxCount() {
        int max = 0;
        for (int c : counts) {
            max = Math.max(max, c);
        }
        return max;
    }

    /** The i-th entry of a table, in insertion order: hash in the high 32 bits, position low. */
    long entry(int table, int i) {
        return chunks[table][i >>> 12][i & (CHUNK - 1)];
    }
}
