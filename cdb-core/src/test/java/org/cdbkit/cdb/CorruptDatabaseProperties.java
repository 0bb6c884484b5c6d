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
 * Random damage to a small valid database ({@link CorruptDatabaseTest#baseDatabase()}): every
 * operation either works or fails with a {@link CdbFormatException}, never hangs. A class of its
 * own because jqwik and Jupiter would otherwise write one test report each under the same name.
 */
class CorruptDatabaseProperties {
    /** Overwrite a 32-bit word (or, if {@code word} is false, one byte) at {@code position}. */
    record Damage(int position, long value, boolean word) {
        void apply(byte[] db) {
            if (word) {
                int p = Math.min(position & ~3, db.length - 4);
                ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN).putInt(p, (int) value);
            } else {
                db[position] = (byte) value;
            }
        }
    }

    /** The 32-bit fields of the base database: header entries, record lengths, slots. */
    static List<Integer> structuralPositions() throws IOException {
        byte[] db = CorruptDatabaseTest.baseDatabase();
        ByteBuffer b = ByteBuffer.wrap(db).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> positions = new ArrayList<>();
        for (byte[] key : CorruptDatabaseTest.KEYS) {
            int t = CdbHash.hash(key) & 0xff;
            positions.add(t * 8);
            positions.add(t * 8 + 4);
        }
        positions.add(0);
        int end = b.getInt(0);
        for (int p = 2048; p < end; ) {
            positions.add(p);
            positions.add(p + 4);
            p += 8 + b.getInt(p) + b.getInt(p + 4);
        }
        for (int p = end; p + 4 <= db.length; p += 4) {
            positions.add(p);
        }
        return positions;
    }

    @Provide
    Arbitrary<List<Damage>> damage() throws IOException {
        int size = CorruptDatabaseTest.baseDatabase().length;
        Arbitrary<Integer> positions = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(structuralPositions())),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, size - 1)));
        Arbitrary<Long> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(0L, 1L, 2L, 7L, 8L, 0xFFFFFFFFL, 0xFFFFFFF8L, 0xFFFFFFFCL,
                        0x80000000L, 0x7FFFFFFFL, 0x20000001L, 0xE0000016L, 2048L, 2040L, 2056L,
                        (long) size, size - 1L, size - 4L, size - 8L, size + 1L, size + 8L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 0xFFFFFFFFL)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, size + 64)));
        return Combinators.combine(positions, values, Arbitraries.of(true, true, true, false))
                .as(Damage::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<Integer> cut() throws IOException {
        int size = CorruptDatabaseTest.baseDatabase().length;
        return Arbitraries.integers().between(0, size).injectNull(0.7);
    }

    @Property(tries = 1500)
    void randomDamageFailsCleanly(@ForAll("damage") List<Damage> damage, @ForAll("cut") Integer cut)
            throws IOException {
        byte[] db = CorruptDatabaseTest.baseDatabase().clone();
        for (Damage d : damage) {
            d.apply(db);
        }
        if (cut != null) {
            db = Arrays.copyOf(db, cut);
        }
        String what = "damage " + damage + (cut == null ? "" : ", cut to " + cut);
        FuzzInputs.withFile(db, file -> CorruptDatabaseTest.exercise(file, what));
    }
}
