package org.cdbkit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdbkit.cdb.CdbmakeTextReader;
import org.cdbkit.cdb.RecordSink;

/** A RecordSink that keeps whole records in memory, as (key, data) pairs in order, for tests. */
public final class RecordCollector implements RecordSink {
    private final List<byte[][]> records;
    private final ByteArrayOutputStream key = new ByteArrayOutputStream();
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();

    public RecordCollector(List<byte[][]> records) {
        this.records = records;
    }

    /** The records of a file in cdbmake's format, read by the library's reader. */
    public static List<byte[][]> of(Path text) throws IOException {
        List<byte[][]> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(text)) {
            new CdbmakeTextReader(in).readAll(new RecordCollector(records));
        }
        return records;
    }

    @Override
    public void beginRecord(long keyLength, long valueLength) {
        key.reset();
        value.reset();
    }

    @Override
    public void key(byte[] bytes, int offset, int length) {
        key.write(bytes, offset, length);
    }

    @Override
    public void value(byte[] bytes, int offset, int length) {
        value.write(bytes, offset, length);
    }

    @Override
    public void endRecord() {
        records.add(new byte[][] {key.toByteArray(), value.toByteArray()});
    }
}
