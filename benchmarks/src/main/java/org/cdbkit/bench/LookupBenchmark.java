package org.cdbkit.bench;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cdbkit.cdb.CdbReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random lookups in a database of keys {@code key-%010d} with values of 8 to 64 random bytes
 * ({@link LookupData}), average time per lookup, keys in uniform random order. Each lookup
 * finds the record and takes its value's position and length, as C's cdb_find does: the value
 * is then a view away ({@code finder.value()}), without a copy.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LookupBenchmark {
    // more keys than any cache holds, so that lookups go to memory as uniform random ones do
    private static final int SAMPLE = 1 << 20;
    /** Keys per call of the batch lookup. */
    private static final int BATCH = 16;
    /** Keys are {@code key-%010d}: 14 bytes, 16 apart in the flat arrays, as in c/lookup.c. */
    private static final int KEY_LENGTH = 14;
    private static final int KEY_STRIDE = 16;
    /** Lookups per call of hit and miss, made in a loop. */
    private static final int RUN = 1024;

    @Param("1000000")
    public int records;

    private CdbReader reader;
    private CdbReader.Finder finder;
    private byte[][] hitKeys;
    private byte[][] missKeys;
    /** The hit keys again, laid out as the C harness lays them out: one array, 16 bytes a key. */
    private byte[] flatHitKeys;
    private byte[] flatMissKeys;
    private final long[] positions = new long[BATCH];
    private final long[] lengths = new long[BATCH];
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        reader = CdbReader.open(LookupData.database(records));
        finder = reader.finder();
        Random random = new Random(7);
        hitKeys = new byte[SAMPLE][];
        missKeys = new byte[SAMPLE][];
        for (int i = 0; i < SAMPLE; i++) {
            hitKeys[i] = LookupData.key(random.nextInt(records));
            missKeys[i] = LookupData.key(records + random.nextInt(records));
        }
        flatHitKeys = flat(hitKeys);
        flatMissKeys = flat(missKeys);
    }

    private static byte[] flat(byte[][] keys) {
        byte[] flat = new byte[keys.length * KEY_STRIDE];
        for (int i = 0; i < keys.length; i++) {
            System.arraycopy(keys[i], 0, flat, i * KEY_STRIDE, keys[i].length);
        }
        return flat;
    }

    /**
     * Hits, one after another in a loop as the C harness ({@code c/lookup.c}) makes them, each
     * key read from one array of keys 16 bytes apart as that harness reads its keys: the figure
     * to hold against tinycdb's. The score is per lookup.
     *
     * <p>Each call opens its own finder ({@link CdbReader#openFinder}), as a caller that looks
     * keys up in runs does: it holds the file mapped for the run, so that its lookups need no
     * guard each against a close on another thread (on Java 17 to 21 that guard is two locked
     * instructions a lookup: {@link #hitGuarded}).
     */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public long hit() throws IOException {
        try (CdbReader.Finder finder = reader.openFinder()) {
            return hits(finder);
        }
    }

    /** {@link #hit} through a finder that guards each lookup on its own ({@link CdbReader#finder}). */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public long hitGuarded() throws IOException {
        return hits(reader.finder());
    }

    private long hits(CdbReader.Finder finder) throws IOException {
        long sum = 0;
        int first = next;
        next += RUN;
        for (int i = first; i < first + RUN; i++) {
            CdbReader.Finder f = finder.start(flatHitKeys, (i & (SAMPLE - 1)) * KEY_STRIDE, KEY_LENGTH);
            if (!f.next()) {
                throw new IllegalStateException("missed a key that is there");
            }
            sum += f.valuePosition() + f.valueLength();
        }
        return sum;
    }

    /** Misses, as {@link #hit} makes hits; per lookup. */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public long miss() throws IOException {
        long found = 0;
        int first = next;
        next += RUN;
        try (CdbReader.Finder finder = reader.openFinder()) {
            for (int i = first; i < first + RUN; i++) {
                if (finder.start(flatMissKeys, (i & (SAMPLE - 1)) * KEY_STRIDE, KEY_LENGTH).next()) {
                    found++;
                }
            }
        }
        return found;
    }

    /**
     * One hit as {@link PeerLookupBenchmark} asks PalDB and a HashMap for theirs: the key a
     * {@code byte[]} of its own, taken from an array of a million of them, and the value copied
     * out ({@link CdbReader#getBytes}, a finder and the copy made per call). The figure to hold
     * against PalDB's.
     */
    @Benchmark
    public byte[] hitKeyObjects() throws IOException {
        byte[] value = reader.getBytes(hitKeys[next++ & (SAMPLE - 1)]);
        if (value == null) {
            throw new IllegalStateException("missed a key that is there");
        }
        return value;
    }

    /** Sixteen hits per call through {@link CdbReader#getBatch}; the score is per key. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batchHit() throws IOException {
        int at = next & (SAMPLE - 1) & ~(BATCH - 1);
        next += BATCH;
        reader.getBatch(hitKeys, at, BATCH, positions, lengths, finder);
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            if (positions[i] < 0) {
                throw new IllegalStateException("missed a key that is there");
            }
            sum += positions[i] + lengths[i];
        }
        return sum;
    }

    @TearDown(Level.Trial)
    public void close() {
        reader.close();
    }
}
