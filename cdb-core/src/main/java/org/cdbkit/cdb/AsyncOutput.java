package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
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
    private static final Filled STOP = new Filled(new byte[0], 0);

    /** A buffer handed over: its first {@code length} bytes are to be written. */
    private record Filled(byte[] bytes, int length) {
    }

    private final FileChannel channel;
    private final BackgroundSync sync;
    private final BlockingQueue<Filled> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BUFFERS);
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
            empty.add(new byte[bufferSize]);
        }
        thread = new Thread(this::run, "cdbkit-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Hands over a buffer whose first {@code length} bytes are to be written; returns one to fill next. */
    byte[] swap(byte[] filled, int length) throws IOException {
        check();
        synchronized (lock) {
            pending++;
        }
        put(full, new Filled(filled, length));
        byte[] next = take(empty);
        check();
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
            Filled f;
            try {
                f = full.take();
            } catch (InterruptedException e) {
                return;
            }
            if (f == STOP) {
                return;
            }
            if (failure == null) {
                try {
                    ByteBuffer b = ByteBuffer.wrap(f.bytes(), 0, f.length());
                    written += f.length();
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                    if (sync != null) {
                        sync.written(written);
                    }
                } catch (IOException | RuntimeException e) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                }
            }
            empty.add(f.bytes());
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

    private static <T> T take(BlockingQueue<T> queue) throws InterruptedIOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }

    private static <T> void put(BlockingQueue<T> queue, T b) throws InterruptedIOException {
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing");
        }
    }
}
