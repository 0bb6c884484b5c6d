package org.cdbkit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Ways to name a database a second time, as its own temporary file. */
public enum SameName {
    /** {@code t.cdb t.cdb} */
    IDENTICAL,
    /** {@code t.cdb ./t.cdb} */
    DOT_SLASH,
    /** a hard link to t.cdb */
    HARD_LINK,
    /** a symbolic link to t.cdb */
    SYMLINK;

    /** Another name of the existing {@code target}, made in its folder when it is a link. */
    public Path of(Path target) throws IOException {
        switch (this) {
            case IDENTICAL:
                return target;
            case DOT_SLASH:
                return target.resolveSibling(".").resolve(target.getFileName());
            case HARD_LINK:
                return Files.createLink(target.resolveSibling("hard-link-to-" + target.getFileName()), target);
            default:
                return Files.createSymbolicLink(target.resolveSibling("link-to-" + target.getFileName()),
                        target.getFileName());
        }
    }
}
