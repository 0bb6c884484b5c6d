package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cdbmake-all on a copy of fixtures/etc-tcp, against what the real tcprules wrote. */
class CdbMakeAllTest {
    private static final Path EXAMPLE = Fixtures.dir("etc-tcp");
    private static final Path EXPECTED = Fixtures.dir("etc-tcp-expected");

    @TempDir
    Path dir;

    private Runs.Run make(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return Runs.run(all.toArray(new String[0]));
    }

    @BeforeEach
    void copyExample() throws IOException {
        for (String name : new String[] {"Makefile", "ssh", "smtp", "pop3"}) {
            Files.copy(EXAMPLE.resolve(name), dir.resolve(name));
        }
    }

    /** Every file in the folder with its size, modification time and identity. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list::iterator) {
                var a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                files.put(p.getFileName().toString(), a.size() + " " + a.lastModifiedTime() + " " + a.fileKey());
            }
        }
        return files;
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            list.forEach(p -> names.add(p.getFileName().toString()));
            for (String n : names) {
                assertFalse(n.endsWith(".tmp") || n.contains(".cdbmake-all.") && !n.equals(".cdbmake-all.state"),
                        "temporary file left: " + n + " in " + names);
            }
        }
    }

    private void assertBuiltLikeTcprules(String name) throws IOException {
        assertArrayEquals(Files.readAllBytes(EXPECTED.resolve(name + ".cdb")), Files.readAllBytes(dir.resolve(name + ".cdb")),
                name + ".cdb is what tcprules writes");
    }

    @Test
    void firstRunBuildsExactlyTheAllTargetsThenASecondTouchesNothing() throws IOException {
        Runs.Run first = make();
        assertEquals(0, first.code, first.toString());
        assertTrue(first.out.contains("ssh.cdb: rebuilt from ssh (it does not exist)"), first.out);
        assertTrue(first.out.contains("smtp.cdb: rebuilt from smtp (it does not exist)"), first.out);
        assertBuiltLikeTcprules("ssh");
        assertBuiltLikeTcprules("smtp");
        assertFalse(Files.exists(dir.resolve("pop3.cdb")), "pop3 is not on the all: line");
        assertNoTemporaryFiles();

        Map<String, String> before = snapshot();
        Runs.Run second = make();
        assertEquals(0, second.code);
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", second.out);
        assertEquals(before, snapshot(), "nothing touched");
    }

    @Test
    void editingOneSourceRebuildsThatOneOnly() throws IOException {
        make();
        Map<String, String> before = snapshot();
        Path smtp = dir.resolve("smtp");
        Files.writeString(smtp, "10.9.9.:deny\n", java.nio.file.StandardOpenOption.APPEND);
        // as an edit a second after the build leaves it, whatever the file system's time granularity
        Files.setLastModifiedTime(smtp, FileTime.from(
                Files.getLastModifiedTime(dir.resolve("smtp.cdb")).toInstant().plusSeconds(1)));
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        assertEquals("cdbmake-all: smtp.cdb: rebuilt from smtp (source newer than target)\n", r.out);
        Map<String, String> after = snapshot();
        assertEquals(before.get("ssh.cdb"), after.get("ssh.cdb"));
        assertNotEquals(before.get("smtp.cdb"), after.get("smtp.cdb"));
    }

    @Test
    void aChangedSourceWithAnOlderTimeIsRebuilt() throws IOException {
        make();
        Path ssh = dir.resolve("ssh");
        Files.writeString(ssh, Files.readString(ssh).replace("203.0.113.66:deny", "203.0.113.67:deny"));
        // as a restored backup or `rsync -t` leaves it: older than the cdb
        Files.setLastModifiedTime(ssh, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Runs.Run r = make();
        assertEquals("cdbmake-all: ssh.cdb: rebuilt from ssh (source content changed since the last build)\n", r.out);
        try (var reader = org.cdbkit.cdb.CdbReader.open(dir.resolve("ssh.cdb"))) {
            assertTrue(reader.get("203.0.113.67".getBytes(StandardCharsets.US_ASCII)) != null);
        }
    }

    @Test
    void aLostStateFileCostsTimeNotAWrongAnswer() throws IOException {
        make();
        Files.delete(dir.resolve(".cdbmake-all.state"));
        Map<String, String> before = snapshot();
        Runs.Run r = make();
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", r.out);
        before.remove(".cdbmake-all.state");
        Map<String, String> after = snapshot();
        after.remove(".cdbmake-all.state");
        assertEquals(before, after, "verified by a fresh build aside, nothing replaced");
        assertNoTemporaryFiles();

        // and a stale one is still caught without it
        Files.delete(dir.resolve(".cdbmake-all.state"));
        Path smtp = dir.resolve("smtp");
        FileTime old = Files.getLastModifiedTime(smtp);
        Files.writeString(smtp, ":deny\n");
        Files.setLastModifiedTime(smtp, FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        assertEquals("cdbmake-all: smtp.cdb: rebuilt from smtp (it differs from a fresh build of its source)\n",
                make().out);
        assertNotEquals(old, Files.getLastModifiedTime(dir.resolve("smtp.cdb")));
    }

    @Test
    void dryRunAndCheckChangeNothing() throws IOException {
        Map<String, String> before = snapshot();
        Runs.Run dry = make("-n");
        assertEquals(0, dry.code);
        assertTrue(dry.out.contains("ssh.cdb: would rebuild from ssh (it does not exist)"), dry.out);
        assertEquals(before, snapshot());
        Runs.Run check = make("-q");
        assertEquals(1, check.code, "stale");
        assertEquals(before, snapshot());
        make();
        assertEquals(0, make("--check").code, "fresh");
    }

    @Test
    void aBadLineNamesFileAndLineKeepsItsCdbAndTheOthersAreStillBuilt() throws IOException {
        make();
        byte[] oldSmtp = Files.readAllBytes(dir.resolve("smtp.cdb"));
        Files.writeString(dir.resolve("smtp"), "127.:allow\n1.2.3.4:alow\n", java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("ssh"), "10.1.1.:allow\n", java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(dir.resolve("ssh"), FileTime.from(Instant.now().plusSeconds(5)));
        Files.setLastModifiedTime(dir.resolve("smtp"), FileTime.from(Instant.now().plusSeconds(5)));
        Runs.Run r = make("-j", "2");
        assertEquals(100, r.code, r.toString());
        assertEquals("cdbmake-all: smtp:8: unable to parse this line: 1.2.3.4:alow (smtp.cdb kept as it was)\n", r.err);
        assertTrue(r.out.contains("ssh.cdb: rebuilt from ssh (source newer than target)"), r.out);
        assertArrayEquals(oldSmtp, Files.readAllBytes(dir.resolve("smtp.cdb")));
        assertNoTemporaryFiles();
        assertEquals(100, make().code, "still wrong, still reported");
    }

    @Test
    void withoutAMakefileEveryRulesSourceIsBuilt() throws IOException {
        Files.delete(dir.resolve("Makefile"));
        Files.writeString(dir.resolve("ssh~"), ":allow\n");
        Files.writeString(dir.resolve(".hidden"), ":allow\n");
        Files.writeString(dir.resolve("notes.txt"), "not rules\n");
        Runs.Run r = make("-j", "3");
        assertEquals(0, r.code, r.toString());
        for (String name : new String[] {"ssh", "smtp", "pop3"}) {
            assertBuiltLikeTcprules(name);
        }
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(3, list.filter(p -> p.toString().endsWith(".cdb")).count(), "no cdb for backups, dot files");
        }
        assertNoTemporaryFiles();
    }

    @Test
    void namedTargetsAndCdbmakeSources() throws IOException {
        Files.writeString(dir.resolve("users.cdbmake"), "+5,4:alice->1000\n+3,4:bob->1001\n\n");
        Runs.Run r = make("users.cdb", "pop3");
        assertEquals(0, r.code, r.toString());
        assertBuiltLikeTcprules("pop3");
        assertFalse(Files.exists(dir.resolve("ssh.cdb")));
        try (var reader = org.cdbkit.cdb.CdbReader.open(dir.resolve("users.cdb"))) {
            assertArrayEquals("1001".getBytes(StandardCharsets.US_ASCII), reader.getBytes("bob".getBytes(StandardCharsets.US_ASCII)));
        }
        Files.writeString(dir.resolve("users.cdbmake"), "+5,4:alice->1000\n");
        Files.setLastModifiedTime(dir.resolve("users.cdbmake"), FileTime.from(Instant.now().plusSeconds(5)));
        Runs.Run bad = make("users");
        assertEquals(100, bad.code);
        assertTrue(bad.err.startsWith("cdbmake-all: users.cdbmake:2: "), bad.err);
        Runs.Run missing = make("nosuch.cdb");
        assertEquals(100, missing.code);
        assertTrue(missing.err.contains("nosuch.cdb: no source"), missing.err);
    }

    @Test
    void alwaysRebuildsEverything() throws IOException {
        make();
        Runs.Run r = make("-B");
        assertTrue(r.out.contains("ssh.cdb: rebuilt from ssh (every target rebuilt (-B))"), r.out);
        assertTrue(r.out.contains("smtp.cdb: rebuilt from smtp"), r.out);
        assertBuiltLikeTcprules("ssh");
    }

    @Test
    void watchRebuildsSoonAfterASourceChanges() throws Exception {
        make();
        Thread watcher = new Thread(() -> make("--watch", "--interval", "50"));
        watcher.setDaemon(true);
        watcher.start();
        try {
            Thread.sleep(200);
            Path smtp = dir.resolve("smtp");
            Files.writeString(smtp, ":deny,WATCHED=\"yes\"\n");
            Files.setLastModifiedTime(smtp, FileTime.from(Instant.now().plusSeconds(5)));
            byte[] key = new byte[0];
            long deadline = System.nanoTime() + 10_000_000_000L;
            boolean rebuilt = false;
            while (!rebuilt && System.nanoTime() < deadline) {
                Thread.sleep(50);
                try (var reader = org.cdbkit.cdb.CdbReader.open(dir.resolve("smtp.cdb"))) {
                    byte[] data = reader.getBytes(key);
                    rebuilt = data != null && new String(data, StandardCharsets.ISO_8859_1).contains("WATCHED=yes");
                }
            }
            assertTrue(rebuilt, "smtp.cdb rebuilt by the watcher");
        } finally {
            watcher.interrupt();
            watcher.join(5000);
        }
        assertFalse(watcher.isAlive(), "the watcher stops when interrupted");
        assertNoTemporaryFiles();
    }
}
