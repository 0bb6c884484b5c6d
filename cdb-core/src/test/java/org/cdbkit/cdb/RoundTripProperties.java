package org.cdbkit.cdb;

import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.RecordCollector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Combinators;

class RoundTripProperties {

    /** Records with keys from a small alphabet (so duplicates are common), NULs and newlines. */
    @Provide
    static Arbitrary<List<byte[][]>> records() {
        Arbitrary<byte[]> smallKeys = Arbitraries.bytes().between((byte) 0, (byte) 3).array(byte[].class).ofMaxSize(3);
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<byte[]> longBytes = Arbitraries.bytes().array(byte[].class).ofMinSize(60_000).ofMaxSize(70_000);
        Arbitrary<byte[]> keys = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, smallKeys), net.jqwik.api.Tuple.of(6, anyBytes),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(new byte[0], "\n".getBytes(), new byte[] {0})));
        Arbitrary<byte[]> values = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, anyBytes), net.jqwik.api.Tuple.of(1, longBytes));
        return Combinators.combine(keys, values).as((k, v) -> new byte[][] {k, v}).list().ofMaxSize(300);
    }

    @Property(tries = 150)
    void everyRecordComesBackInOrder(@ForAll("records") List<byte[][]> records) throws IOException {
        Path dir = Files.createTempDirectory("cdbkit-prop");
        try {
            Path cdb = write(dir, records);
            // small segments make many reads straddle a segment boundary, as past 1 GiB
            for (int shift : new int[] {30, 7}) {
                try (FileChannel ch = FileChannel.open(cdb, StandardOpenOption.READ);
                        CdbReader reader = CdbReader.open(MappedInput.map(ch, shift))) {
                    checkReader(reader, records);
                }
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Property(tries = 100)
    void textFormatRoundTrips(@ForAll("records") List<byte[][]> records) throws IOException {
        assertTextRoundTrips(records);
    }

    /** Writing records as cdbmake text and reading that gives the same records. */
    static void assertTextRoundTrips(List<byte[][]> records) throws IOException {
        byte[] text = CdbmakeTextWriter.text(records);
        List<byte[][]> back = new ArrayList<>();
        long count = new CdbmakeTextReader(new ByteArrayInputStream(text)).readAll(new RecordCollector(back));
        assertEquals(records.size(), count);
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i)[0], back.get(i)[0]);
            assertArrayEquals(records.get(i)[1], back.get(i)[1]);
        }
    }

    static Path write(Path dir, List<byte[][]> records) throws IOException {
        Path cdb = dir.resolve("db.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("db.tmp"))) {
            for (int i = 0; i < records.size(); i++) {
                byte[][] r = records.get(i);
                if (i % 2 == 0) {
                    out.writer().add(r[0], r[1]);
                } else {
                    out.writer().add(ByteBuffer.wrap(r[0]), ByteBuffer.wrap(r[1]));
                }
            }
            out.commit();
        }
        return cdb;
    }

    static void checkReader(CdbDatabase reader, List<byte[][]> records) throws IOException {
        int i = 0;
        for (CdbRecord record : reader.records()) {
            assertArrayEquals(records.get(i)[0], record.keyBytes(), "key of record " + i);
            assertArrayEquals(records.get(i)[1], bytes(record.value()), "value of record " + i);
            i++;
        }
        assertEquals(records.size(), i);
        Map<String, List<byte[]>> byKey = new LinkedHashMap<>();
        for (byte[][] r : records) {
            byKey.computeIfAbsent(TestFiles.hex(r[0]), k -> new ArrayList<>()).add(r[1]);
        }
        for (Map.Entry<String, List<byte[]>> e : byKey.entrySet()) {
            byte[] key = TestFiles.unhex(e.getKey());
            List<ByteBuffer> all = reader.getAll(key);
            assertEquals(e.getValue().size(), all.size());
            for (int j = 0; j < all.size(); j++) {
                assertArrayEquals(e.getValue().get(j), bytes(all.get(j)));
            }
            assertArrayEquals(e.getValue().get(0), reader.getBytes(key));
        }
        byte[] absent = "absent key, longer than any generated small key".getBytes();
        if (!byKey.containsKey(TestFiles.hex(absent))) {
            assertNull(reader.get(absent));
        }
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] copy = new byte[b.remaining()];
        b.duplicate().get(copy);
        return copy;
    }
}
