package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * Creates a file new under a name, never writing through a link. Whatever has the name first
 * (a file, another name of some file, a symbolic link, dangling or not) is unlinked, which
 * removes the name and never touches what it pointed at; then the file is created with
 * O_CREAT|O_EXCL|O_NOFOLLOW, which fails rather than follow or reuse anything put there in
 * between. Someone who can write to the folder may keep putting a link back: after a few
 * tries the create gives up with {@code file already exists}.
 */
public final class FreshFile {
    /** Enough to outlast an accident; an attacker who wins this many races in a row gets an error, not a file. */
    static final int ATTEMPTS = 5;

    private static final Set<OpenOption> NEW_ONLY = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
            StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private FreshFile() {
    }

    /** Opens a new, empty {@code path} for reading and writing, created with {@code attributes}. */
    public static FileChannel create(Path path, FileAttribute<?>... attributes) throws IOException {
        FileAlreadyExistsException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            unlink(path);
            try {
                return FileChannel.open(path, NEW_ONLY, attributes);
            } catch (FileAlreadyExistsException e) {
                last = e; // put back since the unlink
            }
        }
        throw last;
    }

    /**
     * Removes the name {@code path} when it is a file or a link. A folder is an error, as with
     * open(2); so is a device, a FIFO or a socket ({@code cdbmake x.cdb /dev/null} run as root
     * must not remove /dev/null, nor write into it and rename it over the database).
     */
    private static void unlink(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (a.isDirectory()) {
            throw new FileSystemException(path.toString(), null, "Is a directory");
        }
        if (a.isOther()) {
            throw new FileSystemException(path.toString(), null, "not a regular file");
        }
        try {
            Files.delete(path); // a symbolic link is removed itself, never its target
        } catch (NoSuchFileException e) {
            // removed by someone else meanwhile: as good
        }
    }
}
