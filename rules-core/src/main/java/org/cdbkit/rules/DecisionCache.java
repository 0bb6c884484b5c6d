package org.cdbkit.rules;

import java.util.concurrent.atomic.AtomicReferenceArray;

import org.cdbkit.cdb.CdbReader;

/**
 * Decisions already made, by the position of their rule in one cdb, so that a server deciding
 * at every connection stops allocating once it has seen the rules that match. Four-way set
 * associative: a decision goes to a free place among four, else it pushes one out, which is
 * then decoded again when next needed. Sized to the number of records (at most 2^20 entries);
 * safe for any number of threads.
 */
final class DecisionCache {
    private static final int MAX = 1 << 20;
    private static final int WAYS = 4;

    private final AtomicReferenceArray<Decision> slots;
    private final int mask;

    DecisionCache(CdbReader rules) {
        long records = rules.input().length() / 16; // a record takes at least 8 bytes and 2 slots
        int size = 64;
        while (size < records && size < MAX) {
            size <<= 1;
        }
        slots = new AtomicReferenceArray<>(size);
        mask = size - 1;
    }

    Decision get(long position) {
        int set = set(position);
        for (int i = 0; i < WAYS; i++) {
            Decision d = slots.get(set + i);
            if (d != null && d.position() == position) {
                return d;
            }
        }
        return null;
    }

    void put(Decision d) {
        int set = set(d.position());
        for (int i = 0; i < WAYS; i++) {
            if (slots.compareAndSet(set + i, null, d)) {
                return;
            }
        }
        slots.set(set + (int) (d.position() & (WAYS - 1)), d);
    }

    /** The first of the four places a decision may take. */
    private int set(long position) {
        long h = position * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask & ~(WAYS - 1);
    }
}
