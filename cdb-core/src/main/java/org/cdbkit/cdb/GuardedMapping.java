package org.cdbkit.cdb;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A mapping for Java 17 to 21, which can unmap a buffer ({@code sun.misc.Unsafe.invokeCleaner})
 * but not safely: memory read after it is gone crashes the JVM. So the reads are counted.
 *
 * <p>Why it is safe. A read does {@code count += 1}, then reads {@code closed}; {@code close()}
 * sets {@code closed}, then reads the counts until they are all zero, and only then unmaps. All
 * four are volatile accesses, which Java orders in one total order agreeing with each thread's
 * program order. If the read's increment comes before {@code close()} reads its count, close
 * waits for the matching decrement, which comes after the read's last access to the memory; if
 * it comes after, then {@code closed = true} came before it and the read sees it and backs out
 * without touching the memory. Either way nothing is read once unmapped. Views of the memory
 * would escape the count, so none is handed out ({@link #viewsAreSafe()} is false).
 *
 * <p>The counts are spread over padded cells by thread, so that readers on different threads
 * do not contend for one cache line.
 */
final class GuardedMapping extends Mapping {
    private static final int CELLS = 32;
    /** One cell per 128 bytes: no two cells share a cache line or its prefetched neighbour. */
    private static final int STRIDE = 16;
    /** What unmaps a buffer at once; null where the JDK has none (the collector unmaps then). */
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    // sun.misc.Unsafe called directly, not through a method handle: a handle costs the tools'
    // start-up the spinning of its classes (benchmarks/README.md, start-up)
    private static sun.misc.Unsafe unsafe() {
        try {
            Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            return (sun.misc.Unsafe) theUnsafe.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // not available: the garbage collector unmaps, as before
        }
    }

    private final AtomicLongArray inProgress = new AtomicLongArray(CELLS * STRIDE);
    private final List<ByteBuffer> buffers = new ArrayList<>();

    @Override
    ByteBuffer map(FileChannel channel, long start, long size) throws IOException {
        ByteBuffer b = channel.map(FileChannel.MapMode.READ_ONLY, start, size).order(ByteOrder.LITTLE_ENDIAN);
        synchronized (buffers) {
            buffers.add(b);
        }
        return b;
    }

    private static int cell() {
        return (int) (Thread.currentThread().getId() & (CELLS - 1)) * STRIDE;
    }

    @Override
    void enter() {
        int cell = cell();
        inProgress.getAndIncrement(cell);
        if (isClosed()) {
            inProgress.getAndDecrement(cell);
            throw closedError();
        }
    }

    @Override
    void exit() {
        inProgress.getAndDecrement(cell());
    }

    @Override
    boolean viewsAreSafe() {
        return false;
    }

    @Override
    void awaitReads() {
        // the reads in progress are a few memory accesses long: wait them out
        for (int spins = 0; !drained(); spins++) {
            if (spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    @Override
    void unmap() {
        List<ByteBuffer> unmapping;
        synchronized (buffers) {
            unmapping = new ArrayList<>(buffers);
            buffers.clear();
        }
        if (UNSAFE != null) {
            for (ByteBuffer b : unmapping) {
                try {
                    UNSAFE.invokeCleaner(b);
                } catch (RuntimeException e) {
                    // left to the garbage collector, which unmaps it in time
                }
            }
        }
    }

    private boolean drained() {
        for (int i = 0; i < CELLS * STRIDE; i += STRIDE) {
            if (inProgress.get(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
