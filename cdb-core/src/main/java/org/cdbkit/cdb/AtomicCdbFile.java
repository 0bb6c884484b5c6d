package org.cdbkit.cdb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces a cdb atomically, as cdbmake does: the new database is written to a temporary file,
 * forced to disk, renamed over the target, and the folder is forced too. Readers see the old
 * file or the new one, never a mix. Until {@link #commit()} succeeds the target is untouched;
 * closing without a commit removes the temporary file.
 *
 * <p>The temporary file is always created new ({@link FreshFile}): whatever had its name, a
 * link to another file included, is unlinked first and never written. A temporary file that
 * is the target itself is refused ({@link SameFileException}), as writing it would lose the
 * old database.
 *
 * <pre>{@code
 * try (AtomicCdbFile out = AtomicCdbFile.create(target, temporary)) {
 *     out.writer().add(key, value);
 *     out.commit();
 * }
 * }</pre>
 *
 * <p>{@link #create(Path, Path, CdbWidth)} writes either width: {@link #sink()} is then a
 * {@link CdbWriter} or a {@link Cdb64Writer}, with the same guarantees.
 */
public final class AtomicCdbFile implements Closeable {
    /** cdbmake creates the temporary file with mode 0644 (less the umask). */
    private static final FileAttribute<?>[] MODE_0644 = FileSystems.getDefault().supportedFileAttributeViews()
            .contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))}
            : new FileAttribute<?>[0];

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final StreamingCdbWriter writer;
    private final BackgroundSync sync;
    private boolean synced;
    private boolean done;

    private AtomicCdbFile(Path target, Path temporary, FileChannel channel, CdbWidth width) throws IOException {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.sync = new BackgroundSync(channel);
        // with a second core, the file is written behind the records as they are added
        boolean writeBehind = Runtime.getRuntime().availableProcessors() > 1;
        this.writer = width == CdbWidth.CDB64 ? new Cdb64Writer(channel, sync, writeBehind)
                : new CdbWriter(channel, sync, writeBehind);
    }

    /**
     * Creates {@code temporary} new, replacing (never following) whatever had that name; it
     * must be on the target's file system, and must not be the target. Writes a cdb.
     */
    public static AtomicCdbFile create(Path target, Path temporary) throws IOException {
        return create(target, temporary, CdbWidth.CDB32);
    }

    /** As {@link #create(Path, Path)}, writing a database of the given width. */
    public static AtomicCdbFile create(Path target, Path temporary, CdbWidth width) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(temporary, "temporary");
        Objects.requireNonNull(width, "width");
        if (sameFile(temporary, target)) {
            throw new SameFileException(temporary.toString(), target.toString());
        }
        FileChannel channel = FreshFile.create(temporary, MODE_0644);
        try {
            return new AtomicCdbFile(target, temporary, channel, width);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /**
     * Whether two names are one file: the same path, or, when both exist, names of one file
     * (a hard link, a symbolic link). A name that cannot be looked up is not the other: if it
     * is in the way, creating the temporary file says so.
     */
    static boolean sameFile(Path a, Path b) {
        if (a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** The temporary file's permissions, read from the file itself, never through a link. */
    public Set<PosixFilePermission> permissions() throws IOException {
        return Files.readAttributes(temporary, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).permissions();
    }

    /**
     * Sets the temporary file's permissions before the commit. Never through a link: the JDK
     * opens the name with O_NOFOLLOW and changes the mode of what it opened, so a symbolic link
     * put in its place makes this fail instead of changing the mode of another file.
     */
    public void setPermissions(Set<PosixFilePermission> permissions) throws IOException {
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(permissions);
    }

    /**
     * The writer of a cdb made by {@link #create(Path, Path)}; throws
     * {@link IllegalStateException} for a cdb64 (use {@link #sink()}).
     */
    public CdbWriter writer() {
        if (writer instanceof CdbWriter w) {
            return w;
        }
        throw new IllegalStateException("this file is a cdb64: write it through sink()");
    }

    /** The writer, of either width. */
    public CdbSink sink() {
        return writer;
    }

    /** Which layout the file is written in. */
    public CdbWidth width() {
        return writer.width();
    }

    public Path target() {
        return target;
    }

    public Path temporary() {
        return temporary;
    }

    /** Finishes the database and forces it to disk; {@link #commit()} does this when not done yet. */
    public void finishAndSync() throws IOException {
        if (done || synced) {
            throw new IllegalStateException("already finished, committed or closed");
        }
        writer.finish();
        sync.await();
        channel.force(true);
        channel.close();
        synced = true;
    }

    /** Finishes the database, forces it to disk, and renames it over the target. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("already committed or closed");
        }
        if (!synced) {
            finishAndSync();
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + temporary + " to " + target
                    + " atomically: they must be on the same file system", e);
        }
        done = true;
        forceFolder(target.toAbsolutePath().getParent());
    }

    /** Without a successful commit: closes and removes the temporary file, leaving the target alone. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        writer.close();
        sync.await();
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Makes the rename itself durable; file systems that cannot open a folder are skipped. */
    private static void forceFolder(Path folder) throws IOException {
        if (folder == null) {
            return;
        }
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
            // not every platform lets a folder be opened for reading; the rename is done
        }
    }
}
