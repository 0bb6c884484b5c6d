package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** An open finder holds the file: the reader's close stops every other read and leaves the unmapping to it. */
    @Test
    void anOpenFinderKeepsTheFileMappedUntilItIsClosed() throws Exception {
        Path cdb = database(100);
        CdbReader reader = CdbReader.open(cdb);
        CdbReader.Finder finder = reader.openFinder();
        assertTrue(finder.start(ascii("key-7")).next());
        reader.close();
        assertThrows(IllegalStateException.class, () -> reader.getBytes(ascii("key-7")));
        assertThrows(IllegalStateException.class, reader::openFinder);
        assertThrows(IllegalStateException.class, () -> reader.finder().start(ascii("key-7")).next());
        // the open finder goes on answering, from the file still mapped
        assertTrue(finder.start(ascii("key-42")).next());
        assertArrayEquals(ascii("value-42"), finder.valueBytes());
        assertFalse(finder.start(ascii("key-100")).next());
        if (ProcessMemory.readable()) {
            assertEquals(1, ProcessMemory.mappingsOf(cdb), "held by the open finder");
        }
        finder.close();
        if (ProcessMemory.readable()) {
            assertEquals(0, ProcessMemory.mappingsOf(cdb), "unmapped by the last finder's close");
        }
        IllegalStateException closed = assertThrows(IllegalStateException.class,
                () -> finder.start(ascii("key-42")).next());
        assertEquals("finder is closed", closed.getMessage());
        finder.close(); // idempotent
    }

    @Test
    void readersClosedBeforeOrAfterTheirOpenFindersKeepTheMappingsFlat() throws Exception {
        assumeTrue(ProcessMemory.readable(), "no /proc/self/maps to count mappings in");
        Path cdb = database(100);
        long before = ProcessMemory.mappings();
        long most = before;
        for (int i = 0; i < 100_000; i++) {
            CdbReader reader = CdbReader.open(cdb);
            try (CdbReader.Finder finder = reader.openFinder()) {
                assertTrue(finder.start(ascii("key-" + (i % 100))).next());
                if (i % 2 == 0) {
                    reader.close(); // the finder's close below unmaps
                }
            }
            reader.close();
            if (i % 10_000 == 0) {
                most = Math.max(most, ProcessMemory.mappings());
                assertEquals(0, ProcessMemory.mappingsOf(cdb), "the file is not mapped once both are closed");
            }
        }
        assertTrue(most - before < 200, "mappings went from " + before + " to " + most);
    }

    /**
     * Threads looking keys up through open finders, a finder a run, while another closes the
     * reader: every answer right, every run that starts after the close refused, the file
     * unmapped when the last finder closes, on whichever thread that is.
     */
    @Test
    void openFindersRacingACloseAnswerRightAndTheLastOneUnmaps() throws Exception {
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
                        for (int i = 0; ; ) {
                            CdbReader.Finder finder;
                            try {
                                finder = reader.openFinder();
                            } catch (IllegalStateException closed) {
                                return true;
                            }
                            try (finder) {
                                for (int run = 0; run < 64; run++, i++) {
                                    assertTrue(finder.start(ascii("key-" + (i % 5_000))).next());
                                    assertArrayEquals(ascii("value-" + (i % 5_000)), finder.valueBytes());
                                    found.incrementAndGet();
                                }
                            }
                        }
                    }));
                }
                go.set(true);
                while (found.get() < 200) {
                    Thread.onSpinWait();
                }
                reader.close();
                for (Future<Boolean> f : lookups) {
                    assertTrue(f.get(30, TimeUnit.SECONDS), "the lookups ended with the close");
                }
                if (ProcessMemory.readable()) {
                    assertEquals(0, ProcessMemory.mappingsOf(cdb), "unmapped once the last finder closed");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
