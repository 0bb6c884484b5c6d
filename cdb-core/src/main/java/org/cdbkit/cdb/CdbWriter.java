package org.cdbkit.cdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.Objects;

/**
 * Writes a cdb as cdbmake does, record by record, to a file channel: the header is reserved,
 * the records follow in the order given, then {@link #finish()} writes the 256 hash tables and
 * the header. The bytes are identical to cdbmake's for the same records in the same order.
 *
 * <p>Memory: 8 bytes a record plus fixed buffers. A record that would take the file past the
 * 4 GiB limit of the format is refused with {@link CdbTooLargeException} before any of it is
 * written. Records can be added whole ({@link #add(byte[], byte[])}) or streamed in pieces
 * ({@link #beginRecord}, {@link #key}, {@link #value}, {@link #endRecord}) for keys and data
 * that do not fit in memory.
 *
 * <p>Not thread-safe. The channel, empty or truncated by the caller, is written from position 0
 * and is not closed by this class.
 */
public final class CdbWriter implements RecordSink, Closeable {
    /**
     * 256 KiB: records reach the file a full buffer at a time; a piece over half a buffer is
     * written straight from the caller's bytes.
     */
    private static final int BUFFER_SIZE = 1 << 18;

    private final FileChannel channel;
    private final BackgroundSync sync;
    /**
     * The buffer being filled, {@code out[0, count)}: a plain array, written by hand in little
     * endian, which is quick even before the JIT's second tier. With {@link #output}, the other
     * buffers are on their way to the file.
     */
    private byte[] out = new byte[BUFFER_SIZE];
    private int count;
    private final AsyncOutput output;
    private final SlotLists slots = new SlotLists();
    /** Where the next byte goes in the file. */
    private long position = CdbFormat.HEADER_SIZE;
    private boolean finished;

    // the record being streamed
    private boolean inRecord;
    private long recordPosition;
    private long keyRemaining;
    private long valueRemaining;
    private int keyHash;

    public CdbWriter(FileChannel channel) throws IOException {
        this(Objects.requireNonNull(channel, "channel"), null);
    }

    /** As {@link #CdbWriter(FileChannel)}; {@code sync}, if not null, hears how much was written. */
    CdbWriter(FileChannel channel, BackgroundSync sync) throws IOException {
        this(channel, sync, false);
    }

    /**
     * As {@link #CdbWriter(FileChannel, BackgroundSync)}; with {@code writeBehind}, full buffers
     * are written by a thread of their own while the next one fills ({@link AsyncOutput}).
     */
    CdbWriter(FileChannel channel, BackgroundSync sync, boolean writeBehind) throws IOException {
        this.channel = channel;
        this.sync = sync;
        this.output = writeBehind ? new AsyncOutput(channel, sync, BUFFER_SIZE) : null;
        channel.position(0);
        count = CdbFormat.HEADER_SIZE; // zeros: the header, written at the end
    }

    /** The number of records added so far. */
    public long recordCount() {
        return slots.total();
    }

