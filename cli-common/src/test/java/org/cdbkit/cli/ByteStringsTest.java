package org.cdbkit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments, environment variables and file names as the bytes a C tool sees: byte strings,
 * one char per byte, whatever the locale.
 */
class ByteStringsTest {
    @TempDir
    Path dir;

    @Test
    void argumentsKeepTheirBytesIncludingEmptyOnesAndDashes() {
        String[] args = {"ssh", "", "-", "--help", "-1", "a b\tc"};
        assertArrayEquals(args, ArgumentBytes.strings(args));
        byte[][] raw = ArgumentBytes.of(args);
        assertEquals(args.length, raw.length);
        assertArrayEquals(new byte[0], raw[1]);
        assertArrayEquals(new byte[] {'a', ' ', 'b', '\t', 'c'}, raw[5]);
    }

    @Test
    void anEnvironmentVariableIsItsValueOrNullWhenUnset() {
        String path = System.getenv("PATH");
        assumeTrue(path != null && path.chars().allMatch(c -> c < 128), "PATH is set, in ASCII");
        assertEquals(path, RawEnvironment.get("PATH"));
        assertNull(RawEnvironment.get("CDBKIT_NO_SUCH_VARIABLE_ANYWHERE"));
        assertNull(RawEnvironment.get("PAT"), "a prefix of a name is not that name");
        assertNull(RawEnvironment.get("PATH=" + path), "nor is NAME=VALUE");
    }

    @Test
    void aPlainNameIsThePathOfThatName() {
        assertEquals(Path.of("/etc/tcp/ssh.cdb"), FileNames.path("/etc/tcp/ssh.cdb"));
        assertEquals("ssh.cdb", FileNames.text(Path.of("ssh.cdb")));
        assertArrayEquals(new byte[] {'a', '/', 'b'}, FileNames.bytes(Path.of("a/b")));
    }

    @Test
    void aNameWithANulByteIsRefused() {
        InvalidPathException e = assertThrows(InvalidPathException.class, () -> FileNames.path("a\u0000\u00e9"));
        assertTrue(e.getMessage().contains("a file name cannot hold a NUL byte"), e.getMessage());
    }

    @Test
    void namesThatAreNotUtf8AreTheirBytes() throws IOException {
        assumeTrue(FileNames.exact(), "the JDK's Unix paths are not opened to us (--add-opens java.base/sun.nio.fs)");
        String latin1 = "lat\u00e9"; // the byte 0xe9 alone: not UTF-8
        String utf8 = "caf\u00c3\u00a9"; // the bytes of UTF-8 "café"
        for (String name : List.of(latin1, utf8)) {
            Path p = FileNames.path(dir.toString() + "/" + name);
            assertEquals(dir.toString() + "/" + name, FileNames.text(p));
            Files.writeString(p, name);
        }
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(List.of(utf8, latin1), list.map(p -> FileNames.text(p.getFileName())).sorted().toList());
        }
        assertArrayEquals(new byte[] {'l', 'a', 't', (byte) 0xe9}, FileNames.bytes(FileNames.path(latin1)));
    }

    @Test
    void redundantSlashesGoAsTheJdkDropsThem() {
        assertEquals(Path.of("a//b/"), FileNames.path("a//b/"));
        assumeTrue(FileNames.exact());
        assertEquals("a\u00e9/b", FileNames.text(FileNames.path("a\u00e9//b/")));
        assertEquals("/", FileNames.text(FileNames.path("/")));
    }
}
