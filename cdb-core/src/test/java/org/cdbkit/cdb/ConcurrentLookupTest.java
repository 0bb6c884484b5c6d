package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One reader shared by many threads: every lookup sees the right value; close is clean. */
class ConcurrentLookupTest {
    private static final int RECORDS = 20_000;

    @TempDir
    Path dir;

    private static byte[] key(int i) {
        return ("key-" + i).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] value(int i) {
        return ("value-" + i * 7919).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void manyThreadsLookUpAtOnce() throws Exception {
        Path cdb = dir.resolve("db.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("db.tmp"))) {
            for (int i = 0; i < RECORDS; i++) {
                out.writer().add(key(i), value(i));
            }
            out.commit();
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (CdbReader reader = CdbReader.open(cdb)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int n = 0; n < 30_000; n++) {
                        int i = Math.floorMod(n * 31 + seed * 977, RECORDS + 100);
                        byte[] got = reader.getBytes(key(i));
                        if (i < RECORDS) {
                            assertArrayEquals(value(i), got, "key-" + i);
                        } else {
                            assertNull(got);
                        }
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> f : results) {
                assertEquals(30_000, f.get(60, TimeUnit.SECONDS));
            }
            reader.close();
            assertThrows(IllegalStateException.class, () -> reader.get(key(1)));
        } finally {
            pool.shutdownNow();
        }
    }
}
