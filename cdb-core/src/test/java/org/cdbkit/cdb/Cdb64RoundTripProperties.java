package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random records (duplicate keys, empty keys and values, binary data, values over a segment)
 * written by {@link Cdb64Writer} come back from {@link Cdb64Reader}, the sequential scan, stats
 * and verification; and the either-width opener tells random cdb and cdb64 files apart.
 */
class Cdb64RoundTripProperties {

    @Provide
    Arbitrary<List<byte[][]>> records() {
        return RoundTripProperties.records();
    }

    @Property(tries = 80)
    void everyRecordComesBackInOrder(@ForAll("records") List<byte[][]> records) throws IOException {
        Path dir = Files.createTempDirectory("cdbkit-prop64");
        try {
            Path cdb = write(dir, records, CdbWidth.CDB64);
            // small segments make many reads straddle a segment boundary, as past 1 GiB
            for (int shift : new int[] {30, 7}) {
                try (FileChannel ch = FileChannel.open(cdb, StandardOpenOption.READ);
                        Cdb64Reader reader = Cdb64Reader.open(MappedInput.map(ch, shift))) {
                    RoundTripProperties.checkReader(reader, records);
                }
            }
            assertScanGivesBack(cdb, records);
            long counted = records.stream().filter(r -> r[0].length <= CdbStats.MAX_KEY).count();
            assertEquals(counted, CdbStats.of(cdb, CdbWidth.CDB64).records());
            CdbVerifier verified = CdbVerifier.of(cdb, CdbWidth.CDB64);
            assertEquals(counted, verified.found() + verified.differentRecord());
            assertEquals(0, verified.notFound() + verified.badLength());
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    @Property(tries = 60)
    void theOpenerTellsTheWidths(@ForAll("records") List<byte[][]> records, @ForAll CdbWidth width)
            throws IOException {
        Path dir = Files.createTempDirectory("cdbkit-either");
        try {
            Path file = write(dir, records, width);
            // the name says nothing: db.cdb for both
            try (CdbDatabase db = CdbFiles.open(file)) {
                assertEquals(width, db.width());
                RoundTripProperties.checkReader(db, records);
            }
        } finally {
            TestFiles.deleteTree(dir);
        }
    }

    static void assertScanGivesBack(Path cdb, List<byte[][]> records) throws IOException {
        List<byte[][]> back = new ArrayList<>();
        try (InputStream in = Files.newInputStream(cdb)) {
            CdbSequentialReader scan = new CdbSequentialReader(in, CdbWidth.CDB64);
            scan.readHeader();
            while (scan.hasNextRecord()) {
                scan.readRecordHeader();
                byte[] key = new byte[(int) scan.keyLength()];
                byte[] value = new byte[(int) scan.valueLength()];
                scan.readFully(key, 0, key.length);
                scan.readFully(value, 0, value.length);
                back.add(new byte[][] {key, value});
            }
        }
        assertEquals(records.size(), back.size());
        for (int i = 0; i < records.size(); i++) {
            assertArrayEquals(records.get(i)[0], back.get(i)[0]);
            assertArrayEquals(records.get(i)[1], back.get(i)[1]);
        }
    }

    /** Writes through AtomicCdbFile, half the records whole, half streamed in pieces. */
    static Path write(Path dir, List<byte[][]> records, CdbWidth width) throws IOException {
        Path cdb = dir.resolve("db.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, dir.resolve("db.tmp"), width)) {
            CdbSink sink = out.sink();
            for (int i = 0; i < records.size(); i++) {
                byte[][] r = records.get(i);
                if (i % 2 == 0) {
                    sink.add(ByteBuffer.wrap(r[0]), ByteBuffer.wrap(r[1]));
                } else {
                    sink.beginRecord(r[0].length, r[1].length);
                    int half = r[0].length / 2;
                    sink.key(r[0], 0, half);
                    sink.key(r[0], half, r[0].length - half);
                    sink.value(r[1], 0, r[1].length);
                    sink.endRecord();
                }
            }
            assertEquals(records.size(), sink.recordCount());
            out.commit();
        }
        return cdb;
    }
}
