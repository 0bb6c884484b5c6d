package org.cdbkit.cdb;

import java.nio.file.FileSystemException;

/**
 * The temporary file named for a build is the database itself ({@code cdbmake t.cdb t.cdb},
 * {@code t.cdb ./t.cdb}, a link to it). Writing there would destroy the old database before
 * the new one is known to be good, so the build is refused before anything is opened.
 */
public final class SameFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    SameFileException(String temporary, String target) {
        super(temporary, target, "names the same file as the target");
    }
}
