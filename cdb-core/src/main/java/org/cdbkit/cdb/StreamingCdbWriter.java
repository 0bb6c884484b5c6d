package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * What {@link CdbWriter} and {@link Cdb64Writer} share: the buffered output (with its
 * write-behind thread and background syncs), the record being streamed, its running hash and
 * the slot lists. The widths differ only in how a record's lengths, the size limit, the slot
 * lists' pairs and the tables are written: the hooks, called once a record or once a file,
 * never once a byte.
 *
 * <p>The running hash is the 64-bit one ({@link CdbHash#update64}): the same instructions as
 * the 32-bit loop on a 64-bit CPU, and its low 32 bits are cdb's hash.
 */
abstract sealed class StreamingCdbWriter implements CdbSink permits CdbWriter, Cdb64Writer {
    /**
     * 256 KiB: records reach the file a full buffer at a time; a piece over half a buffer is
     * written straight from the caller's bytes.
     */
    static final int BUFFER_SIZE = 1 << 18;

    private final FileChannel channel;
    private final BackgroundSync sync;
    private final CdbWidth width;
    private final int recordHeaderSize;
    /**
     * The buffer being filled, {@code out[0, count)}: a plain array, written by hand in little
     * endian, which is quick even before the JIT's second tier. With {@link #output}, the other
     * buffers are on their way to the file.
     */
    private byte[] out = new byte[BUFFER_SIZE];
    private int count;
    private final AsyncOutput output;
    final SlotLists slots;
    /** Where the next byte goes in the file. */
    long position;
    private boolean finished;

    // the record being streamed
    private boolean inRecord;
    private long recordPosition;
    private long keyRemaining;
    private long valueRemaining;
    private long keyHash;

    /**
     * {@code sync}, if not null, hears how much was written; with {@code writeBehind}, full
     * buffers are written by a thread of their own while the next one fills ({@link AsyncOutput}).
     */
    StreamingCdbWriter(FileChannel channel, BackgroundSync sync, boolean writeBehind, CdbWidth width)
            throws IOException {
        this.channel = channel;
        this.sync = sync;
        this.width = width;
        this.recordHeaderSize = width.recordHeaderSize();
        this.slots = new SlotLists(width);
        this.output = writeBehind ? new AsyncOutput(channel, sync, BUFFER_SIZE) : null;
        channel.position(0);
        position = width.headerSize();
        count = width.headerSize(); // zeros: the header, written at the end
    }

    // ---- the hooks of a width

    /** Throws {@link CdbTooLargeException} if a record of these lengths would pass the format's limit. */
    abstract void checkRoom(long keyLength, long valueLength) throws CdbTooLargeException;

    /** Puts a record's two lengths; {@link #recordHeaderSize} bytes of room are made. */
    abstract void putLengths(long keyLength, long valueLength);

    /** Remembers a finished record for the hash tables. */
    abstract void addSlot(long hash, long recordPosition);

    /** Puts the 256 hash tables (through {@link #room}, {@link #putInt}, {@link #putLong}) and returns the header, ready to write. */
    abstract ByteBuffer putTables() throws IOException;

    // ---- the public API

    @Override
    public final CdbWidth width() {
        return width;
    }

    @Override
    public final long recordCount() {
        return slots.total();
    }

    @Override
    public final void add(byte[] key, byte[] value) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        add(key, 0, key.length, value, 0, value.length);
    }

    @Override
    public final void add(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset,
            int valueLength) throws IOException {
        beginRecord(keyLength, valueLength);
        key(key, keyOffset, keyLength);
        value(value, valueOffset, valueLength);
        endRecord();
    }

    @Override
    public final void add(ByteBuffer key, ByteBuffer value) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        beginRecord(key.remaining(), value.remaining());
        keyHash = CdbHash.hash64(key);
        keyRemaining = 0;
        put(key.duplicate());
        valueRemaining = 0;
        put(value.duplicate());
        endRecord();
    }

    @Override
    public final void beginRecord(long keyLength, long valueLength) throws IOException {
        checkOpen();
        if (inRecord) {
            throw new IllegalStateException("the previous record is not complete");
        }
        if (keyLength < 0 || valueLength < 0) {
            throw new IllegalArgumentException("negative length");
        }
        checkRoom(keyLength, valueLength);
        ensure(recordHeaderSize);
        putLengths(keyLength, valueLength);
        inRecord = true;
        recordPosition = position;
        position += recordHeaderSize;
        keyRemaining = keyLength;
        valueRemaining = valueLength;
        keyHash = CdbHash.START;
    }

    @Override
    public final void key(byte[] bytes, int offset, int length) throws IOException {
        if (!inRecord || length > keyRemaining) {
            throw new IllegalStateException("more key bytes than declared");
        }
        keyHash = CdbHash.update64(keyHash, bytes, offset, length);
        keyRemaining -= length;
        put(bytes, offset, length);
    }

    @Override
    public final void value(byte[] bytes, int offset, int length) throws IOException {
        if (!inRecord || keyRemaining != 0 || length > valueRemaining) {
            throw new IllegalStateException("value bytes out of order or more than declared");
        }
        valueRemaining -= length;
        put(bytes, offset, length);
    }

    @Override
    public final void endRecord() {
        if (!inRecord || keyRemaining != 0 || valueRemaining != 0) {
            throw new IllegalStateException("record shorter than declared");
        }
        inRecord = false;
        addSlot(keyHash, recordPosition);
    }

    /**
     * Writes the hash tables and the header. The file is complete once this returns; forcing it
     * to disk and closing the channel are the caller's (see {@link AtomicCdbFile}).
     */
    @Override
    public final void finish() throws IOException {
        checkOpen();
        if (inRecord) {
            throw new IllegalStateException("the last record is not complete");
        }
        ByteBuffer header = putTables();
        flush();
        if (output != null) {
            output.close();
        }
        long at = 0;
        while (header.hasRemaining()) {
            at += channel.write(header, at);
        }
        finished = true;
    }

    /** Marks this writer unusable and stops its write-behind thread; the channel belongs to the caller. */
    @Override
    public final void close() {
        if (output != null && !finished) {
            try {
                output.close();
            } catch (IOException e) {
                // closing after a failure: the failure was or will be reported elsewhere
            }
        }
        finished = true;
    }

    // ---- the buffer

    /** How many items of {@code size} bytes fit in the buffer now, flushing it first if none does. */
    final int room(int size) throws IOException {
        int room = (out.length - count) / size;
        if (room == 0) {
            flush();
            room = out.length / size;
        }
        return room;
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        position += length;
        if (length > out.length - count) {
            flush();
            if (length > out.length / 2) {
                writeFully(ByteBuffer.wrap(bytes, offset, length));
                return;
            }
        }
        System.arraycopy(bytes, offset, out, count, length);
        count += length;
    }

    private void put(ByteBuffer bytes) throws IOException {
        int length = bytes.remaining();
        position += length;
        if (length > out.length - count) {
            flush();
            if (length > out.length / 2) {
                writeFully(bytes);
                return;
            }
        }
        bytes.get(out, count, length);
        count += length;
    }

    /** A 32-bit little-endian number; the caller has made room. */
    final void putInt(int value) {
        byte[] b = out;
        int at = count;
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
        count = at + 4;
    }

    /** A 64-bit little-endian number; the caller has made room. */
    final void putLong(long value) {
        putInt((int) value);
        putInt((int) (value >>> 32));
    }

    private void ensure(int bytes) throws IOException {
        if (out.length - count < bytes) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (output != null) {
            out = output.swap(out, count);
            count = 0;
            return;
        }
        writeFully(ByteBuffer.wrap(out, 0, count));
        count = 0;
        if (sync != null) {
            sync.written(position);
        }
    }

    /** Writes past the buffer, after what is queued, so that the file keeps its order. */
    private void writeFully(ByteBuffer bytes) throws IOException {
        if (output != null) {
            output.drain();
        }
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("writer already finished");
        }
    }
}
