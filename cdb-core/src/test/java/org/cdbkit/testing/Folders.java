package org.cdbkit.testing;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.io.file.PathUtils;

/** Scratch folders for tests that make their own (jqwik tries, where @TempDir does not reach). */
public final class Folders {
    private Folders() {
    }

    /** Deletes a folder and everything in it; links are removed, never followed. */
    public static void deleteTree(Path dir) throws IOException {
        PathUtils.deleteDirectory(dir);
    }
}
