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

    @Param("1000000")
    public int records;

    private CdbReader reader;
    private CdbReader.Finder finder;
    private byte[][] hitKeys;
    private byte[][] missKeys;
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
    }

    @Benchmark
    public long hit() throws IOException {
        CdbReader.Finder f = finder.start(hitKeys[next++ & (SAMPLE - 1)]);
        if (!f.next()) {
            throw new IllegalStateException("missed a key that is there");
        }
        return f.valuePosition() + f.valueLength();
    }

    @Benchmark
    public boolean miss() throws IOException {
        return finder.start(missKeys[next++ & (SAMPLE - 1)]).next();
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
