package org.cdbkit.cdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads a cdb through a memory mapping of the whole file (up to the format's 4 GiB).
 *
 * <p>Values come back as read-only views of the mapping, not copies ({@link #get}); the
 * {@code Bytes} variants copy. Any number of threads may look up at once.
 *
 * <p>Every position and length read from the file is checked against the file size before it
 * is followed, and a lookup visits each slot of a hash table at most once, so a corrupt or
 * hostile file gives a {@link CdbFormatException} naming what is wrong: never a loop, a read
 * outside the file, or an allocation from an unchecked length. Lookups follow cdb's
 * {@code cdb_findnext} to the letter (32-bit position arithmetic, keys compared in 32-byte
 * pieces), so on a damaged file they find, miss or fail exactly where cdbget does.
 */
public final class CdbReader implements Closeable {
    private static final long UINT32 = 0xFFFFFFFFL;
    /** cdb compares a stored key in pieces of this size and stops at the first difference. */
    private static final int KEY_PIECE = 32;

    private final MappedInput input;

    private CdbReader(MappedInput input) {
        this.input = input;
    }

    /** Opens a file, checking that it holds at least a header and fits the format. */
    public static CdbReader open(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return open(MappedInput.map(channel));
        }
    }

    /** Wraps a mapped file, checking that it holds at least a header and fits the format. */
    public static CdbReader open(MappedInput input) throws CdbFormatException {
        if (input.length() < CdbFormat.HEADER_SIZE) {
            throw new CdbFormatException("truncated file: " + input.length()
                    + " bytes is shorter than the 2048-byte header");
        }
        return openUnchecked(input);
    }

    /**
     * Wraps a mapped file without checking anything up front, as cdbget does: each read is
     * checked when a lookup makes it. A file shorter than its header can still answer
     * "absent" for a key whose header entry is present and says its table is empty.
     */
    public static CdbReader openUnchecked(MappedInput input) throws CdbFormatException {
        if (input.length() > CdbFormat.MAX_FILE_SIZE) {
            throw new CdbFormatException("file of " + input.length()
                    + " bytes is larger than the 4 GiB the format can address");
        }
        return new CdbReader(input);
    }

    public MappedInput input() {
        return input;
    }

    /** The first value stored under {@code key}, as a read-only view, or null. */
    public ByteBuffer get(byte[] key) throws CdbFormatException {
        Finder finder = find(key);
        return finder.next() ? finder.value() : null;
    }

    /** The first value stored under {@code key}, copied, or null. */
    public byte[] getBytes(byte[] key) throws CdbFormatException {
        Finder finder = find(key);
        return finder.next() ? finder.valueBytes() : null;
    }

    /** Every value stored under {@code key}, in the order they were added. */
    public List<ByteBuffer> getAll(byte[] key) throws CdbFormatException {
        List<ByteBuffer> values = new ArrayList<>();
        Finder finder = find(key);
        while (finder.next()) {
            values.add(finder.value());
        }
        return values;
    }

    /** A cursor over the records stored under {@code key}, in the order they were added. */
    public Finder find(byte[] key) {
        return new Finder(key, 0, key.length);
    }

    /**
     * A cursor over the records stored under the key {@code key[offset, offset + length)}; the
     * array is read, not copied, so it must not change while the cursor is in use.
     */
    public Finder find(byte[] key, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, key.length);
        return new Finder(key, offset, length);
    }

    /** Where the records end and the hash tables begin: the position of table 0. */
    public long recordsEnd() throws CdbFormatException {
        long end = readUint(0, "header");
        if (end > input.length()) {
            throw new CdbFormatException("header: records end at " + end + ", past the end of the file ("
                    + input.length() + " bytes)");
        }
        return end;
    }

    /** Every record in file order, without copying. */
    public Iterable<CdbRecord> records() {
        return RecordIterator::new;
    }

    /** Every record in file order, as a callback; stops at the first exception. */
    public void forEachRecord(RecordVisitor visitor) throws IOException {
        long end = recordsEnd();
        long position = CdbFormat.HEADER_SIZE;
        while (position < end) {
            CdbRecord record = recordAt(position, end);
            visitor.visit(record);
            position = record.end();
        }
    }

    /** The record at {@code position}, checked to lie before {@code limit}. */
    public CdbRecord recordAt(long position, long limit) throws CdbFormatException {
        if (position + CdbFormat.RECORD_HEADER_SIZE > limit) {
            throw new CdbFormatException("record at " + position + ": truncated header, records end at " + limit);
        }
        long keyLength = input.readUnsignedInt(position);
        long valueLength = input.readUnsignedInt(position + 4);
        long keyStart = position + CdbFormat.RECORD_HEADER_SIZE;
        if (keyStart + keyLength + valueLength > limit) {
            throw new CdbFormatException("record at " + position + ": key length " + keyLength
                    + " and data length " + valueLength + " run past the end of the records at " + limit);
        }
        return new CdbRecord(input, position, keyLength, valueLength);
    }

    @Override
    public void close() {
        input.close();
    }

    private long readUint(long position, String what) throws CdbFormatException {
        if (position + 4 > input.length()) {
            throw new CdbFormatException(what + " at " + position + " lies past the end of the file ("
                    + input.length() + " bytes)");
        }
        return input.readUnsignedInt(position);
    }

    /** Table {@code table}'s position (field 0) or slot count (field 4). */
    private long readHeaderEntry(int table, int field) throws CdbFormatException {
        long position = (table << 3) + field;
        if (position + 4 > input.length()) {
            throw new CdbFormatException("header entry of hash table " + table + " at " + position
                    + " lies past the end of the file (" + input.length() + " bytes)");
        }
        return input.readUnsignedInt(position);
    }

    /** Receives records in file order. */
    @FunctionalInterface
    public interface RecordVisitor {
        void visit(CdbRecord record) throws IOException;
    }

    private final class RecordIterator implements Iterator<CdbRecord> {
        private long position = CdbFormat.HEADER_SIZE;
        private final long end;

        RecordIterator() {
            try {
                end = recordsEnd();
            } catch (CdbFormatException e) {
                throw new CorruptCdbException(e);
            }
        }

        @Override
        public boolean hasNext() {
            return position < end;
        }

        @Override
        public CdbRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            try {
                CdbRecord record = recordAt(position, end);
                position = record.end();
                return record;
            } catch (CdbFormatException e) {
                throw new CorruptCdbException(e);
            }
        }
    }

    /**
     * One lookup in progress, as cdb's {@code cdb_findnext}: each {@link #next()} moves to the
     * next record with the key. Not thread-safe; make one per lookup.
     */
    public final class Finder {
        private final byte[] key;
        private final int keyOffset;
        private final int keyLength;
        private boolean started;
        private long tablePosition;
        private long slotCount;
        private long slotPosition;
        /** The first slot probed: coming back to it means every slot of the walk has been seen. */
        private long firstSlot;
        private long hash;
        /** How many occupied slots have been examined: cdb's {@code loop}, used by cdbstats. */
        private long probes;
        private long valuePosition;
        private long valueLength;

        Finder(byte[] key, int keyOffset, int keyLength) {
            this.key = key;
            this.keyOffset = keyOffset;
            this.keyLength = keyLength;
        }

        /** Moves to the next record with the key; false when there is none. */
        public boolean next() throws CdbFormatException {
            if (!started) {
                started = true;
                int h = CdbHash.hash(key, keyOffset, keyLength);
                hash = h & UINT32;
                slotCount = readHeaderEntry(h & 0xff, 4);
                if (slotCount == 0) {
                    return false;
                }
                tablePosition = readHeaderEntry(h & 0xff, 0);
                slotPosition = (tablePosition + ((hash >>> 8) % slotCount) * CdbFormat.SLOT_SIZE) & UINT32;
                firstSlot = slotPosition;
            }
            // positions are 32-bit in cdb: a hostile table may wrap around, as it does in C
            long tableEnd = (tablePosition + (slotCount << 3)) & UINT32;
            while (probes < slotCount) {
                if (probes > 0 && slotPosition == firstSlot) {
                    // hslots << 3 wrapped past 2^32 and brought the walk back to its start after
                    // fewer than hslots probes: cdb would go round again (up to 4 billion probes),
                    // seeing the same slots; every one has been seen once, so stop here
                    return false;
                }
                long recordPosition = readUint(slotPosition + 4, "hash slot");
                if (recordPosition == 0) {
                    return false;
                }
                long slotHash = input.readUnsignedInt(slotPosition);
                probes++;
                slotPosition = (slotPosition + CdbFormat.SLOT_SIZE) & UINT32;
                if (slotPosition == tableEnd) {
                    slotPosition = tablePosition;
                }
                if (slotHash == hash && matches(recordPosition)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matches(long recordPosition) throws CdbFormatException {
            long storedKeyLength = readUint(recordPosition, "record header");
            long dataLength = readUint(recordPosition + 4, "record header");
            if (storedKeyLength != keyLength) {
                return false;
            }
            long keyStart = (recordPosition + CdbFormat.RECORD_HEADER_SIZE) & UINT32;
            for (int offset = 0; offset < keyLength; offset += KEY_PIECE) {
                int n = Math.min(KEY_PIECE, keyLength - offset);
                long at = keyStart + offset;
                if (at + n > input.length()) {
                    throw new CdbFormatException("record at " + recordPosition + ": key of " + storedKeyLength
                            + " bytes runs past the end of the file (" + input.length() + " bytes)");
                }
                if (!input.regionEquals(at, key, keyOffset + offset, n)) {
                    return false;
                }
            }
            valuePosition = (keyStart + storedKeyLength) & UINT32;
            valueLength = dataLength;
            return true;
        }

        /** Where the current record's data starts in the file. */
        public long valuePosition() {
            return valuePosition;
        }

        public long valueLength() {
            return valueLength;
        }

        /** Occupied slots examined so far (cdb's {@code loop}). */
        public long probes() {
            return probes;
        }

        /** The current record's data as a read-only view of the file. */
        public ByteBuffer value() throws CdbFormatException {
            checkValue();
            return input.slice(valuePosition, checkedLength(valueLength));
        }

        /** The current record's data, copied. */
        public byte[] valueBytes() throws CdbFormatException {
            checkValue();
            byte[] copy = new byte[checkedLength(valueLength)];
            input.readBytes(valuePosition, copy, 0, copy.length);
            return copy;
        }

        private void checkValue() throws CdbFormatException {
            if (valuePosition + valueLength > input.length()) {
                throw new CdbFormatException("data of " + valueLength + " bytes at " + valuePosition
                        + " runs past the end of the file (" + input.length() + " bytes)");
            }
        }
    }

    static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new UnsupportedOperationException("a value of " + length
                    + " bytes does not fit in one Java buffer; read it with MappedInput.readBytes in pieces");
        }
        return (int) length;
    }
}
