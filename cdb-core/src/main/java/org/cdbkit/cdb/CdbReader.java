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
 * Reads a cdb through a memory mapping of the whole file (up to the format's 4 GiB).
 *
 * <p>Values come back as read-only buffers ({@link #get}): views of the mapping on Java 22 and
 * later, copies before (see {@link MappedInput#slice}); the {@code Bytes} variants copy. Any
 * number of threads may look up at once. {@link #close()} unmaps the file at once.
 *
 * <p>Every position and length read from the file is checked against the file size before it
 * is followed, and a lookup visits each slot of a hash table at most once, so a corrupt or
 * hostile file gives a {@link CdbFormatException} naming what is wrong: never a loop, a read
 * outside the file, or an allocation from an unchecked length. Lookups follow cdb's
 * {@code cdb_findnext} to the letter (32-bit position arithmetic, keys compared in 32-byte
 * pieces), so on a damaged file they find, miss or fail exactly where cdbget does.
 */
public final class CdbReader implements CdbDatabase {
    private static final long UINT32 = 0xFFFFFFFFL;
    /** cdb compares a stored key in pieces of this size and stops at the first difference. */
    private static final int KEY_PIECE = 32;

    private final MappedInput input;

    private CdbReader(MappedInput input) {
        this.input = input;
    }

    /** Opens a file, checking that it holds at least a header and fits the format. */
    public static CdbReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return open(MappedInput.map(channel));
        }
    }

    /** Wraps a mapped file, checking that it holds at least a header and fits the format. */
    public static CdbReader open(MappedInput input) throws CdbFormatException {
        Objects.requireNonNull(input, "input");
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
        Objects.requireNonNull(input, "input");
        if (input.length() > CdbFormat.MAX_FILE_SIZE) {
            throw new CdbFormatException("file of " + input.length()
                    + " bytes is larger than the 4 GiB the format can address");
        }
        return new CdbReader(input);
    }

    @Override
    public MappedInput input() {
        return input;
    }

    /** {@link CdbWidth#CDB32}: a cdb ({@link Cdb64Reader} reads cdb64). */
    @Override
    public CdbWidth width() {
        return CdbWidth.CDB32;
    }

    /** The first value stored under {@code key}, as a read-only view, or null. */
    @Override
    public ByteBuffer get(byte[] key) throws CdbFormatException {
        Objects.requireNonNull(key, "key");
        long found = walk(key);
        if (found == WALK_MISSED) {
            return null;
        }
        if (found != WALK_EXACTLY) {
            return input.slice(valueStart(found, key.length), checkedLength(found >>> 32));
        }
        Finder finder = find(key);
        return finder.next() ? finder.value() : null;
    }

    /** The first value stored under {@code key}, copied, or null. */
    @Override
    public byte[] getBytes(byte[] key) throws CdbFormatException {
        Objects.requireNonNull(key, "key");
        // the walk and the copy under one guard: on Java 17 to 21 each guard is two locked
        // instructions, which keep the CPU from overlapping this lookup with the next
        input.enter();
        try {
            long found = walkTableInFile(input, key, 0, key.length);
            if (found == WALK_MISSED) {
                return null;
            }
            long start = valueStart(found, key.length);
            if (found != WALK_EXACTLY && start + (found >>> 32) <= input.length) {
                byte[] copy = new byte[checkedLength(found >>> 32)];
                input.copyAt(start, copy, 0, copy.length);
                return copy;
            }
        } finally {
            input.exit();
        }
        // a table or record past the end of the file: as cdb walks it, and reports it
        Finder finder = find(key);
        return finder.next() ? finder.valueBytes() : null;
    }

    /**
     * The first record with {@code key} as {@link #walkTableInFile} finds it, without a finder;
     * {@link #WALK_EXACTLY} also for a record whose value runs past the end of the file, so that
     * a {@link Finder} reports it as it always has.
     */
    private long walk(byte[] key) {
        input.enter();
        try {
            long found = walkTableInFile(input, key, 0, key.length);
            if (found != WALK_MISSED && found != WALK_EXACTLY
                    && valueStart(found, key.length) + (found >>> 32) > input.length) {
                return WALK_EXACTLY;
            }
            return found;
        } finally {
            input.exit();
        }
    }

    /** Where the value of the record {@link #walkTableInFile} found for a key of {@code keyLength} bytes starts. */
    private static long valueStart(long found, int keyLength) {
        return (found & UINT32) + CdbFormat.RECORD_HEADER_SIZE + keyLength;
    }

    /**
     * The first slot to probe for a key of hash {@code h} in the table whose header entry is
     * {@code entry} (position low, slot count high; the count not 0): slot (h >>> 8) mod count,
     * a 32-bit remainder as in C, half the cost of a 64-bit one.
     */
    private static long startSlot(long entry, int h) {
        return (entry & UINT32)
                + (Integer.remainderUnsigned(h >>> 8, (int) (entry >>> 32)) & UINT32) * CdbFormat.SLOT_SIZE;
    }

    /** Every value stored under {@code key}, in the order they were added. */
    @Override
    public List<ByteBuffer> getAll(byte[] key) throws CdbFormatException {
        Objects.requireNonNull(key, "key");
        List<ByteBuffer> values = new ArrayList<>();
        Finder finder = find(key);
        while (finder.next()) {
            values.add(finder.value());
        }
        return values;
    }

    /** A cursor over the records stored under {@code key}, in the order they were added. */
    @Override
    public Finder find(byte[] key) {
        Objects.requireNonNull(key, "key");
        return new Finder(key, 0, key.length);
    }

    /**
     * A cursor over the records stored under the key {@code key[offset, offset + length)}; the
     * array is read, not copied, so it must not change while the cursor is in use.
     */
    public Finder find(byte[] key, int offset, int length) {
        Objects.requireNonNull(key, "key");
        java.util.Objects.checkFromIndexSize(offset, length, key.length);
        return new Finder(key, offset, length);
    }

    /**
     * A finder to reuse for lookup after lookup on one thread ({@link Finder#start}), so that
     * looking up allocates nothing.
     */
    public Finder finder() {
        return new Finder(EMPTY, 0, 0);
    }

    /**
     * A finder as {@link #finder()} makes, that holds the file mapped until it is closed, so
     * that its lookups need no guard each against a close on another thread: for lookups made
     * in runs (on Java 17 to 21 the guard's two locked instructions cost more than half a
     * random lookup; benchmarks/README.md). Close it, best with try-with-resources: until then,
     * {@link #close()} of this reader makes every other read throw at once but leaves the
     * unmapping to the last open finder's close, and this finder goes on answering, as an open
     * file goes on reading after its name is removed. Throws {@link IllegalStateException} if
     * the reader is closed already.
     */
    public Finder openFinder() {
        input.hold();
        return new Finder(EMPTY, 0, 0, true);
    }

    private static IllegalStateException finderClosed() {
        return new IllegalStateException("finder is closed");
    }

    private static final byte[] EMPTY = new byte[0];

    /**
     * Looks up {@code count} keys at once: for each, the position and length of the value of its
     * first record, or -1 and 0 when it is absent. Lookups miss the CPU caches twice each (the
     * hash slot, then the record); here the slots of all the keys are read first, then all their
     * records, so that the misses overlap instead of following one another, and then each key is
     * found as {@link #find} finds it, in cache. Worth it from a few keys up; 8 to 16 is plenty.
     */
    public void getBatch(byte[][] keys, int offset, int count, long[] positions, long[] lengths, Finder finder)
            throws CdbFormatException {
        long[] at = count <= BATCH_SCRATCH ? BATCH.get() : new long[count];
        long length = input.length();
        long touched = 0;
        input.enter();
        try {
            // stage 1, in the CPU: where each key's first slot is (the header is in cache)
            for (int i = 0; i < count; i++) {
                int h = CdbHash.hash(keys[offset + i]);
                long entry = length >= CdbFormat.HEADER_SIZE ? input.longAt((h & 0xff) << 3) : 0;
                long slotCount = entry >>> 32;
                at[i] = slotCount == 0 ? -1 : startSlot(entry, h);
            }
            // stage 2, to memory: every slot, in a loop short enough that the loads overlap
            for (int i = 0; i < count; i++) {
                long slot = at[i];
                at[i] = slot >= 0 && slot + CdbFormat.SLOT_SIZE <= length ? input.intAt(slot + 4) & UINT32 : 0;
            }
            // stage 3, to memory: every record those slots point to
            for (int i = 0; i < count; i++) {
                long record = at[i];
                if (record != 0 && record + CdbFormat.RECORD_HEADER_SIZE <= length) {
                    touched += input.intAt(record);
                }
            }
        } finally {
            input.exit();
        }
        touchedSink = touched;
        // stage 4: the lookups proper, now from cache, with every check of find
        for (int i = 0; i < count; i++) {
            if (finder.start(keys[offset + i]).next()) {
                positions[i] = finder.valuePosition();
                lengths[i] = finder.valueLength();
            } else {
                positions[i] = -1;
                lengths[i] = 0;
            }
        }
    }

    /** Where the touches of getBatch go, so that the JIT cannot drop them as unused. */
    @SuppressWarnings("unused")
    private long touchedSink;

    private static final int BATCH_SCRATCH = 64;
    private static final ThreadLocal<long[]> BATCH = ThreadLocal.withInitial(() -> new long[BATCH_SCRATCH]);

    /** Where the records end and the hash tables begin: the position of table 0. */
    @Override
    public long recordsEnd() throws CdbFormatException {
        long end = readUint(0, "header");
        if (end > input.length()) {
            throw new CdbFormatException("header: records end at " + end + ", past the end of the file ("
                    + input.length() + " bytes)");
        }
        return end;
    }

    /** The record at {@code position}, checked to lie before {@code limit}. */
    @Override
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
        return new CdbRecord(input, position, CdbFormat.RECORD_HEADER_SIZE, keyLength, valueLength);
    }

    /**
     * Unmaps the file (see {@link MappedInput#close()}): lookups after it, or racing with it on
     * other threads, throw {@link IllegalStateException}.
     */
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

    private static CdbFormatException headerEntryPastEnd(int table, long fileLength) {
        return new CdbFormatException("header entry of hash table " + table + " at " + (table << 3)
                + " lies past the end of the file (" + fileLength + " bytes)");
    }

    /** Two 32-bit fields at once (a slot, a record's lengths), checked to lie in the file. */
    private long readLong(long position, String what) throws CdbFormatException {
        if (position + 8 > input.length()) {
            throw new CdbFormatException(what + " at " + position + " lies past the end of the file ("
                    + input.length() + " bytes)");
        }
        return input.longAt(position);
    }

    /**
     * One lookup in progress, as cdb's {@code cdb_findnext}: each {@link #next()} moves to the
     * next record with the key. Not thread-safe: a finder serves one thread, one lookup at a
     * time ({@link CdbReader#finder()} makes one to reuse lookup after lookup, and
     * {@link CdbReader#openFinder()} one that holds the file mapped until closed).
     */
    public final class Finder implements CdbFinder {
        /** Whether this finder holds the file mapped (openFinder), its reads then unguarded. */
        private final boolean held;
        private boolean closed;
        private byte[] key;
        private int keyOffset;
        private int keyLength;
        private boolean started;
        private long tablePosition;
        private long slotCount;
        private long slotPosition;
        /** The first slot probed: coming back to it means every slot of the walk has been seen. */
        private long firstSlot;
        private long hash;
        /** How many occupied slots have been examined: cdb's {@code loop}, used by cdbstats. */
        private long probes;
        /** Whether the current table lies wholly inside the file (then no slot read needs a check). */
        private boolean tableInFile;
        /** Whether the walk state above is worked out (see {@link #settle}). */
        private boolean settled = true;
        private long valuePosition;
        private long valueLength;

        Finder(byte[] key, int keyOffset, int keyLength) {
            this(key, keyOffset, keyLength, false);
        }

        Finder(byte[] key, int keyOffset, int keyLength, boolean held) {
            this.held = held;
            this.key = key;
            this.keyOffset = keyOffset;
            this.keyLength = keyLength;
        }

        /**
         * Starts a new lookup of {@code key[offset, offset + length)} with this finder; the array
         * is read, not copied. Returns this finder, on which {@link #next()} finds the records.
         */
        public Finder start(byte[] key, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, key.length);
            // A caller that reuses one key array stores nothing here: under G1 a reference
            // store can take a full fence (its card-marking barrier), and one a lookup kept the
            // CPU from overlapping lookups (random hits 265 ns against 213, JDK 17).
            if (this.key != key) {
                this.key = key;
            }
            this.keyOffset = offset;
            this.keyLength = length;
            started = false;
            probes = 0;
            return this;
        }

        public Finder start(byte[] key) {
            return start(key, 0, key.length);
        }

        /**
         * Moves to the next record with the key; false when there is none. Throws
         * {@link IllegalStateException} once this finder is closed, or once the reader is closed
         * unless this finder holds the file ({@link CdbReader#openFinder()}).
         */
        public boolean next() throws CdbFormatException {
            if (closed) {
                throw finderClosed();
            }
            if (held) {
                return step(); // the file stays mapped while this finder is open
            }
            // one guard for the whole step, its reads unguarded inside (see Mapping)
            input.enter();
            try {
                return step();
            } finally {
                input.exit();
            }
        }

        /** One step of a lookup, its reads unguarded: the caller guards it, or the finder holds the file. */
        private boolean step() throws CdbFormatException {
            if (!started) {
                started = true;
                // tinycdb's shape first, writing nothing to this finder as it goes; the
                // finder's walk state is worked out only when asked for (settle)
                final long found = walkTableInFile(input, key, keyOffset, keyLength);
                if (found == WALK_MISSED) {
                    settled = false;
                    return false;
                }
                if (found != WALK_EXACTLY) {
                    valuePosition = valueStart(found, keyLength);
                    valueLength = found >>> 32;
                    settled = false;
                    return true;
                }
                settle(false);
                return probeExactly();
            }
            if (!settled) {
                settle(true);
            }
            return tableInFile ? probeTableInFile() : probeExactly();
        }

        /**
         * Works out where the first step of the lookup left its walk (the slot to go on from, the
         * probes made), by walking it again: in cache now, and needed only for a second step or
         * {@link #probes()}. A table that does not lie in the file is set up for
         * {@link #probeExactly}, from its first slot.
         */
        private void settle(boolean replay) throws CdbFormatException {
            settled = true;
            final MappedInput in = input;
            final int h = CdbHash.hash(key, keyOffset, keyLength);
            hash = h & UINT32;
            final long entryAt = (h & 0xff) << 3;
            if (entryAt + 8 > in.length) {
                throw headerEntryPastEnd(h & 0xff, in.length);
            }
            final long entry = in.longAt(entryAt);
            slotCount = entry >>> 32;
            tablePosition = entry & UINT32;
            probes = 0;
            if (slotCount == 0) {
                tableInFile = true; // nothing to walk
                return;
            }
            final long start = startSlot(entry, h);
            tableInFile = tablePosition + (slotCount << 3) <= in.length;
            slotPosition = start & UINT32;
            firstSlot = slotPosition;
            if (replay) {
                probeTableInFile(); // the first step again (its table lies in the file): it ends where that one did
            }
        }

        /** The walk of a table inside the file from where the previous step stopped (see {@link #walkTableInFile}). */
        private boolean probeTableInFile() throws CdbFormatException {
            final long tableEnd = tablePosition + (slotCount << 3);
            final long keyEnd = CdbFormat.RECORD_HEADER_SIZE + keyLength;
            while (probes < slotCount) {
                final long slot = input.longAt(slotPosition);
                final long recordPosition = slot >>> 32;
                if (recordPosition == 0) {
                    return false;
                }
                probes++;
                slotPosition += CdbFormat.SLOT_SIZE;
                if (slotPosition == tableEnd) {
                    slotPosition = tablePosition;
                }
                if ((slot & UINT32) == hash) {
                    if (recordPosition + keyEnd <= input.length) {
                        final long lengths = input.longAt(recordPosition);
                        if ((lengths & UINT32) == keyLength && input.equalsAt(
                                recordPosition + CdbFormat.RECORD_HEADER_SIZE, key, keyOffset, keyLength)) {
                            valuePosition = recordPosition + keyEnd;
                            valueLength = lengths >>> 32;
                            return true;
                        }
                    } else if (matches(recordPosition)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** cdb_findnext to the letter, every read checked: for a table that runs past the file. */
        private boolean probeExactly() throws CdbFormatException {
            // positions are 32-bit in cdb: a hostile table may wrap around, as it does in C
            long tableEnd = (tablePosition + (slotCount << 3)) & UINT32;
            while (probes < slotCount) {
                if (probes > 0 && slotPosition == firstSlot) {
                    // hslots << 3 wrapped past 2^32 and brought the walk back to its start after
                    // fewer than hslots probes: cdb would go round again (up to 4 billion probes),
                    // seeing the same slots; every one has been seen once, so stop here
                    return false;
                }
                long slot = readLong(slotPosition, "hash slot");
                long recordPosition = slot >>> 32;
                if (recordPosition == 0) {
                    return false;
                }
                long slotHash = slot & UINT32;
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
            long lengths = readLong(recordPosition, "record header");
            long storedKeyLength = lengths & UINT32;
            long dataLength = lengths >>> 32;
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
                if (!input.equalsAt(at, key, keyOffset + offset, n)) {
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
        public long probes() throws CdbFormatException {
            if (!settled) {
                enterStep();
                try {
                    settle(true);
                } finally {
                    exitStep();
                }
            }
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
            enterStep();
            try {
                input.copyAt(valuePosition, copy, 0, copy.length); // checked just above
            } finally {
                exitStep();
            }
            return copy;
        }

        /**
         * Done with this finder: its lookups throw from now on, and a finder from
         * {@link CdbReader#openFinder()} lets go of the file (see there). Idempotent.
         */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (held) {
                    input.release();
                }
            }
        }

        /** The guard of a stretch of reads outside next(): none while the finder holds the file. */
        private void enterStep() {
            if (closed) {
                throw finderClosed();
            }
            if (!held) {
                input.enter();
            }
        }

        private void exitStep() {
            if (!held) {
                input.exit();
            }
        }

        private void checkValue() throws CdbFormatException {
            if (valuePosition + valueLength > input.length()) {
                throw new CdbFormatException("data of " + valueLength + " bytes at " + valuePosition
                        + " runs past the end of the file (" + input.length() + " bytes)");
            }
        }
    }

    /** {@link #walkTableInFile}'s answer for a key that is not there. */
    private static final long WALK_MISSED = -1;
    /** {@link #walkTableInFile}'s answer when the lookup must be walked as cdb walks it. */
    private static final long WALK_EXACTLY = -2;

    /**
     * A lookup in tinycdb's shape, for a table checked once to lie inside the file: no check per
     * slot, and no wrap round to the start before every slot is seen. Returns, for the first
     * record with the key, its data length in the high 32 bits and its position in the low;
     * {@link #WALK_MISSED} for a key that is not there; or {@link #WALK_EXACTLY} when the table
     * does not lie in the file or a record with the key's hash runs past its end, for
     * {@link Finder#probeExactly} to walk. (Neither answer can be a record's: a record that
     * holds a key inside the file starts at least 8 bytes before 4 GiB.)
     *
     * <p>Static, its inputs in arguments, writing nothing, and few instructions a probe, on
     * purpose: random hits in a large file miss the CPU caches twice each, and the CPU overlaps
     * those misses with the next lookup's only while the instructions between them fit in its
     * window. The same
     * walk written as a method of {@link Finder} that kept its state in the finder's fields as
     * it went measured 1.8 times slower, on JDK 17 and 25 alike (benchmarks/README.md).
     */
    private static long walkTableInFile(MappedInput in, byte[] key, int keyOffset, int keyLength) {
        final long length = in.length;
        final int h = CdbHash.hash(key, keyOffset, keyLength);
        final long entryAt = (h & 0xff) << 3;
        if (entryAt + 8 > length) {
            return WALK_EXACTLY;
        }
        final long entry = in.longAt(entryAt);
        final long slots = entry >>> 32;
        if (slots == 0) {
            return WALK_MISSED;
        }
        final long table = entry & UINT32;
        final long tableEnd = table + (slots << 3);
        if (tableEnd > length) {
            return WALK_EXACTLY;
        }
        final long hash = h & UINT32;
        long at = startSlot(entry, h);
        final long keyEnd = CdbFormat.RECORD_HEADER_SIZE + keyLength;
        // The first probe, where most lookups end, peeled off the loop. This also keeps the
        // method over 325 bytes of bytecode, C2's FreqInlineSize, so that C2 never inlines it
        // and compiles it once on its own (WalkShapeTest holds it there). Inlined into
        // Finder.next as the compile order sometimes had it, it made next too big for its
        // callers to inline, and a lookup loop calling next calling the walk ran random hits
        // in 350 ns instead of 215 on JDK 17 (tinycdb 206; benchmarks/README.md).
        final long first = in.longAt(at);
        final long firstRecord = first >>> 32;
        if (firstRecord == 0) {
            return WALK_MISSED;
        }
        if ((first & UINT32) == hash) {
            if (firstRecord + keyEnd > length) {
                return WALK_EXACTLY;
            }
            final long lengths = in.longAt(firstRecord);
            if ((lengths & UINT32) == keyLength
                    && in.equalsAt(firstRecord + CdbFormat.RECORD_HEADER_SIZE, key, keyOffset, keyLength)) {
                return (lengths & ~UINT32) | firstRecord;
            }
        }
        at += CdbFormat.SLOT_SIZE;
        if (at == tableEnd) {
            at = table;
        }
        for (long probed = 1; probed < slots; ) {
            final long slot = in.longAt(at);
            final long recordPosition = slot >>> 32;
            if (recordPosition == 0) {
                return WALK_MISSED;
            }
            probed++;
            if ((slot & UINT32) == hash) {
                if (recordPosition + keyEnd > length) {
                    return WALK_EXACTLY;
                }
                final long lengths = in.longAt(recordPosition);
                if ((lengths & UINT32) == keyLength
                        && in.equalsAt(recordPosition + CdbFormat.RECORD_HEADER_SIZE, key, keyOffset, keyLength)) {
                    return (lengths & ~UINT32) | recordPosition;
                }
            }
            at += CdbFormat.SLOT_SIZE;
            if (at == tableEnd) {
                at = table;
            }
        }
        return WALK_MISSED;
    }

    static int checkedLength(long length) {
        if (length > Integer.MAX_VALUE - 8) {
            throw new UnsupportedOperationException("a value of " + length
                    + " bytes does not fit in one Java buffer; read it with MappedInput.readBytes in pieces");
        }
        return (int) length;
    }
}
