package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * Starts writing a growing file to disk while it is still being written, so that the fsync
 * that makes it durable at the end has little left to do. Every {@link #STEP} bytes, a daemon
 * thread forces what has been written so far (one at a time; a step that comes while one runs
 * is skipped). The disk then works alongside the writer. Used from the writer's thread only.
 * Failures here are ignored: the final, synchronous force is the one that counts.
 */
final class BackgroundSync {
    static final long STEP = 32L << 20;

    private final FileChannel channel;
    private Thread running;
    private long nextStep = STEP;

    BackgroundSync(FileChannel channel) {
        this.channel = channel;
    }

    /** Called by the writer after each flush with the bytes written so far. */
    void written(long bytes) {
        if (bytes < nextStep || running != null && running.isAlive()) {
            return;
        }
        nextStep = bytes + STEP;
        running = new Thread(() -> {
            try {
                channel.force(false);
            } catch (IOException | RuntimeException e) {
                // the final force reports any real trouble
            }
        }, "cdbkit-background-sync");
        running.setDaemon(true);
        running.start();
    }

    /** Waits for a force in progress, so that the channel is not closed under it. */
    void await() {
        Thread t = running;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
