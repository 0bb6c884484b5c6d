package org.cdbkit.cli.cdb;

import java.nio.charset.StandardCharsets;

/** The records of the big-build test: key {@code key-%010d}, a 40-byte value derived from it. */
final class BigInput {
    private BigInput() {
    }

    static byte[] key(int i) {
        return String.format("key-%010d", i).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] value(int i) {
        byte[] value = new byte[40];
        long x = i * 0x9E3779B97F4A7C15L;
        for (int j = 0; j < value.length; j++) {
            x ^= x >>> 29;
            x *= 0xBF58476D1CE4E5B9L;
            value[j] = (byte) ('a' + (int) ((x >>> 40) % 26));
        }
        return value;
    }

    /** One record in cdbmake's text format. */
    static byte[] record(int i) {
        byte[] key = key(i);
        byte[] value = value(i);
        byte[] head = ("+" + key.length + "," + value.length + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + key.length + 2 + value.length + 1];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(key, 0, all, head.length, key.length);
        all[head.length + key.length] = '-';
        all[head.length + key.length + 1] = '>';
        System.arraycopy(value, 0, all, head.length + key.length + 2, value.length);
        all[all.length - 1] = '\n';
        return all;
    }
}
