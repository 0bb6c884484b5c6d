package org.cdbkit.cdb;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * A mapping in a shared {@code java.lang.foreign.Arena} (Java 22 and later), whose close is
 * safe by the JDK's own guarantee: {@code Arena.close()} of a shared arena completes only when
 * no thread is inside an access to its memory, and every access after it, through any buffer
 * made from it, throws {@link IllegalStateException}. So nothing here needs counting, views may
 * be handed out, and a read racing with a close gets an exception, never unmapped memory.
 *
 * <p>The API is reached through method handles because the project is compiled for Java 17.
 */
final class ArenaMapping extends Mapping {
    static final boolean AVAILABLE;
    private static final MethodHandle OF_SHARED;
    private static final MethodHandle MAP;
    private static final MethodHandle AS_BYTE_BUFFER;
    private static final MethodHandle CLOSE;

    static {
        MethodHandle ofShared = null;
        MethodHandle map = null;
        MethodHandle asByteBuffer = null;
        MethodHandle close = null;
        if (Runtime.version().feature() >= 22) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> arena = Class.forName("java.lang.foreign.Arena");
                Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
                ofShared = lookup.findStatic(arena, "ofShared", MethodType.methodType(arena))
                        .asType(MethodType.methodType(AutoCloseable.class));
                map = lookup.findVirtual(FileChannel.class, "map", MethodType.methodType(segment,
                        FileChannel.MapMode.class, long.class, long.class, arena))
                        .asType(MethodType.methodType(Object.class, FileChannel.class, FileChannel.MapMode.class,
                                long.class, long.class, AutoCloseable.class));
                asByteBuffer = lookup.findVirtual(segment, "asByteBuffer", MethodType.methodType(ByteBuffer.class))
                        .asType(MethodType.methodType(ByteBuffer.class, Object.class));
                close = lookup.findVirtual(arena, "close", MethodType.methodType(void.class))
                        .asType(MethodType.methodType(void.class, AutoCloseable.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                ofShared = null;
            }
        }
        AVAILABLE = ofShared != null;
        OF_SHARED = ofShared;
        MAP = map;
        AS_BYTE_BUFFER = asByteBuffer;
        CLOSE = close;
    }

    private final AutoCloseable arena;

    ArenaMapping() throws IOException {
        try {
            arena = (AutoCloseable) OF_SHARED.invokeExact();
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    @Override
    ByteBuffer map(FileChannel channel, long start, long size) throws IOException {
        try {
            Object segment = (Object) MAP.invokeExact(channel, FileChannel.MapMode.READ_ONLY, start, size, arena);
            return ((ByteBuffer) AS_BYTE_BUFFER.invokeExact(segment)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (Throwable e) {
            throw rethrown(e);
        }
    }

    @Override
    void enter() {
        // nothing to count: the arena itself refuses access once closed, also mid-read; this
        // check only makes every read after close fail alike, even one that reads no memory
        if (isClosed()) {
            throw closedError();
        }
    }

    @Override
    void exit() {
    }

    @Override
    void awaitReads() {
        // the arena's own close waits out accesses in progress
    }

    @Override
    boolean viewsAreSafe() {
        return true;
    }

    @Override
    void unmap() {
        try {
            CLOSE.invokeExact(arena);
        } catch (Throwable e) {
            throw new IllegalStateException("unable to unmap: " + e.getMessage(), e);
        }
    }

    private static IOException rethrown(Throwable e) {
        if (e instanceof IOException) {
            return (IOException) e;
        }
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e instanceof Error) {
            throw (Error) e;
        }
        return new IOException(e);
    }
}
