package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.cdbkit.testing.FuzzInputs;

/**
 * Random damage to a small valid cdb64 ({@link Cdb64CorruptDatabaseTest#baseDatabase()}): every
 * operation either works or fails with a {@link CdbFormatException}, never hangs, never reads
 * outside the file.
 */
class Cdb64CorruptDatabaseProperties {
    /** Overwrite a 64-bit word (or, if {@code word} is false, one byte) at {@code position}. */
    record Damage(int position, long value, boolean word) {
        void apply(byte[] db) {
            if (word) {
                int p = Math.max(0, Math.min(position & ~7, db.length - 8));
                ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putLong(p, value);
            } else {
                db[position] = (byte) value;
            }
        }
    }

    /** The 64-bit fields of the base database: header entries, record lengths, slots. */
    static List<Integer> structuralPositions() throws IOException {
        byte[] db = Cdb64CorruptDatabaseTest.baseDatabase();
        ByteBuffer b = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> positions = new ArrayList<>();
        for (byte[] key : Cdb64CorruptDatabaseTest.KEYS) {
            int t = (int) CdbHash.hash64(key) & 0xff;
            positions.add(t * 16);
            positions.add(t * 16 + 8);
        }
        positions.add(0);
        int end = (int) b.getLong(0);
        for (int p = 4096; p < end; ) {
            positions.add(p);
            positions.add(p + 8);
            p += 16 + (int) b.getLong(p) + (int) b.getLong(p + 8);
        }
        for (int p = end; p + 8 <= db.length; p += 8) {
            positions.add(p);
        }
        return positions;
    }

    @Provide
    Arbitrary<List<Damage>> damage() throws IOException {
        int size = Cdb64CorruptDatabaseTest.baseDatabase().length;
        Arbitrary<Integer> positions = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(structuralPositions())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, size - 1)));
        Arbitrary<Long> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(0L, 1L, 2L, 15L, 16L, -1L, -8L, -16L, Long.MIN_VALUE,
                        Long.MAX_VALUE, 0xFFFFFFFFL, 1L << 32, 1L << 60, 0x0800_0000_0000_0001L, 4096L, 4080L, 4112L,
                        (long) size, size - 1L, size - 8L, size - 16L, size + 1L, size + 16L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs()),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, size + 64)));
        return Combinators.combine(positions, values, Arbitraries.of(true, true, true, false))
                .as(Damage::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> cut() throws IOException {
        int size = Cdb64CorruptDatabaseTest.baseDatabase().length;
        return Arbitraries.integers().between(0, size).injectNull(0.7);
    }

    @Property(tries = 600)
    void randomDamageFailsCleanly(@ForAll("damage") List<Damage> damage, @ForAll("cut") Integer cut)
            throws IOException {
        byte[] db = Cdb64CorruptDatabaseTest.baseDatabase().clone();
        for (Damage d : damage) {
            d.apply(db);
        }
        if (cut != null) {
            db = Arrays.copyOf(db, cut);
        }
        String what = "damage " + damage + (cut == null ? "" : ", cut to " + cut);
        FuzzInputs.withFile(db, file -> Cdb64CorruptDatabaseTest.exercise(file, what));
    }
}
