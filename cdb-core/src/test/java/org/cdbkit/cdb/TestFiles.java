package org.cdbkit.cdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.cdbkit.testing.Hex;

final class TestFiles {
    private TestFiles() {
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String hex(byte[] b) {
        return Hex.encode(b);
    }

    static byte[] unhex(String s) {
        return Hex.decode(s);
    }
}
