package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How one {@link MappedInput} maps its file, and unmaps it at {@link #close()} instead of
 * leaving that to the garbage collector (a process has about 65,000 mappings, and a program
 * that opens and closes readers runs out long before a collection frees them).
 *
 * <p>Unmapping while another thread reads would crash the JVM, so each kind makes that
 * impossible in its own way; the kind is chosen once, for the JDK this runs on:
 * <ul>
 * <li>{@link ArenaMapping}, Java 22 and later: the file is mapped in a shared
 * {@code java.lang.foreign.Arena}. Closing it is the JDK's own safe unmap: it waits out any
 * access in progress on any thread, and every later access, also through a view handed out
 * before, throws {@link IllegalStateException}.
 * <li>{@link GuardedMapping}, Java 17 to 21, which have no safe unmap: every read runs inside
 * {@link #enter()}/{@link #exit()}, which count the reads in progress, and {@code close()}
 * unmaps only once that count is zero. Views would outlive any count, so none is handed out:
 * {@link #viewsAreSafe()} is false and slices are copies.
 * </ul>
 * {@code -Dcdbkit.mapping=guarded} (or {@code arena}) overrides the choice, for tests.
 *
 * <p>Holds. Besides the reads each counted on its own, a caller may hold the mapping
 * ({@link #hold()}, {@link #release()}; {@code CdbReader.openFinder}) for a run of lookups that
 * then need no guard each: the count that stops a close from unmapping is taken once for the
 * run, not once a lookup (on Java 17 the two locked instructions of a guarded lookup cost more
 * than half its time; benchmarks/README.md). A close while a hold is out marks the mapping
 * closed at once, so that every new read and hold throws, and leaves the unmapping to the last
 * release. Why the unmapping then comes exactly once, and never under a holder: the closer
 * writes {@code closed}, waits out the counted reads, writes {@code readsDrained}, then reads
 * the holders; a holder's release takes its count away, then reads {@code readsDrained}, then,
 * if set, the holders again. These are volatile accesses in one total order, so the last
 * release or the closer sees the other's write and unmaps ({@code unmapped} lets only the
 * first through). A hold adds its count, then reads {@code closed}: if the closer read no
 * holders, its write of {@code closed} came before that read, so the hold sees it and backs out
 * without reading. So once {@code readsDrained} is seen, every hold still out began before the
 * close and is counted, and a count of 0 read then means none is out; a count read before it
 * proves nothing, as a hold may begin and outlast the close in between.
 */
abstract class Mapping {
    /** Which kind this JVM uses. */
    static final boolean ARENA = chooseArena();

    private static boolean chooseArena() {
        String forced = System.getProperty("cdbkit.mapping");
        if ("guarded".equals(forced)) {
            return false;
        }
        return ArenaMapping.AVAILABLE && (forced == null || "arena".equals(forced));
    }

    static Mapping create() throws IOException {
        return ARENA ? new ArenaMapping() : new GuardedMapping();
    }

    /** Maps {@code [start, start + size)} of the channel read-only, little-endian. */
    abstract ByteBuffer map(FileChannel channel, long start, long size) throws IOException;

    /**
     * Before reading the buffers: throws {@link IllegalStateException} once closed; after it,
     * the buffers stay mapped until {@link #exit()}. Must be paired with {@code exit()} in a
     * {@code finally}, and must not be held across anything that may wait.
     */
    abstract void enter();

    abstract void exit();

    /** Whether a view of the buffers may be handed out: false where it could outlive the mapping. */
    abstract boolean viewsAreSafe();

    private volatile boolean closed;
    /** True once close() has waited out the counted reads: only holds can still be in the memory. */
    private volatile boolean readsDrained;
    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicBoolean unmapped = new AtomicBoolean();

    final boolean isClosed() {
        return closed;
    }

    /**
     * Keeps the buffers mapped until the matching {@link #release()}, on any thread: reads in
     * between need no {@link #enter()}. Throws {@link IllegalStateException} once closed.
     */
    final void hold() {
        holders.incrementAndGet();
        if (closed) {
            release();
            throw closedError();
        }
    }

    final void release() {
        holders.decrementAndGet();
        // Not "the decrement reached 0": between it and the read of readsDrained another thread
        // may take a hold (before the close) and still hold it when the close is over, and that
        // stale 0 once unmapped under it (a JVM crash seen twice, on a loaded machine). Counted
        // afresh after readsDrained is seen, when no new hold can begin, a 0 means none is out.
        if (readsDrained && holders.get() == 0) {
            unmapOnce();
        }
    }

    /**
     * Closes: every later read and hold throws; the buffers are unmapped at once, or as soon
     * as the reads in progress are over, or, while a hold is out, at the last release.
     */
    final void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        awaitReads();
        readsDrained = true;
        if (holders.get() == 0) {
            unmapOnce();
        }
    }

    private void unmapOnce() {
        if (unmapped.compareAndSet(false, true)) {
            unmap();
        }
    }

    /** Returns once no read counted by {@link #enter()} is in progress (closed is set already). */
    abstract void awaitReads();

    /** Unmaps the buffers: called once, when no read or hold can be in them. */
    abstract void unmap();

    static IllegalStateException closedError() {
        return new IllegalStateException("mapped file is closed");
    }
}
