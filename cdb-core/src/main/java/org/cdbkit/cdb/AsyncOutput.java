package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes a writer's full buffers to the file on a thread of its own, so that the system calls
 * (and the copy into the kernel) run on the second core while the writer fills the next buffer.
 * Buffers are written in the order handed over; the first failure is kept and thrown to the
 * writer at its next hand-over, {@link #drain()} or {@link #close()}.
 */
final class AsyncOutput {
    private static final int BUFFERS = 3;
    private static final ByteBuffer STOP = ByteBuffer.allocate(0);

    private final FileChannel channel;
    private final BackgroundSync sync;
    private final BlockingQueue<ByteBuffer> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<ByteBuffer> empty = new ArrayBlockingQueue<>(BUFFERS);
    private final Thread thread;
    private volatile IOException failure;
    private long written;
    /** Buffers handed over and not yet written, under {@code lock}. */
    private final Object lock = new Object();
    private int pending;

    AsyncOutput(FileChannel channel, BackgroundSync sync, int bufferSize) {
        this.channel = channel;
        this.sync = sync;
        for (int i = 0; i < BUFFERS - 1; i++) {
            empty.add(ByteBuffer.allocate(bufferSize).order(ByteOrder.LITTLE_ENDIAN));
        }
        thread = new Thread(this::run, "cdbkit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over a flipped, full buffer; returns an empty one to fill next. */
    ByteBuffer swap(ByteBuffer filled) throws IOException {
        check();
        synchronized (lock) {
            pending++;
        }
        put(full, filled);
        ByteBuffer next = take(empty);
        check();
        next.clear();
        return next;
    }

    /** Waits until everything handed over is written. */
    void drain() throws IOException {
        synchronized (lock) {
            while (pending > 0 && thread.isAlive()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing");
                }
            }
        }
        check();
    }

    /** Stops the thread once what is queued is written; throws the first failure, if any. */
    void close() throws IOException {
        put(full, STOP);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        check();
    }

    private void run() {
        for (;;) {
            ByteBuffer b;
            try {
                b = full.take();
            } catch (InterruptedException e) {
                return;
            }
            if (b == STOP) {
                return;
            }
            if (failure == null) {
                try {
                    written += b.remaining();
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                    if (sync != null) {
                        sync.written(written);
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e instanceof IOException ? (IOException) e : new IOException(e);
                }
            }
            empty.add(b);
            synchronized (lock) {
                pending--;
                lock.notifyAll();
            }
        }
    }

    private void check() throws IOException {
        IOException e = failure;
        if (e != null) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static ByteBuffer take(BlockingQueue<ByteBuffer> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private static void put(BlockingQueue<ByteBuffer> queue, ByteBuffer b) throws InterruptedIOException {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }
}
