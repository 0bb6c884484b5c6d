package org.cdbkit.bench;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import com.linkedin.paldb.api.PalDB;
import com.linkedin.paldb.api.StoreReader;
import com.linkedin.paldb.api.StoreWriter;

/**
 * The same random hit lookups as {@link LookupBenchmark}, in Java peers: PalDB 1.2.0 (a
 * memory-mapped store like cdb) and a plain in-memory HashMap.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PeerLookupBenchmark {
    // more keys than any cache holds, so that lookups go to memory as uniform random ones do
    private static final int SAMPLE = 1 << 20;

    @Param("1000000")
    public int records;

    private StoreReader paldb;
    private File paldbFile;
    private Map<ByteBuffer, byte[]> hashMap;
    private byte[][] keys;
    private ByteBuffer[] wrappedKeys;
    /** The keys again as LookupBenchmark.hit reads them: one array, 16 bytes a key. */
    private byte[] flatKeys;
    private int next;
    private static final int KEY_LENGTH = 14;
    private static final int KEY_STRIDE = 16;
    private static final int RUN = 1024;

    @Setup(Level.Trial)
    public void build() throws IOException {
        Random values = new Random(42);
        paldbFile = Files.createTempFile("cdbkit-paldb", ".paldb").toFile();
        hashMap = new HashMap<>(records * 2);
        StoreWriter writer = PalDB.createWriter(paldbFile);
        for (int i = 0; i < records; i++) {
            byte[] key = LookupData.key(i);
            byte[] value = LookupData.value(values);
            writer.put((Object) key, (Object) value);
            hashMap.put(ByteBuffer.wrap(key), value);
        }
        writer.close();
        paldb = PalDB.createReader(paldbFile);
        Random random = new Random(7);
        keys = new byte[SAMPLE][];
        wrappedKeys = new ByteBuffer[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            keys[i] = LookupData.key(random.nextInt(records));
            wrappedKeys[i] = ByteBuffer.wrap(keys[i]);
        }
        flatKeys = new byte[SAMPLE * KEY_STRIDE];
        for (int i = 0; i < SAMPLE; i++) {
            System.arraycopy(keys[i], 0, flatKeys, i * KEY_STRIDE, KEY_LENGTH);
        }
    }

    /**
     * PalDB's hits as {@code LookupBenchmark.hit} makes ours: 1024 a call in a loop, the keys
     * read from one array 16 bytes apart, each copied into the {@code byte[]} PalDB's API takes
     * (in cache, a few ns). The figure to hold against {@code LookupBenchmark.hit}; per lookup.
     */
    @Benchmark
    @OperationsPerInvocation(RUN)
    public long paldbHitRun() {
        long sum = 0;
        int first = next;
        next += RUN;
        for (int i = first; i < first + RUN; i++) {
            int at = (i & (SAMPLE - 1)) * KEY_STRIDE;
            sum += found(paldb.getByteArray(Arrays.copyOfRange(flatKeys, at, at + KEY_LENGTH), null)).length;
        }
        return sum;
    }

    /** PalDB's hit one a call, its key a byte[] of its own: against {@code LookupBenchmark.hitKeyObjects}. */
    @Benchmark
    public byte[] paldbHit() {
        return found(paldb.getByteArray(keys[next++ & (SAMPLE - 1)], null));
    }

    @Benchmark
    public byte[] hashMapHit() {
        return found(hashMap.get(wrappedKeys[next++ & (SAMPLE - 1)]));
    }

    private static byte[] found(byte[] value) {
        if (value == null) {
            throw new IllegalStateException("missed a key that is there");
        }
        return value;
    }

    @TearDown(Level.Trial)
    public void close() {
        paldb.close();
        paldbFile.delete();
    }
}
