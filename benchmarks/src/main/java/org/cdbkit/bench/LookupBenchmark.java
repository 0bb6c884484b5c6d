package org.cdbkit.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.CdbWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Random lookups in a database of keys {@code key-%010d} with values of 8 to 64 random bytes,
 * average time per lookup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LookupBenchmark {
    @Param("1000000")
    public int records;

    private Path folder;
    private CdbReader reader;
    private byte[][] hitKeys;
    private byte[][] missKeys;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        folder = Files.createTempDirectory("cdbkit-bench");
        Path cdb = folder.resolve("lookup.cdb");
        Random random = new Random(42);
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, folder.resolve("lookup.tmp"))) {
            CdbWriter writer = out.writer();
            for (int i = 0; i < records; i++) {
                byte[] value = new byte[8 + random.nextInt(57)];
                random.nextBytes(value);
                writer.add(key(i), value);
            }
            out.commit();
        }
        reader = CdbReader.open(cdb);
        int sample = 1 << 16;
        hitKeys = new byte[sample][];
        missKeys = new byte[sample][];
        for (int i = 0; i < sample; i++) {
            hitKeys[i] = key(random.nextInt(records));
            missKeys[i] = key(records + random.nextInt(records));
        }
    }

    private static byte[] key(int i) {
        return String.format("key-%010d", i).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public ByteBuffer hit() throws IOException {
        return reader.get(hitKeys[next++ & (hitKeys.length - 1)]);
    }

    @Benchmark
    public ByteBuffer miss() throws IOException {
        return reader.get(missKeys[next++ & (missKeys.length - 1)]);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        reader.close();
        Files.deleteIfExists(folder.resolve("lookup.cdb"));
        Files.deleteIfExists(folder);
    }
}