    public void add(byte[] key, byte[] value) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        add(key, 0, key.length, value, 0, value.length);
    }

    public void add(byte[] key, int keyOffset, int keyLength, byte[] value, int valueOffset, int valueLength)
            throws IOException {
        beginRecord(keyLength, valueLength);
        key(key, keyOffset, keyLength);
        value(value, valueOffset, valueLength);
        endRecord();
    }

    /** Adds the remaining bytes of {@code key} and {@code value}; their positions are not changed. */
    public void add(ByteBuffer key, ByteBuffer value) throws IOException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        beginRecord(key.remaining(), value.remaining());
        keyHash = CdbHash.hash(key);
        keyRemaining = 0;
        put(key.duplicate());
        valueRemaining = 0;
        put(value.duplicate());
        endRecord();
    }

    @Override
    public void beginRecord(long keyLength, long valueLength) throws IOException {
        checkOpen();
        if (inRecord) {
            throw new IllegalStateException("the previous record is not complete");
        }
        if (keyLength < 0 || valueLength < 0) {
            throw new IllegalArgumentException("negative length");
        }
        long end = position + CdbFormat.RECORD_HEADER_SIZE + keyLength + valueLength;
        // every record costs two 8-byte slots in the hash tables written at the end
        long finalSize = end + 16 * (slots.total() + 1);
        if (keyLength > CdbFormat.MAX_FILE_SIZE || valueLength > CdbFormat.MAX_FILE_SIZE
                || finalSize > CdbFormat.MAX_FILE_SIZE) {
            throw new CdbTooLargeException("record " + (slots.total() + 1) + " would make the database "
                    + (finalSize) + " bytes, over the 4 GiB limit of the cdb format (4294967295 bytes)");
        }
        ensure(CdbFormat.RECORD_HEADER_SIZE);
        putInt((int) keyLength);
        putInt((int) valueLength);
        inRecord = true;
        recordPosition = position;
        position += CdbFormat.RECORD_HEADER_SIZE;
        keyRemaining = keyLength;
        valueRemaining = valueLength;
        keyHash = CdbHash.START;
    }

    @Override
    public void key(byte[] bytes, int offset, int length) throws IOException {
        if (!inRecord || length > keyRemaining) {
            throw new IllegalStateException("more key bytes than declared");
        }
        keyHash = CdbHash.update(keyHash, bytes, offset, length);
        keyRemaining -= length;
        put(bytes, offset, length);
    }

    @Override
    public void value(byte[] bytes, int offset, int length) throws IOException {
        if (!inRecord || keyRemaining != 0 || length > valueRemaining) {
            throw new IllegalStateException("value bytes out of order or more than declared");
        }
        valueRemaining -= length;
        put(bytes, offset, length);
    }

    @Override
    public void endRecord() {
        if (!inRecord || keyRemaining != 0 || valueRemaining != 0) {
            throw new IllegalStateException("record shorter than declared");
        }
        inRecord = false;
        slots.add(keyHash, recordPosition);
    }

    /**
     * Writes the hash tables and the header. The file is complete once this returns; forcing it
     * to disk and closing the channel are the caller's (see {@link AtomicCdbFile}).
     */
    public void finish() throws IOException {
        checkOpen();
        if (inRecord) {
            throw new IllegalStateException("the last record is not complete");
        }
        ByteBuffer header = ByteBuffer.allocate(CdbFormat.HEADER_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        long[] table = new long[Math.max(2, 2 * slots.maxCount())];
        for (int t = 0; t < CdbFormat.TABLE_COUNT; t++) {
            int records = slots.count(t);
            int length = 2 * records;
            header.putInt((int) position).putInt(length);
            java.util.Arrays.fill(table, 0, length, 0L);
            for (int i = 0; i < records; i++) {
                long entry = slots.entry(t, i); // never 0: positions start at 2048
                int where = (int) ((entry >>> 40) % length); // (hash >>> 8) mod length
                while (table[where] != 0) {
                    if (++where == length) {
                        where = 0;
                    }
                }
                table[where] = entry;
            }
            // each slot is (hash, position), little-endian; as many as the buffer holds at a time
            for (int i = 0; i < length;) {
                int room = (out.length - count) / CdbFormat.SLOT_SIZE;
                if (room == 0) {
                    flush();
                    continue;
                }
                for (int end = Math.min(length, i + room); i < end; i++) {
                    long entry = table[i];
                    putInt((int) (entry >>> 32));
                    putInt((int) entry);
                }
            }
            position += (long) CdbFormat.SLOT_SIZE * length;
        }
        flush();
        if (output != null) {
            output.close();
        }
        header.flip();
        long at = 0;
        while (header.hasRemaining()) {
            at += channel.write(header, at);
        }
        finished = true;
    }

    /** Marks this writer unusable and stops its write-behind thread; the channel belongs to the caller. */
    @Override
    public void close() {
        if (output != null && !finished) {
            try {
                output.close();
            } catch (IOException e) {
                // closing after a failure: the failure was or will be reported elsewhere
            }
        }
        finished = true;
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
    private void putInt(int value) {
        byte[] b = out;
        int at = count;
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
        count = at + 4;
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
