package org.cdbkit.rules;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;

import org.cdbkit.cdb.CdbReader;

/**
 * A rules cdb a long-running server keeps open and asks at every connection, as tcpserver
 * {@code -x} does. Thread-safe. A new file renamed over the old one (as tcprules does) is
 * picked up without a restart: the file's identity is checked at most once per
 * {@code recheck} interval (zero: at every lookup, as tcpserver reopens it per connection), and
 * a changed file is mapped anew. The old mapping is unmapped as soon as no decision reads it,
 * so a server whose rules change every second holds one or two mappings of the file, not one
 * per change, and no decision is ever cut off.
 *
 * <p>Decisions are kept per rule once made, so that, after the first connections, deciding
 * allocates nothing.
 *
 * <p>A missing rules file denies every connection, as tcpserver does, unless
 * {@code allowWhenMissing} (tcpserver {@code -X}).
 */
public final class RulesDatabase implements Closeable {
    /** The decision when the rules file is missing: deny, as tcpserver without -X. */
    private static final Decision MISSING = new Decision(null, false, java.util.List.of());

    private final Path file;
    private final long recheckNanos;
    private final boolean allowWhenMissing;
    private final RulesDialect dialect;
    private volatile Snapshot current;
    private volatile long nextCheck;
    private volatile boolean closed;

    /**
     * The mapped file, what identified it when it was opened, and who uses it: the database
     * while the file is in place, and each decision reading it. The last to let go unmaps it,
     * so a replaced file is unmapped as soon as no decision reads it, and never under one. (Not
     * merely safe but quiet: on Java 22 and later, closing an arena under a thread reading it
     * makes the JDK interrupt that thread to throw at it, and a server's thread would keep the
     * interrupt.)
     */
    private static final class Snapshot {
        final CdbReader reader;
        final Object identity;
        final DecisionCache decisions;
        private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger(1);

        Snapshot(CdbReader reader, Object identity) {
            this.reader = reader;
            this.identity = identity;
            this.decisions = new DecisionCache(reader);
        }

        /** One more user, unless the last has let go already (then the file is unmapped). */
        boolean use() {
            for (int n = users.get(); n > 0; n = users.get()) {
                if (users.compareAndSet(n, n + 1)) {
                    return true;
                }
            }
            return false;
        }

        void letGo() {
            if (users.decrementAndGet() == 0) {
                reader.close();
            }
        }
    }

    private RulesDatabase(Path file, Duration recheck, boolean allowWhenMissing, RulesDialect dialect) {
        this.dialect = dialect;
        this.file = Objects.requireNonNull(file);
        this.recheckNanos = recheck.toNanos();
        this.allowWhenMissing = allowWhenMissing;
    }

    /** Opens {@code file}, rechecking it at most once a second. */
    public static RulesDatabase open(Path file) throws IOException {
        return open(file, Duration.ofSeconds(1), false);
    }

    public static RulesDatabase open(Path file, Duration recheck, boolean allowWhenMissing) throws IOException {
        return open(file, recheck, allowWhenMissing, RulesDialect.UCSPI_TCP);
    }

    /**
     * Opens a rules database written for the tcpserver of {@code dialect}, deciding as that
     * tcpserver does (ucspi-tcp6: its keys and its order, see {@link Ucspi6Rules}).
     */
    public static RulesDatabase open(Path file, Duration recheck, boolean allowWhenMissing, RulesDialect dialect)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(recheck, "recheck");
        Objects.requireNonNull(dialect, "dialect");
        RulesDatabase db = new RulesDatabase(file, recheck, allowWhenMissing, dialect);
        db.reload();
        return db;
    }

    /**
     * The decision for a connection from {@code ip} (tcpserver's text of it, see
     * {@link RemoteAddress}); {@code host} and {@code info} may be null.
     */
    public Decision decide(String ip, String host, String info) throws IOException {
        Objects.requireNonNull(ip, "ip");
        for (;;) {
            if (closed) {
                throw new IllegalStateException("rules database " + file + " is closed");
            }
            if (System.nanoTime() - nextCheck >= 0) {
                reload();
            }
            Snapshot s = current;
            if (s == null) {
                return allowWhenMissing ? Decision.DEFAULT : MISSING;
            }
            if (!s.use()) {
                continue; // replaced and let go of just now: ask the file now in place
            }
            try {
                return dialect == RulesDialect.UCSPI_TCP6 ? RulesLookup.decide(s.reader, ip, host, info, dialect)
                        : RulesLookup.decide(s.reader, s.decisions, ip, host, info);
            } finally {
                s.letGo();
            }
        }
    }

    /** Checks the file now and maps it anew if it was replaced. */
    public synchronized void reload() throws IOException {
        if (closed) {
            return;
        }
        nextCheck = System.nanoTime() + recheckNanos;
        Object identity;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            identity = java.util.List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            replace(null);
            return;
        }
        Snapshot s = current;
        if (s == null || !s.identity.equals(identity)) {
            replace(new Snapshot(CdbReader.open(file), identity));
        }
    }

    /** Puts {@code next} in place; the one it replaces is unmapped once no decision reads it. */
    private void replace(Snapshot next) {
        Snapshot old = current;
        current = next;
        if (old != null) {
            old.letGo();
        }
    }

    /** Unmaps the file; decisions after it throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        closed = true;
        replace(null);
    }
}
