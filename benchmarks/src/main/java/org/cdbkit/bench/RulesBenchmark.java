package org.cdbkit.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cdbkit.rules.Decision;
import org.cdbkit.rules.Rule;
import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesDatabase;
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
 * The connect-time decision a server takes with {@link RulesDatabase} on a large rules
 * database (100k rules by default), for random client addresses: some match a rule for their
 * IP, some a prefix, the rest the default. Run with {@code -prof gc} to see it allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesBenchmark {
    private static final int SAMPLE = 1 << 16;

    @Param("100000")
    public int rules;

    private Path folder;
    private RulesDatabase database;
    private String[] ips;
    private int next;

    @Setup(Level.Trial)
    public void compile() throws IOException {
        folder = Files.createTempDirectory("cdbkit-rules-bench");
        String text = RulesData.rules(rules, 42);
        RulesCompiler.compile(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                folder.resolve("rules.cdb"), folder.resolve("rules.tmp"));
        database = RulesDatabase.open(folder.resolve("rules.cdb"));
        // a third of the clients have a rule of their own, the rest are random
        List<String> known = new ArrayList<>();
        RulesParser.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), (Rule r) -> {
            if (r.address().matches("[0-9.]+") && r.address().chars().filter(c -> c == '.').count() == 3) {
                known.add(r.address());
            }
        });
        Random random = new Random(7);
        ips = new String[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            ips[i] = i % 3 == 0 ? known.get(random.nextInt(known.size())) : RulesData.randomIp(random);
        }
    }

    @Benchmark
    public Decision decide() throws IOException {
        return database.decide(ips[next++ & (SAMPLE - 1)], null, null);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
        database.close();
        Files.deleteIfExists(folder.resolve("rules.cdb"));
        Files.deleteIfExists(folder);
    }
}
