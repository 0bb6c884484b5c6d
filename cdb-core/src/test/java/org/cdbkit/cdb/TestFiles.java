package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.file.Path;

import org.cdbkit.testing.Hex;

final class TestFiles {
    private TestFiles() {
    }

    static void deleteTree(Path dir) throws IOException {
        org.cdbkit.testing.Folders.deleteTree(dir);
    }

    static String hex(byte[] b) {
        return Hex.encode(b);
    }

    static byte[] unhex(String s) {
        return Hex.decode(s);
    }
}
