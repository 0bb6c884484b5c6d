package org.cdbkit.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbWriter;
import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesParser;
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
 * Throughput of building: writing records with {@link CdbWriter} (to a file, fsync included),
 * parsing rules, and compiling rules into a cdb. Each operation is one whole input; divide
 * the size by the time for records or rules per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CompileBenchmark {
    @Param("1000000")
    public int records;

    @Param("100000")
    public int rules;

    private Path folder;
    private byte[][] keys;
    private byte[][] values;
    private byte[] rulesText;

    @Setup(Level.Trial)
    public void prepare() throws IOException {
        folder = Files.createTempDirectory("cdbkit-compile-bench");
        keys = new byte[records][];
        values = new byte[records][];
        Random random = new Random(42);
        for (int i = 0; i < records; i++) {
            keys[i] = LookupData.key(i);
            values[i] = LookupData.value(random);
        }
        rulesText = RulesData.rules(rules, 42).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code records} records written and committed. */
    @Benchmark
    public long build() throws IOException {
        try (AtomicCdbFile out = AtomicCdbFile.create(folder.resolve("build.cdb"), folder.resolve("build.tmp"))) {
            CdbWriter writer = out.writer();
            for (int i = 0; i < records; i++) {
                writer.add(keys[i], values[i]);
            }
            out.commit();
            return writer.recordCount();
        }
    }

    /** {@code rules} lines parsed into rules. */
    @Benchmark
    public int parseRules() throws IOException {
        return RulesParser.parse(new ByteArrayInputStream(rulesText)).size();
    }

    /** {@code rules} lines compiled into a cdb and committed. */
    @Benchmark
    public long compileRules() throws IOException {
        return RulesCompiler.compile(new ByteArrayInputStream(rulesText), folder.resolve("rules.cdb"),
                folder.resolve("rules.tmp"));
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        for (String name : new String[] {"build.cdb", "rules.cdb"}) {
            Files.deleteIfExists(folder.resolve(name));
        }
        Files.deleteIfExists(folder);
    }
}
