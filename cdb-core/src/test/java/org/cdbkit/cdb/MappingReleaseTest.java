package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.cdbkit.testing.ProcessMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * close() unmaps at once: a program that opens and closes readers in a loop keeps its count of
 * mappings flat, with no help from the garbage collector; and a lookup racing a close on
 * another thread gets an exception, never unmapped memory (which would crash the JVM and this
 * test with it).
 */
class MappingReleaseTest {
    @TempDir
    Path dir;

    private Path database(int records) throws Exception {
        Path cdb = dir.resolve("db-" + records + ".cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("db.tmp"))) {
            for (int i = 0; i < records; i++) {
                out.writer().add(("key-" + i).getBytes(StandardCharsets.US_ASCII),
                        ("value-" + i).getBytes(StandardCharsets.US_ASCII));
            }
            out.commit();
        }
        return cdb;
    }

    /** The README's try-with-resources example, a million times over. */
    @Test
    void openLookUpCloseAMillionTimesKeepsTheMappingsFlat() throws Exception {
        assumeTrue(ProcessMemory.readable(), "no /proc/self/maps to count mappings in");
        Path cdb = database(100);
        byte[] key = "key-42".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = "value-42".getBytes(StandardCharsets.US_ASCII);
        long before = ProcessMemory.mappings();
        long most = before;
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 100_000; i++) {
                try (CdbReader reader = CdbReader.open(cdb)) {
                    if (reader.get(key).get(0) != 'v') {
                        assertArrayEquals(expected, reader.getBytes(key));
                    }
                }
            }
            most = Math.max(most, ProcessMemory.mappings());
            assertEquals(0, ProcessMemory.mappingsOf(cdb), "the file is not mapped once closed");
        }
        // without unmapping, each open would leave one mapping until a collection: up to 10^6
        assertTrue(most - before < 200, "mappings went from " + before + " to " + most);
    }

    @Test
    void aLookupRacingACloseGetsAnExceptionNeverUnmappedMemory() throws Exception {
        Path cdb = database(5_000);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 300; round++) {
                CdbReader reader = CdbReader.open(cdb);
                AtomicBoolean go = new AtomicBoolean();
                AtomicLong found = new AtomicLong();
                List<Future<Boolean>> lookups = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    lookups.add(threads.submit(() -> {
                        while (!go.get()) {
                            Thread.onSpinWait();
                        }
                        for (int i = 0; ; i++) {
                            byte[] key = ("key-" + (i % 5_000)).getBytes(StandardCharsets.US_ASCII);
                            try {
                                byte[] value = reader.getBytes(key);
                                assertArrayEquals(("value-" + (i % 5_000)).getBytes(StandardCharsets.US_ASCII), value);
                                java.nio.ByteBuffer view = reader.get(key);
                                assertEquals('v', view.get(0));
                                found.incrementAndGet();
                            } catch (IllegalStateException closed) {
                                return true;
                            }
                        }
                    }));
                }
                go.set(true);
                while (found.get() < 50) {
                    Thread.onSpinWait();
                }
                reader.close();
                for (Future<Boolean> f : lookups) {
                    assertTrue(f.get(30, TimeUnit.SECONDS), "the lookup ended with the close");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
