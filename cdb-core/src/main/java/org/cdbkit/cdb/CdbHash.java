package org.cdbkit.cdb;

import java.nio.ByteBuffer;

/**
 * The cdb hash: {@code h = 5381; h = ((h << 5) + h) ^ c} over the unsigned bytes of the key,
 * kept to 32 bits. The low 8 bits choose one of the 256 hash tables, the rest the first slot.
 *
 * <p>cdb64 uses the same recurrence kept to 64 bits ({@link #hash64}); its low 32 bits are the
 * 32-bit hash, so a writer can work out the 64-bit one and keep the part it needs.
 */
public final class CdbHash {
    /** The hash of the empty key. */
    public static final int START = 5381;

    private CdbHash() {
    }

    /** Adds one byte to a running hash. */
    public static int add(int h, byte b) {
        return ((h << 5) + h) ^ (b & 0xff);
    }

    public static int hash(byte[] key) {
        return update(START, key, 0, key.length);
    }

    public static int hash(byte[] key, int offset, int length) {
        return update(START, key, offset, length);
    }

    /** Continues a running hash over a byte range, for keys that arrive in pieces. */
    public static int update(int h, byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            h = ((h << 5) + h) ^ (bytes[i] & 0xff);
        }
        return h;
    }

    /** The hash of the remaining bytes of {@code key}; its position is not changed. */
    public static int hash(ByteBuffer key) {
        int h = START;
        for (int i = key.position(), end = key.limit(); i < end; i++) {
            h = ((h << 5) + h) ^ (key.get(i) & 0xff);
        }
        return h;
    }

    /** Which of the 256 hash tables a key with this hash lives in. */
    public static int table(int hash) {
        return hash & 0xff;
    }

    /** The cdb64 hash of {@code key[offset, offset + length)}. */
    public static long hash64(byte[] key, int offset, int length) {
        return update64(START, key, offset, length);
    }

    public static long hash64(byte[] key) {
        return update64(START, key, 0, key.length);
    }

    /** Continues a running 64-bit hash over a byte range, for keys that arrive in pieces. */
    public static long update64(long h, byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            h = ((h << 5) + h) ^ (bytes[i] & 0xff);
        }
        return h;
    }

    /** The cdb64 hash of the remaining bytes of {@code key}; its position is not changed. */
    public static long hash64(ByteBuffer key) {
        long h = START;
        for (int i = key.position(), end = key.limit(); i < end; i++) {
            h = ((h << 5) + h) ^ (key.get(i) & 0xff);
        }
        return h;
    }
}
