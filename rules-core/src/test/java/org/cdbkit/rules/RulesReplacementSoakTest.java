package org.cdbkit.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cdbkit.testing.ProcessMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose rules change all the time: 10^5 replacements of the rules cdb under two
 * threads deciding without pause. Each replaced file is unmapped at once, so the process holds
 * at most two mappings of the file (the one in use, and one being replaced); every decision is
 * one of the two rule sets'; no exception reaches the deciding threads.
 */
class RulesReplacementSoakTest {
    private static final int REPLACEMENTS = 100_000;

    @TempDir
    Path dir;

    private Path compile(String name, String rules) throws Exception {
        Path cdb = dir.resolve(name);
        RulesCompiler.compile(new ByteArrayInputStream(rules.getBytes(StandardCharsets.ISO_8859_1)), cdb,
                dir.resolve(name + ".tmp"));
        return cdb;
    }

    @Test
    void aHundredThousandReplacementsUnderTwoDecidingThreads() throws Exception {
        assumeTrue(ProcessMemory.readable(), "no /proc/self/maps to count mappings in");
        Path first = compile("first.cdb", "10.0.0.:allow,SET=\"first\"\n:deny\n");
        Path second = compile("second.cdb", "10.0.0.7:deny\n10.0.0.:allow,SET=\"second\"\n:deny\n");
        Set<Decision> either = Set.of(new Decision("10.0.0.", true, List.of("SET=first")),
                new Decision("10.0.0.7", false, List.of()));
        Path rules = dir.resolve("rules.cdb");
        Files.copy(first, rules);

        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        long mappedAtHalf = 0;
        long mostMappings = 0;
        try (RulesDatabase db = RulesDatabase.open(rules, Duration.ZERO, false)) {
            List<Future<Long>> deciders = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                deciders.add(threads.submit(() -> {
                    long decisions = 0;
                    while (!done.get()) {
                        Decision d = db.decide("10.0.0.7", null, null);
                        assertTrue(either.contains(d), d::toString);
                        decisions++;
                    }
                    return decisions;
                }));
            }
            Path next = dir.resolve("rules.next");
            for (int i = 0; i < REPLACEMENTS; i++) {
                Files.copy(i % 2 == 0 ? second : first, next, StandardCopyOption.REPLACE_EXISTING);
                Files.move(next, rules, StandardCopyOption.ATOMIC_MOVE);
                if (i % 1_000 == 0) {
                    mostMappings = Math.max(mostMappings, ProcessMemory.mappingsOf(rules));
                }
                if (i == REPLACEMENTS / 2) {
                    mappedAtHalf = ProcessMemory.fileBackedKib(); // warmed up: the JIT is done
                }
            }
            done.set(true);
            for (Future<Long> decider : deciders) {
                assertTrue(decider.get(60, TimeUnit.SECONDS) > 0, "the thread decided");
            }
            mostMappings = Math.max(mostMappings, ProcessMemory.mappingsOf(rules));
            assertTrue(mostMappings <= 2, "mappings of the rules file at once: " + mostMappings);
            assertEquals(new Decision("10.0.0.", true, List.of("SET=first")), db.decide("10.0.0.7", null, null),
                    "the last file put in place (the first rule set) decides");
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, ProcessMemory.mappingsOf(rules), "closed: nothing of the file is mapped");
        // dead mappings would show here (150 MB of them were seen before close() unmapped); the
        // heap is left out: it grows as the collector pleases, and holds nothing mapped
        long grownKib = ProcessMemory.fileBackedKib() - mappedAtHalf;
        assertTrue(grownKib < 16 * 1024, "resident memory of mapped files grew by " + grownKib
                + " KiB over the second 50,000 replacements");
    }
}
