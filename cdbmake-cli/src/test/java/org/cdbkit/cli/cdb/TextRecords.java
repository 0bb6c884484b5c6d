package org.cdbkit.cli.cdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cdbkit.cdb.CdbmakeTextReader;
import org.cdbkit.cdb.RecordSink;

/** The records of a file in cdbmake's format, as (key, data) pairs in order, read by the library's reader. */
final class TextRecords implements RecordSink {
    private final List<byte[][]> records = new ArrayList<>();
    private final ByteArrayOutputStream key = new ByteArrayOutputStream();
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();

    private TextRecords() {
    }

    static List<byte[][]> of(Path text) throws IOException {
        TextRecords sink = new TextRecords();
        try (InputStream in = Files.newInputStream(text)) {
            new CdbmakeTextReader(in).readAll(sink);
        }
        return sink.records;
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
