package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

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

    abstract boolean isClosed();

    /** Unmaps, at once or as soon as the reads in progress are over; later reads throw. */
    abstract void close();

    static IllegalStateException closedError() {
        return new IllegalStateException("mapped file is closed");
    }
}
