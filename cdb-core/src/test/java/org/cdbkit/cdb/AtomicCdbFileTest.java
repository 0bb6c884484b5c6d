package org.cdbkit.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.cdbkit.testing.PlantedLink;
import org.cdbkit.testing.SameName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class AtomicCdbFileTest {
    @TempDir
    Path dir;

    private static final byte[] OLD = "old contents, not a cdb at all\n".getBytes(StandardCharsets.US_ASCII);

    private Path oldTarget() throws IOException {
        Path target = dir.resolve("t.cdb");
        Files.write(target, OLD);
        return target;
    }

    /** {@code count} records with 1000-byte values: about {@code count} KB. */
    private static void addMany(CdbWriter writer, int count) throws IOException {
        byte[] value = new byte[1000];
        Arrays.fill(value, (byte) 'v');
        for (int i = 0; i < count; i++) {
            writer.add(("key" + i).getBytes(StandardCharsets.US_ASCII), value);
        }
    }

    @Test
    void exceptionMidWriteLeavesTargetIntactAndRemovesTemporary() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> {
            try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
                // 1.5 MB: more than the writer's buffers hold, so some must have reached the file
                addMany(out.writer(), 1500);
                assertTrue(Files.size(tmp) > 0, "records should already have reached the temporary file");
                throw boom;
            }
        });
        assertSame(boom, thrown);
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp), "temporary file left behind");
    }

    @Test
    void badInputMidWriteLeavesTargetIntactAndRemovesTemporary() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        byte[] input = "+1,1:a->b\n+3,2:abc->de\n+1,1:x=>y\n\n".getBytes(StandardCharsets.US_ASCII);
        CdbmakeFormatException e = assertThrows(CdbmakeFormatException.class, () -> {
            try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
                new CdbmakeTextReader(new ByteArrayInputStream(input)).readAll(out.writer());
                out.commit();
            }
        });
        assertEquals(CdbmakeFormatException.Problem.MISSING_ARROW, e.problem());
        assertEquals(3, e.entry());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void closeWithoutCommitLeavesTargetIntactAndRemovesTemporary() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            addMany(out.writer(), 100);
            assertTrue(Files.exists(tmp));
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void finishedButNotCommittedIsStillRolledBack() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.writer().add("a".getBytes(), "b".getBytes());
            out.finishAndSync();
            assertTrue(Files.size(tmp) >= 2048 + 10 + 16, "finishAndSync wrote a complete file");
        }
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void closeWithoutCommitWhenNoTargetExistedCreatesNothing() throws IOException {
        Path target = dir.resolve("new.cdb");
        Path tmp = dir.resolve("new.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.writer().add("a".getBytes(), "b".getBytes());
        }
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void commitReplacesTheTarget() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            assertEquals(target, out.target());
            assertEquals(tmp, out.temporary());
            out.writer().add("one".getBytes(), "Hello".getBytes());
            out.writer().add("two".getBytes(), "World".getBytes());
            out.commit();
            assertThrows(IllegalStateException.class, out::commit);
            assertThrows(IllegalStateException.class, out::finishAndSync);
        }
        assertFalse(Files.exists(tmp));
        try (CdbReader reader = CdbReader.open(target)) {
            assertArrayEquals("Hello".getBytes(), reader.getBytes("one".getBytes()));
            assertArrayEquals("World".getBytes(), reader.getBytes("two".getBytes()));
            assertNull(reader.getBytes("three".getBytes()));
        }
        // header, two records of 8 + 3 + 5 bytes, two slots per record
        assertEquals(2048 + 2 * (8 + 3 + 5) + 4 * 8, Files.size(target));
    }

    @Test
    void finishAndSyncThenCommit() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.writer().add("k".getBytes(), "v".getBytes());
            out.finishAndSync();
            assertThrows(IllegalStateException.class, out::finishAndSync);
            assertArrayEquals(OLD, Files.readAllBytes(target), "target replaced before commit");
            out.commit();
        }
        try (CdbReader reader = CdbReader.open(target)) {
            assertArrayEquals("v".getBytes(), reader.getBytes("k".getBytes()));
        }
    }

    @Test
    void emptyDatabaseIsTheHeaderOnly() throws IOException {
        Path target = dir.resolve("e.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, dir.resolve("e.tmp"))) {
            out.commit();
        }
        byte[] bytes = Files.readAllBytes(target);
        assertEquals(2048, bytes.length);
        for (int i = 0; i < 2048; i += 8) {
            // 256 x (2048, 0)
            assertEquals(0x00, bytes[i]);
            assertEquals(0x08, bytes[i + 1]);
            assertEquals(0, bytes[i + 2] | bytes[i + 3] | bytes[i + 4] | bytes[i + 5] | bytes[i + 6] | bytes[i + 7]);
        }
    }

    @Test
    void temporaryInMissingFolderFailsAndTargetStays() throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("no-such-folder").resolve("t.tmp");
        assertThrows(NoSuchFileException.class, () -> AtomicCdbFile.create(target, tmp));
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertFalse(Files.exists(tmp.getParent()));
    }

    @Test
    void targetInMissingFolderFailsAtCommitAndTheTemporaryIsRemovedOnClose() throws IOException {
        Path target = dir.resolve("no-such-folder").resolve("t.cdb");
        Path tmp = dir.resolve("t.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.writer().add("k".getBytes(), "v".getBytes());
            assertThrows(NoSuchFileException.class, out::commit);
            assertTrue(Files.exists(tmp), "the complete temporary file is there until close");
        }
        assertFalse(Files.exists(tmp));
        assertFalse(Files.exists(target));
    }

    @ParameterizedTest
    @EnumSource(SameName.class)
    void aTemporaryThatIsTheTargetIsRefusedBeforeAnythingIsOpened(SameName how) throws IOException {
        Path target = oldTarget();
        Path tmp = how.of(target);
        SameFileException e = assertThrows(SameFileException.class, () -> AtomicCdbFile.create(target, tmp));
        assertEquals(tmp.toString(), e.getFile());
        assertEquals(target.toString(), e.getOtherFile());
        assertArrayEquals(OLD, Files.readAllBytes(target));
        assertTrue(Files.exists(tmp, LinkOption.NOFOLLOW_LINKS), "the other name is left alone too");
    }

    @Test
    void aTemporaryLinkedToAMissingTargetIsNotTheTarget() throws IOException {
        Path target = dir.resolve("t.cdb");
        Path tmp = Files.createSymbolicLink(dir.resolve("t.tmp"), target.getFileName());
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.writer().add("a".getBytes(), "b".getBytes());
            out.commit();
        }
        assertFalse(Files.isSymbolicLink(target), "the link was replaced, not followed");
        assertEquals(2048 + 10 + 16, Files.size(target));
    }

    /** cdbmake text for one record, or (bad) a record with no arrow. */
    private static byte[] input(boolean good) {
        return (good ? "+1,1:a->b\n\n" : "+1,1:a->b\n+1,1:x=>y\n\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void build(Path target, Path tmp, boolean good) throws IOException {
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            new CdbmakeTextReader(new ByteArrayInputStream(input(good))).readAll(out.writer());
            out.commit();
        }
    }

    @ParameterizedTest
    @MethodSource("org.cdbkit.testing.PlantedLink#withGoodAndBadInput")
    void aLinkAtTheTemporaryNameIsReplacedNeverWrittenThrough(PlantedLink link, boolean good) throws IOException {
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        Path victim = link.plantAt(tmp);
        if (good) {
            build(target, tmp, true);
            try (CdbReader reader = CdbReader.open(target)) {
                assertArrayEquals("b".getBytes(), reader.getBytes("a".getBytes()));
            }
        } else {
            assertThrows(CdbmakeFormatException.class, () -> build(target, tmp, false));
            assertArrayEquals(OLD, Files.readAllBytes(target));
        }
        link.assertUntouched(victim);
        assertFalse(Files.exists(tmp, LinkOption.NOFOLLOW_LINKS), "the link is gone with the temporary file");
    }

    @Test
    void aTemporaryThatIsAFolderIsAnErrorAndTheFolderStays() throws IOException {
        Path target = oldTarget();
        Path tmp = Files.createDirectory(dir.resolve("t.tmp"));
        Files.write(tmp.resolve("inside"), OLD);
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicCdbFile.create(target, tmp));
        assertEquals("Is a directory", e.getReason());
        assertArrayEquals(OLD, Files.readAllBytes(tmp.resolve("inside")));
        assertArrayEquals(OLD, Files.readAllBytes(target));
    }

    /** As root, {@code cdbmake x.cdb /dev/null} must neither remove /dev/null nor move it: a FIFO stands in. */
    @Test
    void aTemporaryThatIsADeviceOrAFifoIsAnErrorAndStays() throws Exception {
        Path target = oldTarget();
        Path fifo = dir.resolve("t.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicCdbFile.create(target, fifo));
        assertEquals("not a regular file", e.getReason());
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS).isOther(), "the FIFO stays");
        assertArrayEquals(OLD, Files.readAllBytes(target));
    }

    @Test
    void permissionsAreNeverSetThroughALinkPutInTheTemporarysPlace() throws Exception {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        Path target = oldTarget();
        Path tmp = dir.resolve("t.tmp");
        Path victim = dir.resolve("victim");
        Files.write(victim, PlantedLink.VICTIM_BYTES);
        Set<PosixFilePermission> victimMode = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(victim, victimMode);
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.finishAndSync();
            // someone swaps the finished temporary file for a link before its mode is set
            Files.delete(tmp);
            Files.createSymbolicLink(tmp, victim);
            assertThrows(IOException.class, () -> out.setPermissions(PosixFilePermissions.fromString("rwxrwxrwx")));
        }
        assertEquals(victimMode, Files.getPosixFilePermissions(victim));
        assertArrayEquals(PlantedLink.VICTIM_BYTES, Files.readAllBytes(victim));
    }

    @Test
    void permissionsAreSetOnTheTemporaryFile() throws Exception {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        Path target = dir.resolve("t.cdb");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, dir.resolve("t.tmp"))) {
            out.setPermissions(PosixFilePermissions.fromString("r--r-----"));
            assertEquals(PosixFilePermissions.fromString("r--r-----"), out.permissions());
            out.commit();
        }
        assertEquals(PosixFilePermissions.fromString("r--r-----"), Files.getPosixFilePermissions(target));
    }

    @Test
    void existingTemporaryIsTruncated() throws IOException {
        Path target = dir.resolve("t.cdb");
        Path tmp = dir.resolve("t.tmp");
        byte[] junk = new byte[100_000];
        Arrays.fill(junk, (byte) 0x77);
        Files.write(tmp, junk);
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.writer().add("a".getBytes(), "b".getBytes());
            out.commit();
        }
        assertEquals(2048 + 10 + 16, Files.size(target));
        try (CdbReader reader = CdbReader.open(target)) {
            assertEquals(1, countRecords(reader));
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** The umask of this process, as a child process inherits it. */
    private static int umask() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "umask").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, p.waitFor(), "sh -c umask: " + out);
        return Integer.parseInt(out, 8);
    }

    /** The permission bits of {@code file}, as stat(2) gives them. */
    private static int mode(Path file) throws IOException {
        return (Integer) Files.getAttribute(file, "unix:mode") & 0777;
    }

    @Test
    void newFilesGetMode0644LessTheUmask() throws Exception {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        int umask = umask();
        Path target = dir.resolve("m.cdb");
        Path tmp = dir.resolve("m.tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            assertEquals(0644 & ~umask, mode(tmp),
                    "temporary file mode under umask " + Integer.toOctalString(umask));
            out.writer().add("a".getBytes(), "b".getBytes());
            out.commit();
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(target);
        assertEquals(0644 & ~umask, mode(target), "mode " + PosixFilePermissions.toString(actual)
                + " under umask " + Integer.toOctalString(umask));
        if (umask == 0022) {
            assertEquals(PosixFilePermissions.fromString("rw-r--r--"), actual);
        }
    }

    @Test
    void anOldTargetsModeIsNotKept() throws Exception {
        assumeTrue(posix(), "the file system has no POSIX permissions");
        int umask = umask();
        Path target = oldTarget();
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        try (AtomicCdbFile out = AtomicCdbFile.create(target, dir.resolve("t.tmp"))) {
            out.commit();
        }
        assertEquals(0644 & ~umask, mode(target));
    }

    @Test
    void anExistingTemporaryIsReplacedByANewFileOfMode0644LessTheUmask() throws Exception {
        // cdbmake truncates it and keeps its mode; we unlink it, so whatever it was goes unchanged
        assumeTrue(posix(), "the file system has no POSIX permissions");
        int umask = umask();
        Path target = dir.resolve("t.cdb");
        Path tmp = dir.resolve("t.tmp");
        Files.write(tmp, new byte[10]);
        Files.setPosixFilePermissions(tmp, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        try (AtomicCdbFile out = AtomicCdbFile.create(target, tmp)) {
            out.commit();
        }
        assertEquals(0644 & ~umask, mode(target));
    }

    private static int countRecords(CdbReader reader) {
        int n = 0;
        for (CdbRecord r : reader.records()) {
            n++;
        }
        return n;
    }
}
