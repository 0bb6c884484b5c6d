package org.cdbkit.cdb;

import java.io.ByteArrayOutputStream;
import java.util.List;

/** A RecordSink that keeps whole records in memory, for tests. */
final class RecordCollector implements RecordSink {
    private final List<byte[][]> records;
    private final ByteArrayOutputStream key = new ByteArrayOutputStream();
    private final ByteArrayOutputStream value = new ByteArrayOutputStream();

    RecordCollector(List<byte[][]> records) {
        this.records = records;
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
