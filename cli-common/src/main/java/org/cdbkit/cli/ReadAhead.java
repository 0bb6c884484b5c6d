package org.cdbkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * An input stream read ahead by a thread of its own, so that the reading (system calls and
 * the copy out of the kernel) runs on the second core while the caller parses what came
 * before. Errors of the stream are thrown, as they were, to the reader, in their place.
 */
public final class ReadAhead extends InputStream {
    private static final int CHUNK = 1 << 18;
    private static final int CHUNKS = 3;

    /** A piece read: bytes, or the end, or an error, in stream order. */
    private record Piece(byte[] bytes, int length, IOException error) {
    }

    private final BlockingQueue<Piece> pieces = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread thread;
    private volatile boolean closed;
    private Piece current;
    private int next;

    /** Inputs with at least this many bytes waiting are read ahead by {@link #whenLarge}. */
    static final int LARGE = 1 << 20;

    /**
     * {@code in} read ahead when at least a mebibyte of it is waiting (a large file on stdin),
     * else {@code in} itself: a thread and its buffers would cost a small input's start-up more
     * than they save. Close what this returns (it leaves {@code in} open).
     */
    public static InputStream whenLarge(InputStream in) {
        int waiting;
        try {
            waiting = in.available();
        } catch (IOException e) {
            waiting = 0; // a stream that cannot tell: read as it is, its errors in their place
        }
        return waiting >= LARGE ? new ReadAhead(in) : CloseShieldInputStream.wrap(in);
    }

    public ReadAhead(InputStream in) {
        for (int i = 0; i < CHUNKS + 1; i++) {
            free.add(new byte[CHUNK]);
        }
        thread = new Thread(() -> fill(in), "cdbkit-read-ahead");
        thread.setDaemon(true);
        thread.start();
    }

    private void fill(InputStream in) {
        try {
            for (;;) {
                byte[] chunk = free.take();
                if (closed) {
                    return;
                }
                int n;
                try {
                    n = in.read(chunk, 0, chunk.length);
                } catch (IOException e) {
                    pieces.put(new Piece(null, 0, e));
                    return;
                }
                pieces.put(new Piece(chunk, Math.max(n, -1), null));
                if (n < 0) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || next == current.length()) {
            if (current != null && current.length() >= 0 && current.bytes() != null) {
                free.add(current.bytes());
            }
            try {
                current = pieces.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            next = 0;
            if (current.error() != null) {
                IOException e = current.error();
                pieces.add(current); // the stream stays failed
                current = null;
                throw e;
            }
            if (current.length() < 0) {
                pieces.add(current); // the end stays the end
                Piece end = current;
                current = null;
                return end.length();
            }
        }
        int n = Math.min(len, current.length() - next);
        System.arraycopy(current.bytes(), next, b, off, n);
        next += n;
        return n;
    }

    /** Stops reading ahead; the underlying stream is not closed. */
    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
