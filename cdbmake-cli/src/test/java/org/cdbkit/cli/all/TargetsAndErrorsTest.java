package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cdbkit.cli.FileNames;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Targets named with a folder, option checks, I/O errors as the tools word them, and names that are bytes. */
class TargetsAndErrorsTest {
    private static final Path EXAMPLE = Fixtures.dir("etc-tcp");

    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void seed() throws IOException {
        dir = Runs.exampleIn(root);
    }

    private Runs.Run make(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return Runs.run(all.toArray(new String[0]));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertNoJava(Runs.Run r) {
        assertFalse(r.toString().matches("(?s).*(Exception|java\\.|\tat ).*"), "no Java in what the tool says: " + r);
    }

    @Test
    void targetsInOtherFoldersRelativeAndAbsolute() throws IOException {
        Path m = Files.createDirectory(root.resolve("m"));
        Files.copy(EXAMPLE.resolve("ssh"), m.resolve("ssh"));
        Files.copy(EXAMPLE.resolve("smtp"), m.resolve("smtp"));
        String absolute = m.resolve("smtp.cdb").toString();
        Runs.Run r = make("../m/ssh.cdb", absolute);
        assertEquals(0, r.code, r.toString());
        assertEquals("cdbmake-all: ../m/ssh.cdb: rebuilt from ../m/ssh (it does not exist)\n"
                + "cdbmake-all: " + absolute + ": rebuilt from " + m.resolve("smtp") + " (it does not exist)\n", r.out);
        assertArrayEquals(Runs.compiledByTcprules(m.resolve("ssh"), root), Files.readAllBytes(m.resolve("ssh.cdb")));
        assertArrayEquals(Runs.compiledByTcprules(m.resolve("smtp"), root), Files.readAllBytes(m.resolve("smtp.cdb")));
        assertEquals(List.of(".cdbmake-all.state", "smtp", "smtp.cdb", "ssh", "ssh.cdb"), names(m),
                "the record next to the targets, no scratch file left");
        assertEquals(List.of("Makefile", "pop3", "smtp", "ssh"), names(dir), "nothing written where it runs");
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", make("../m/ssh", absolute).out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "-j|0|-j N: N must be 1 or more, not 0",
        "-j|-5|-j N: N must be 1 or more, not -5",
        "--interval|-1|--interval MS: MS must be 1 or more, not -1",
        "--interval|0|--interval MS: MS must be 1 or more, not 0"})
    void optionsOutOfRangeAreUsageErrors(String option, String value, String message) {
        Runs.Run r = make(option, value);
        assertEquals(100, r.code, r.toString());
        assertEquals("cdbmake-all: " + message + "\n"
                + "usage: cdbmake-all [-nBqv] [-C DIR] [-j N] [--watch] [TARGET...]  (--help for more)\n", r.err);
        assertFalse(Files.exists(dir.resolve("ssh.cdb")), "nothing done");
    }

    @Test
    void aFolderThatIsNotThereIsAUsageError() throws IOException {
        String missing = root.resolve("nosuch").toString();
        Runs.Run r = Runs.run("-C", missing);
        assertEquals(100, r.code, r.toString());
        assertTrue(r.err.startsWith("cdbmake-all: -C " + missing + ": no such folder\nusage: "), r.err);
        Runs.Run file = Runs.run("-C", dir.resolve("ssh").toString());
        assertEquals(100, file.code, file.toString());
        assertTrue(file.err.contains(": not a folder\nusage: "), file.err);
    }

    @Test
    void ioErrorsAreWordedAsTheOtherToolsWordThem() throws IOException {
        // deterministic even as root: the target's name is taken by a folder
        Files.createDirectory(dir.resolve("ssh.cdb"));
        Runs.Run r = make();
        assertEquals(111, r.code, r.toString());
        assertEquals("cdbmake-all: unable to read ssh.cdb: is a directory (ssh.cdb kept as it was)\n", r.err);
        assertTrue(Files.exists(dir.resolve("smtp.cdb")), "the others are still built");
        assertNoJava(r);

        // a target whose folder is a regular file: there is no source, as make finds no rule
        Files.writeString(dir.resolve("sub"), "a file\n");
        Runs.Run sub = make("sub/ssh.cdb");
        assertEquals(100, sub.code, sub.toString());
        assertEquals("cdbmake-all: sub/ssh.cdb: no source: none of sub/ssh, sub/ssh.rules, sub/ssh.cdbmake exists"
                + " (sub/ssh.cdb kept as it was)\n", sub.err);
        assertNoJava(sub);

        // a source that is a folder
        Files.createDirectory(dir.resolve("imap"));
        Runs.Run folder = make("imap.cdb");
        assertEquals(111, folder.code, folder.toString());
        assertEquals("cdbmake-all: unable to read imap: is a directory (imap.cdb kept as it was)\n", folder.err);
        assertNoJava(folder);
    }

    @Test
    void aMakefileThatIsNoRegularFileIsPassedOver() throws IOException {
        Files.delete(dir.resolve("Makefile"));
        Files.createDirectory(dir.resolve("makefile")); // not a regular file: passed over
        Path makefile = Files.createSymbolicLink(dir.resolve("Makefile"), dir.resolve("Makefile.elsewhere"));
        assertFalse(Files.exists(makefile), "a dangling link is no Makefile");
        Runs.Run r = make("-v");
        assertEquals(0, r.code, "built by the conventions: " + r);
        assertTrue(Files.exists(dir.resolve("pop3.cdb")));
    }

    @Test
    void namesThatAreNotUtf8AreUsedAndPrintedAsTheirBytes() throws IOException {
        assertTrue(FileNames.exact(), "surefire opens sun.nio.fs, as the launcher does");
        Files.delete(dir.resolve("Makefile"));
        Path latin = dir.resolve(FileNames.path("lat\u00e9")); // the byte 0xE9, not UTF-8
        Files.writeString(latin, "10.0.0.:allow\n:deny\n");
        Files.writeString(dir.resolve(FileNames.path("bad\u00e9")), "1.2.3.4:alow\n");
        Runs.Run r = make();
        assertEquals(100, r.code, r.toString());
        assertTrue(r.out.contains("cdbmake-all: lat\u00e9.cdb: rebuilt from lat\u00e9 (it does not exist)\n"), r.out);
        assertEquals("cdbmake-all: bad\u00e9:1: unable to parse this line: 1.2.3.4:alow (bad\u00e9.cdb kept as it was)\n",
                r.err);
        Path cdb = dir.resolve(FileNames.path("lat\u00e9.cdb"));
        assertArrayEquals(Runs.compiledByTcprules(latin, root), Files.readAllBytes(cdb));
        assertArrayEquals("lat\u00e9.cdb".getBytes(StandardCharsets.ISO_8859_1), FileNames.bytes(cdb.getFileName()));

        Runs.Run named = make("-B", "lat\u00e9");
        assertEquals(0, named.code, named.toString());
        assertEquals("cdbmake-all: lat\u00e9.cdb: rebuilt from lat\u00e9 (every target rebuilt (-B))\n", named.out);
        Runs.Run again = make("lat\u00e9.cdb");
        assertEquals("cdbmake-all: everything is up to date (1 target)\n", again.out, "kept in the record by its bytes");
    }
}
