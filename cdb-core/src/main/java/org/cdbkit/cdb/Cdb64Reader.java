package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a cdb64 ({@link Cdb64Format}) through a memory mapping of the whole file, of any size
 * (mapped in 1 GiB segments past 1 GiB: {@link MappedInput}), with {@link CdbReader}'s API.
 *
 * <p>Values come back as read-only buffers ({@link #get}): views of the mapping on Java 22 and
 * later, copies before (see {@link MappedInput#slice}); the {@code Bytes} variants copy. Any
 * number of threads may look up at once. {@link #close()} unmaps the file at once (or, while
 * a finder from {@link #openFinder()} is open, at its close).
 *
 * <p>Every number read from the file is an unsigned 64-bit position or length; one that does
 * not lie inside the file (which covers every value from 2^63 up, negative as a Java long) is
 * corruption, reported as a {@link CdbFormatException} that says what is wrong and where before
 * anything is read or allocated from it. A lookup checks once that its whole hash table lies in
 * the file (a table that does not is reported, even if the key's slots would have been in it:
 * unlike the 32-bit reader, this one does not follow cdbget's walk of a damaged file) and then
 * probes at most its slot count of slots, so no file can make it loop.
 */
public final class Cdb64Reader implements CdbDatabase {
    private static final int NUMBER = 8;
    private static final byte[] EMPTY = new byte[0];

    private final MappedInput input;

    private Cdb64Reader(MappedInput input) {
        this.input = input;
    }

    /** Opens a file, checking that it holds at least a header. */
    public static Cdb64Reader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        MappedInput input;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            input = MappedInput.map(channel);
        }
        try {
            return open(input);
        } catch (CdbFormatException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** Wraps a mapped file, checking that it holds at least a header. */
    public static Cdb64Reader open(MappedInput input) throws CdbFormatException {
        Objects.requireNonNull(input, "input");
        if (input.length() < Cdb64Format.HEADER_SIZE) {
            throw new CdbFormatException("truncated file: " + input.length()
                    + " bytes is shorter than the 4096-byte header of a cdb64");
        }
        return new Cdb64Reader(input);
    }

    /**
     * Wraps a mapped file without checking anything up front, as {@link CdbReader#openUnchecked}:
     * each read is checked when a lookup makes it.
     */
    public static Cdb64Reader openUnchecked(MappedInput input) {
        Objects.requireNonNull(input, "input");
        return new Cdb64Reader(input);
    }

    @Override
    public MappedInput input() {
        return input;
    }

    /** {@link CdbWidth#CDB64}. */
    @Override
    public CdbWidth width() {
        return CdbWidth.CDB64;
    }

    @Override
    public ByteBuffer get(byte[] key) throws CdbFormatException {
        Finder finder = find(key);
        return finder.next() ? finder.value() : null;
    }

    @Override
    public byte[] getBytes(byte[] key) throws CdbFormatException {
        Finder finder = find(key);
        return finder.next() ? finder.valueBytes() : null;
    }

    @Override
    public List<ByteBuffer> getAll(byte[] key) throws CdbFormatException {
        List<ByteBuffer> values = new ArrayList<>();
        Finder finder = find(key);
        while (finder.next()) {
            values.add(finder.value());
        }
        return values;
    }

    @Override
    public Finder find(byte[] key) {
        Objects.requireNonNull(key, "key");
        return new Finder(key, 0, key.length, false);
    }

    /**
     * A cursor over the records stored under the key {@code key[offset, offset + length)}; the
     * array is read, not copied, so it must not change while the cursor is in use.
     */
    public Finder find(byte[] key, int offset, int length) {
        Objects.requireNonNull(key, "key");
        Objects.checkFromIndexSize(offset, length, key.length);
        return new Finder(key, offset, length, false);
    }

    /** A finder to reuse for lookup after lookup on one thread ({@link Finder#start}). */
    public Finder finder() {
        return new Finder(EMPTY, 0, 0, false);
    }

    /**
     * A finder as {@link #finder()} makes, that holds the file mapped until it is closed, its
     * lookups then needing no guard each: see {@link CdbReader#openFinder()}, which this works
     * as. Throws {@link IllegalStateException} if the reader is closed already.
     */
    public Finder openFinder() {
        input.hold();
        return new Finder(EMPTY, 0, 0, true);
    }

    @Override
    public long recordsEnd() throws CdbFormatException {
        long end;
        input.enter();
        try {
            end = number(input, 0, "header entry of hash table 0");
        } finally {
            input.exit();
        }
        if (end < 0 || end > input.length()) {
            throw new CdbFormatException("header: records end at " + Long.toUnsignedString(end)
                    + ", past the end of the file (" + input.length() + " bytes)");
        }
        return end;
    }

    /** The record at {@code position}, checked to lie before {@code limit} (and inside the file). */
    @Override
    public CdbRecord recordAt(long position, long limit) throws CdbFormatException {
        long end = Math.min(limit, input.length());
        if (position < 0 || end - position < Cdb64Format.RECORD_HEADER_SIZE) {
            throw new CdbFormatException("record at " + position + ": truncated header, records end at " + end);
        }
        long keyLength;
        long valueLength;
        input.enter();
        try {
            keyLength = input.longAt(position);
            valueLength = input.longAt(position + NUMBER);
        } finally {
            input.exit();
        }
        long keyStart = position + Cdb64Format.RECORD_HEADER_SIZE;
        // overflow-safe: each length is compared with what is left, never added first
        if (keyLength < 0 || keyLength > end - keyStart || valueLength < 0
                || valueLength > end - keyStart - keyLength) {
            throw new CdbFormatException("record at " + position + ": key length "
                    + Long.toUnsignedString(keyLength) + " and data length " + Long.toUnsignedString(valueLength)
                    + " run past the end of the records at " + end);
        }
        return new CdbRecord(input, position, Cdb64Format.RECORD_HEADER_SIZE, keyLength, valueLength);
    }

    @Override
    public void close() {
        input.close();
    }

    /**
     * The one checked read of a number: the 8 bytes at {@code position}, which must lie in the
     * file; unguarded, so only between enter() and exit() or under a hold.
     */
    private static long number(MappedInput in, long position, String what) throws CdbFormatException {
        if (position < 0 || in.length - position < NUMBER) {
            throw new CdbFormatException(what + " at " + position + " lies past the end of the file ("
                    + in.length + " bytes)");
        }
        return in.longAt(position);
    }

    private static IllegalStateException finderClosed() {
        return new IllegalStateException("finder is closed");
    }

    /**
     * One lookup in progress, as cdb's {@code cdb_findnext}: each {@link #next()} moves to the
     * next record with the key. Not thread-safe: a finder serves one thread, one lookup at a
     * time.
     */
    public final class Finder implements CdbFinder {
        /** Whether this finder holds the file mapped (openFinder), its reads then unguarded. */
        private final boolean held;
        private boolean closed;
        private byte[] key;
        private int keyOffset;
        private int keyLength;
        private boolean started;
        private long hash;
        private long tablePosition;
        /** The end of the table: checked once to be inside the file, so slot reads need no check. */
        private long tableEnd;
        private long slotCount;
        private long slotPosition;
        private long probes;
        private boolean onRecord;
        private long valuePosition;
        private long valueLength;

        Finder(byte[] key, int keyOffset, int keyLength, boolean held) {
            this.held = held;
            this.key = key;
            this.keyOffset = keyOffset;
            this.keyLength = keyLength;
        }

        @Override
        public Finder start(byte[] key, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, key.length);
            this.key = key;
            this.keyOffset = offset;
            this.keyLength = length;
            started = false;
            onRecord = false;
            probes = 0;
            slotCount = 0;
            return this;
        }

        public Finder start(byte[] key) {
            return start(key, 0, key.length);
        }

        /**
         * Moves to the next record with the key; false when there is none. Throws
         * {@link IllegalStateException} once this finder is closed, or once the reader is closed
         * unless this finder holds the file ({@link Cdb64Reader#openFinder()}).
         */
        @Override
        public boolean next() throws CdbFormatException {
            if (closed) {
                throw finderClosed();
            }
            if (held) {
                return step();
            }
            input.enter();
            try {
                return step();
            } finally {
                input.exit();
            }
        }

        private boolean step() throws CdbFormatException {
            onRecord = false;
            final MappedInput in = input;
            if (!started) {
                started = true;
                locate(in);
            }
            // at most slotCount probes: no table, however hostile, can make this loop
            while (probes < slotCount) {
                final long slot = slotPosition;
                final long slotHash = in.longAt(slot);
                final long recordPosition = in.longAt(slot + NUMBER);
                if (recordPosition == 0) {
                    slotCount = probes; // an empty slot ends the lookup, now and at every later next()
                    return false;
                }
                probes++;
                slotPosition += Cdb64Format.SLOT_SIZE;
                if (slotPosition == tableEnd) {
                    slotPosition = tablePosition;
                }
                if (slotHash == hash && matches(in, slot, recordPosition)) {
                    onRecord = true;
                    return true;
                }
            }
            return false;
        }

        /** Reads the key's header entry and checks that its table lies in the file; sets the first slot. */
        private void locate(MappedInput in) throws CdbFormatException {
            final long h = CdbHash.hash64(key, keyOffset, keyLength);
            hash = h;
            final int table = (int) h & 0xff;
            final long entryAt = (long) table * Cdb64Format.SLOT_SIZE;
            if (in.length - entryAt < Cdb64Format.SLOT_SIZE) {
                throw new CdbFormatException("header entry of hash table " + table + " at " + entryAt
                        + " lies past the end of the file (" + in.length + " bytes)");
            }
            tablePosition = in.longAt(entryAt);
            slotCount = in.longAt(entryAt + NUMBER);
            probes = 0;
            if (slotCount == 0) {
                return;
            }
            // overflow-safe: the slot count is compared with what the file has room for
            if (tablePosition < 0 || tablePosition > in.length || slotCount < 0
                    || slotCount > (in.length - tablePosition) / Cdb64Format.SLOT_SIZE) {
                long count = slotCount;
                slotCount = 0;
                throw new CdbFormatException("hash table " + table + " at " + Long.toUnsignedString(tablePosition)
                        + " of " + Long.toUnsignedString(count) + " slots (header entry at " + entryAt
                        + ") runs past the end of the file (" + in.length + " bytes)");
            }
            tableEnd = tablePosition + slotCount * Cdb64Format.SLOT_SIZE;
            // h >>> 8 is positive, so % is the unsigned remainder the format asks for
            slotPosition = tablePosition + (h >>> 8) % slotCount * Cdb64Format.SLOT_SIZE;
        }

        /** Whether the record a slot points to holds the key; checks it lies in the file first. */
        private boolean matches(MappedInput in, long slot, long recordPosition) throws CdbFormatException {
            if (recordPosition < 0 || in.length - recordPosition < Cdb64Format.RECORD_HEADER_SIZE) {
                throw new CdbFormatException("hash slot at " + slot + ": record at "
                        + Long.toUnsignedString(recordPosition) + " lies past the end of the file ("
                        + in.length + " bytes)");
            }
            final long storedKeyLength = in.longAt(recordPosition);
            final long dataLength = in.longAt(recordPosition + NUMBER);
            if (storedKeyLength != keyLength) {
                return false;
            }
            final long keyStart = recordPosition + Cdb64Format.RECORD_HEADER_SIZE;
            if (in.length - keyStart < keyLength) {
                throw new CdbFormatException("record at " + recordPosition + ": key of " + keyLength
                        + " bytes runs past the end of the file (" + in.length + " bytes)");
            }
            if (!in.equalsAt(keyStart, key, keyOffset, keyLength)) {
                return false;
            }
            final long dataStart = keyStart + keyLength;
            if (dataLength < 0 || in.length - dataStart < dataLength) {
                throw new CdbFormatException("record at " + recordPosition + ": data of "
                        + Long.toUnsignedString(dataLength) + " bytes at " + dataStart
                        + " runs past the end of the file (" + in.length + " bytes)");
            }
            valuePosition = dataStart;
            valueLength = dataLength;
            return true;
        }

        /** Where the current record's data starts in the file (checked to lie in it). */
        @Override
        public long valuePosition() {
            return valuePosition;
        }

        @Override
        public long valueLength() {
            return valueLength;
        }

        /** Occupied slots examined so far (cdb's {@code loop}). */
        @Override
        public long probes() {
            return probes;
        }

        @Override
        public ByteBuffer value() {
            checkOnRecord();
            return input.slice(valuePosition, CdbReader.checkedLength(valueLength));
        }

        @Override
        public byte[] valueBytes() {
            checkOnRecord();
            byte[] copy = new byte[CdbReader.checkedLength(valueLength)];
            if (!held) {
                input.enter();
            }
            try {
                input.copyAt(valuePosition, copy, 0, copy.length); // checked by matches()
            } finally {
                if (!held) {
                    input.exit();
                }
            }
            return copy;
        }

        /** Done with this finder; a finder from {@link Cdb64Reader#openFinder()} lets go of the file. Idempotent. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (held) {
                    input.release();
                }
            }
        }

        private void checkOnRecord() {
            if (closed) {
                throw finderClosed();
            }
            if (!onRecord) {
                throw new IllegalStateException("no current record: next() has not found one");
            }
        }
    }
}
