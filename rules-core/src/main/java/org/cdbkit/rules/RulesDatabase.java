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
 * a changed file is mapped anew. The old mapping is unmapped at once, so a server whose rules
 * change every second holds one mapping of the file, not one per change: a lookup that was
 * still reading it on another thread gets an {@link IllegalStateException} from the closed
 * mapping (never unmapped memory, see {@link org.cdbkit.cdb.MappedInput#close()}) and is
 * simply asked again of the new one.
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

    /** The mapped file and what identified it when it was opened. */
    private record Snapshot(CdbReader reader, Object identity, DecisionCache decisions) {
        Snapshot(CdbReader reader, Object identity) {
            this(reader, identity, new DecisionCache(reader));
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
            try {
                return dialect == RulesDialect.UCSPI_TCP6 ? RulesLookup.decide(s.reader(), ip, host, info, dialect)
                        : RulesLookup.decide(s.reader(), s.decisions(), ip, host, info);
            } catch (IllegalStateException e) {
                if (!s.reader().input().isClosed()) {
                    throw e;
                }
                // replaced (and unmapped) while this lookup read it: ask the file now in place
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
        if (s == null || !s.identity().equals(identity)) {
            replace(new Snapshot(CdbReader.open(file), identity));
        }
    }

    /** Puts {@code next} in place and unmaps the one it replaces. */
    private void replace(Snapshot next) {
        Snapshot old = current;
        current = next;
        if (old != null) {
            old.reader().close();
        }
    }

    /** Unmaps the file; decisions after it throw {@link IllegalStateException}. */
    @Override
    public synchronized void close() {
        closed = true;
        replace(null);
    }
}
