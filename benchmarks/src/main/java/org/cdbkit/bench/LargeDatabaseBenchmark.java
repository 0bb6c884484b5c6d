package org.cdbkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbFiles;
import org.cdbkit.cdb.CdbFinder;
import org.cdbkit.cdb.CdbWidth;
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
 * Building and reading a database past the 32-bit format's reach: a 5 GiB cdb64, against a
 * 3.75 GiB cdb of the same records (as many as fit under its 4 GiB wall), per record
 * ({@link LargeData}). {@code build} writes the whole file atomically (temporary file, fsync,
 * rename) once an invocation: divide by {@link LargeData#records} for the time per record.
 * {@code hit} looks random keys up in the file, per lookup. The files go to {@code java.io.tmpdir}
 * (about 9 GB at most at once) and are removed after.
 */
@State(Scope.Benchmark)
@Fork(1)
public class LargeDatabaseBenchmark {
    private static final int RUN = 1024;
    private static final int SAMPLE = 1 << 20;
    private static final byte[] NO_KEY = new byte[0];

    @Param({"CDB64", "CDB32"})
    public String width;

    private Path dir;
    private Path file;
    private CdbDatabase database;
    private byte[] flatKeys;
    private int next;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("cdbkit-large");
        file = dir.resolve("large" + CdbWidth.valueOf(width).extension());
        long records = LargeData.write(file, CdbWidth.valueOf(width));
        database = CdbFiles.open(file);
        Random random = new Random(7);
        flatKeys = new byte[SAMPLE * 16];
        byte[] key = new byte[LargeData.KEY_LENGTH];
        for (int i = 0; i < SAMPLE; i++) {
            LargeData.keyInto(key, (long) (random.nextDouble() * records));
            System.arraycopy(key, 0, flatKeys, i * 16, key.length);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        database.close();
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("build" + CdbWidth.valueOf(width).extension()));
        Files.deleteIfExists(dir);
    }

    /** The whole file written again, beside the one read by {@link #hit}; seconds per file. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long build() throws IOException {
        return LargeData.write(dir.resolve("build" + CdbWidth.valueOf(width).extension()), CdbWidth.valueOf(width));
    }

    /** Random hits, 1024 a call through one finder; per lookup. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @OperationsPerInvocation(RUN)
    public long hit() throws IOException {
        long sum = 0;
        int first = next;
        next += RUN;
        CdbFinder finder = database.find(NO_KEY);
        for (int i = first; i < first + RUN; i++) {
            finder.start(flatKeys, (i & (SAMPLE - 1)) * 16, LargeData.KEY_LENGTH);
            if (!finder.next()) {
                throw new IllegalStateException("missed a key that is there");
            }
            sum += finder.valuePosition() + finder.valueLength();
        }
        return sum;
    }
}
