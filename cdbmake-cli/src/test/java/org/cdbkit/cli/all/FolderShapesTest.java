package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three shapes /etc/tcp folders come in, each shipped under fixtures/ and built as it is:
 * each cdb must be what tcprules makes of its source.
 */
class FolderShapesTest {
    @TempDir
    Path root;

    /** A copy of fixtures/{@code name}, to build in. */
    private Path copy(String name) throws IOException {
        Path dir = Files.createDirectory(root.resolve(name));
        try (Stream<Path> files = Files.list(Fixtures.dir(name))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** The cdb files in {@code dir}, each with its mode. */
    private static Map<String, String> cdbs(Path dir) throws IOException {
        Map<String, String> cdbs = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().endsWith(".cdb")) {
                    cdbs.put(f.getFileName().toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
                }
            }
        }
        return cdbs;
    }

    private void assertCompiled(Path dir, String source, String cdb) throws IOException {
        assertArrayEquals(Runs.compiledByTcprules(dir.resolve(source), root), Files.readAllBytes(dir.resolve(cdb)),
                cdb + " is what tcprules makes of " + source);
    }

    @Test
    void theSeedsEtcTcp() throws IOException {
        Path dir = copy("etc-tcp");
        Runs.Run r = Runs.run("-C", dir.toString());
        assertEquals(0, r.code, r.toString());
        assertCompiled(dir, "ssh", "ssh.cdb");
        assertCompiled(dir, "smtp", "smtp.cdb");
        String mode = Runs.createdMode(root);
        assertEquals(Map.of("ssh.cdb", mode, "smtp.cdb", mode), cdbs(dir), "what all: names");
    }

    @Test
    void theDjbWayEtcTcprules() throws IOException {
        Path dir = copy("etc-tcprules");
        Runs.Run r = Runs.run("-C", dir.toString());
        assertEquals(0, r.code, r.toString());
        assertEquals("cdbmake-all: pop3.cdb: rebuilt from pop3.rules (it does not exist)\n"
                + "cdbmake-all: smtp.cdb: rebuilt from smtp.rules (it does not exist)\n", r.out);
        assertCompiled(dir, "pop3.rules", "pop3.cdb");
        assertCompiled(dir, "smtp.rules", "smtp.cdb");
        assertEquals(Map.of("pop3.cdb", "r--r--r--", "smtp.cdb", "r--r--r--"), cdbs(dir), "chmod 444 $@");

        Runs.Run named = Runs.run("-C", dir.toString(), "-B", "pop3.cdb");
        assertEquals("cdbmake-all: pop3.cdb: rebuilt from pop3.rules (every target rebuilt (-B))\n", named.out);
        assertEquals("r--r--r--", cdbs(dir).get("pop3.cdb"));
    }

    @Test
    void qmailToastersEtcTcprulesD() throws IOException {
        Path dir = copy("etc-tcprules.d");
        // what editors, patch and package managers leave beside the rules is no source
        for (String leftover : List.of("tcp.smtp~", "tcp.smtp.orig", "tcp.smtp.rej", ".tcp.smtp.swp", "tcp.smtp.bak",
                "tcp.smtp.tmp", "tcp.smtp.rpmnew", "README", "notes.txt", "#tcp.smtp#")) {
            Files.writeString(dir.resolve(leftover), "not rules at all\n");
        }
        Runs.Run r = Runs.run("-C", dir.toString());
        assertEquals(0, r.code, r.toString());
        assertCompiled(dir, "tcp.smtp", "tcp.smtp.cdb");
        assertCompiled(dir, "tcp.submission", "tcp.submission.cdb");
        String mode = Runs.createdMode(root);
        assertEquals(Map.of("tcp.smtp.cdb", mode, "tcp.submission.cdb", mode), cdbs(dir));
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", Runs.run("-C", dir.toString()).out);
    }
}
