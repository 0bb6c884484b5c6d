package org.cdbkit.cdb;

import java.io.IOException;

/** Small helpers for handing whole records to a {@link RecordSink}. */
public final class Records {
    private Records() {
    }

    public static void add(RecordSink sink, byte[] key, byte[] value) throws IOException {
        sink.beginRecord(key.length, value.length);
        sink.key(key, 0, key.length);
        sink.value(value, 0, value.length);
        sink.endRecord();
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
