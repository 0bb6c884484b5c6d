package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Hex;
import org.cdbkit.testing.RecordCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cdb64 classes against fixtures/cdb64 (made by a third-party cdb64 writer; see its README). */
class Cdb64GoldenFixturesTest {
    private static final Path DIR = Fixtures.dir("cdb64");

    @TempDir
    Path work;

    static List<String> cases() throws IOException {
        return Fixtures.names(DIR, ".in");
    }

    @Test
    void theFixturesAreThere() throws IOException {
        assertEquals(12, cases().size(), "cases: " + cases());
        for (String name : cases()) {
            assertTrue(Files.exists(DIR.resolve(name + ".cdb64")), name + ".cdb64");
        }
    }

    static List<byte[][]> input(String name) throws IOException {
        List<byte[][]> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".in"))) {
            new CdbmakeTextReader(in).readAll(new RecordCollector(records));
        }
        return records;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void atomicCdbFileWritesTheSameBytes(String name) throws IOException {
        Path target = work.resolve(name + ".cdb64");
        long count;
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".in"));
                AtomicCdbFile out = AtomicCdbFile.create(target, work.resolve(name + ".tmp"), CdbWidth.CDB64)) {
            assertEquals(CdbWidth.CDB64, out.width());
            assertInstanceOf(Cdb64Writer.class, out.sink());
            count = new CdbmakeTextReader(in).readAll(out.sink());
            assertEquals(count, out.sink().recordCount());
            out.commit();
        }
        assertEquals(input(name).size(), count);
        assertArrayEquals(Files.readAllBytes(DIR.resolve(name + ".cdb64")), Files.readAllBytes(target), name);
        assertFalse(Files.exists(work.resolve(name + ".tmp")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void plainWriterWritesTheSameBytes(String name) throws IOException {
        Path target = work.resolve(name + ".cdb64");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(target,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                Cdb64Writer writer = new Cdb64Writer(ch)) {
            List<byte[][]> records = input(name);
            for (int i = 0; i < records.size(); i++) {
                // the three ways in, in turn
                byte[][] r = records.get(i);
                switch (i % 3) {
                    case 0 -> writer.add(r[0], r[1]);
                    case 1 -> writer.add(java.nio.ByteBuffer.wrap(r[0]), java.nio.ByteBuffer.wrap(r[1]));
                    default -> Records.add(writer, r[0], r[1]);
                }
            }
            writer.finish();
        }
        assertArrayEquals(Files.readAllBytes(DIR.resolve(name + ".cdb64")), Files.readAllBytes(target), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReaderFindsEveryRecord(String name) throws IOException {
        List<byte[][]> records = input(name);
        Path file = DIR.resolve(name + ".cdb64");
        try (Cdb64Reader reader = Cdb64Reader.open(file)) {
            RoundTripProperties.checkReader(reader, records);
            // duplicates in order through one reused finder, and through a held one
            Map<String, List<byte[]>> byKey = byKey(records);
            try (Cdb64Reader.Finder held = reader.openFinder()) {
                Cdb64Reader.Finder reused = reader.finder();
                for (Map.Entry<String, List<byte[]>> e : byKey.entrySet()) {
                    byte[] key = Hex.decode(e.getKey());
                    for (CdbFinder f : new CdbFinder[] {reused.start(key), held.start(key, 0, key.length)}) {
                        long probes = 0;
                        for (byte[] value : e.getValue()) {
                            assertTrue(f.next(), name + ": key " + e.getKey());
                            assertTrue(f.probes() > probes);
                            probes = f.probes();
                            assertArrayEquals(value, f.valueBytes());
                            assertArrayEquals(value, RoundTripProperties.bytes(f.value()));
                        }
                        assertFalse(f.next());
                        assertFalse(f.next(), "a finished lookup stays finished");
                    }
                }
            }
            assertEquals(recordsEndOf(records), reader.recordsEnd());
            assertNull(reader.getBytes("no such key in any fixture".getBytes()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theSequentialScanGivesTheInputBack(String name) throws IOException {
        List<byte[][]> records = input(name);
        List<byte[][]> scanned = new ArrayList<>();
        try (InputStream in = Files.newInputStream(DIR.resolve(name + ".cdb64"))) {
            CdbSequentialReader scan = new CdbSequentialReader(in, CdbWidth.CDB64);
            assertEquals(recordsEndOf(records), scan.readHeader());
            while (scan.hasNextRecord()) {
                scan.readRecordHeader();
                byte[] key = new byte[(int) scan.keyLength()];
                byte[] value = new byte[(int) scan.valueLength()];
                scan.readFully(key, 0, key.length);
                scan.readFully(value, 0, value.length);
                scanned.add(new byte[][] {key, value});
            }
        }
        assertEquals(records.size(), scanned.size());
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i)[0], scanned.get(i)[0], "key " + i);
            assertArrayEquals(records.get(i)[1], scanned.get(i)[1], "value " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void statsAndVerifyAcceptIt(String name) throws IOException {
        List<byte[][]> records = input(name);
        long counted = 0;
        long duplicates = 0;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (byte[][] r : records) {
            if (r[0].length <= CdbStats.MAX_KEY) {
                counted++;
                if (seen.put(Hex.encode(r[0]), true) != null) {
                    duplicates++;
                }
            }
        }
        Path file = DIR.resolve(name + ".cdb64");
        CdbStats stats = CdbStats.of(file, CdbWidth.CDB64);
        assertEquals(counted, stats.records());
        long total = 0;
        for (int d = 0; d < CdbStats.BUCKETS; d++) {
            total += stats.distance(d);
        }
        assertEquals(counted, total, "every counted record has a distance");
        CdbVerifier verified = CdbVerifier.of(file, CdbWidth.CDB64);
        assertEquals(counted - duplicates, verified.found());
        assertEquals(duplicates, verified.differentRecord());
        assertEquals(0, verified.notFound());
        assertEquals(0, verified.badLength());
        assertEquals(records.size() - counted, verified.untested());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEitherWidthOpenerSaysCdb64WhateverTheName(String name) throws IOException {
        Path copy = work.resolve(name + ".cdb"); // the wrong extension: the header decides
        Files.copy(DIR.resolve(name + ".cdb64"), copy);
        try (CdbDatabase db = CdbFiles.open(copy)) {
            assertEquals(CdbWidth.CDB64, db.width());
            assertInstanceOf(Cdb64Reader.class, db);
            List<byte[][]> records = input(name);
            for (byte[][] r : records) {
                assertFalse(db.getAll(r[0]).isEmpty());
            }
            if (!records.isEmpty()) {
                assertArrayEquals(records.get(0)[1], db.getBytes(records.get(0)[0]));
            }
        }
    }

    @Test
    void the32BitFixturesOpenAsCdb() throws IOException {
        Path cdbDir = Fixtures.dir("cdb");
        for (String name : GoldenFixturesTest.mainFixtures()) {
            Path copy = work.resolve(name + ".cdb64"); // the wrong extension again
            Files.copy(cdbDir.resolve(name + ".cdb"), copy);
            try (CdbDatabase db = CdbFiles.open(copy)) {
                assertEquals(CdbWidth.CDB32, db.width(), name);
                assertInstanceOf(CdbReader.class, db);
            }
        }
    }

    @Test
    void aFileThatIsNeitherIsRefused() throws IOException {
        Path junk = work.resolve("junk.cdb");
        Files.write(junk, new byte[5000]);
        CdbFormatException e = assertThrows(CdbFormatException.class, () -> CdbFiles.open(junk));
        assertTrue(e.getMessage().contains("neither a cdb nor a cdb64"), e.getMessage());
        assertTrue(e.getMessage().contains("5000 bytes"), e.getMessage());
    }

    @Test
    void the32BitWriterOfAnAtomicCdb64FileIsRefused() throws IOException {
        try (AtomicCdbFile out = AtomicCdbFile.create(work.resolve("a.cdb64"), work.resolve("a.tmp"),
                CdbWidth.CDB64)) {
            assertThrows(IllegalStateException.class, out::writer);
            out.sink().add("k".getBytes(), "v".getBytes());
        }
        assertFalse(Files.exists(work.resolve("a.tmp")), "closed without a commit: the temporary file is gone");
        assertFalse(Files.exists(work.resolve("a.cdb64")));
    }

    /** Where the records of a cdb64 of these records end: 4096 plus 16 bytes and key and data each. */
    static long recordsEndOf(List<byte[][]> records) {
        long end = Cdb64Format.HEADER_SIZE;
        for (byte[][] r : records) {
            end += Cdb64Format.RECORD_HEADER_SIZE + r[0].length + r[1].length;
        }
        return end;
    }

    static Map<String, List<byte[]>> byKey(List<byte[][]> records) {
        Map<String, List<byte[]>> byKey = new LinkedHashMap<>();
        for (byte[][] r : records) {
            byKey.computeIfAbsent(Hex.encode(r[0]), k -> new ArrayList<>()).add(r[1]);
        }
        return byKey;
    }

    @Test
    void theHashIsCdbsHashWidened() {
        byte[] key = "a key whose hash passes 32 bits".getBytes();
        long h = CdbHash.hash64(key);
        assertEquals(CdbHash.hash(key), (int) h, "the low 32 bits are cdb's hash");
        assertTrue(h >>> 32 != 0);
        assertEquals(h, CdbHash.update64(CdbHash.update64(CdbHash.START, key, 0, 5), key, 5, key.length - 5));
        assertEquals(h, CdbHash.hash64(java.nio.ByteBuffer.wrap(key)));
        assertEquals(CdbHash.START, CdbHash.hash64(new byte[0]));
    }
}
