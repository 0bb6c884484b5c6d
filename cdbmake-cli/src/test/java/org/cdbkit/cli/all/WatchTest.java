package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cli.InProcessIo;
import org.cdbkit.cli.ToolTable;
import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --watch}: each problem said once, and a watch that outlives sources and Makefiles changing under it. */
class WatchTest {
    private static final Path EXAMPLE = Fixtures.dir("etc-tcp");
    private static final long SECONDS = 1_000_000_000L;

    @TempDir
    Path dir;
    private final InProcessIo io = new InProcessIo(null, false, java.util.Map.of());
    private final AtomicInteger code = new AtomicInteger(-1);
    private Thread watcher;

    @BeforeEach
    void startWatching() throws IOException {
        for (String name : new String[] {"Makefile", "ssh", "smtp", "pop3"}) {
            Files.copy(EXAMPLE.resolve(name), dir.resolve(name));
        }
    }

    private void watch() {
        watcher = new Thread(() -> code.set(ToolTable.run(io, "cdbmake-all", "-C", dir.toString(), "--watch",
                "--interval", "10")));
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Interrupting the watching thread is how a watch is stopped: it ends quietly with 0. */
    @AfterEach
    void stop() throws InterruptedException {
        watcher.interrupt();
        watcher.join(10_000);
        assertFalse(watcher.isAlive(), "the watch stops when interrupted");
        assertEquals(0, code.get());
    }

    private String err() {
        return io.result(0).stderrText();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10 * SECONDS;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    /** Lets the watch poll some 20 more times (every 10 ms). */
    private static void manyPolls() throws InterruptedException {
        Thread.sleep(250);
    }

    private void edit(String name, String text, StandardOpenOption... how) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, how);
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().plusSeconds(5)));
    }

    /**
     * Replaces the Makefile at once, as an editor does: the watch never sees half of it (the
     * new text is written outside the folder, whose every change is news for a Makefile error).
     */
    private void replaceMakefile(String text) throws IOException {
        Path next = Files.createTempFile(dir.getParent(), "Makefile", ".next");
        Files.writeString(next, text);
        Files.move(next, dir.resolve("Makefile"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean holds(String cdb, String data) {
        try (CdbReader reader = CdbReader.open(dir.resolve(cdb))) {
            byte[] got = reader.getBytes(new byte[0]);
            return got != null && new String(got, StandardCharsets.ISO_8859_1).contains(data);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aPersistentProblemIsReportedOnceAndAgainOnlyWhenItsSourceChanges() throws Exception {
        String bad = "cdbmake-all: smtp:7: unable to parse this line: 1.2.3.4:alow (smtp.cdb kept as it was)\n";
        edit("smtp", "1.2.3.4:alow\n", StandardOpenOption.APPEND);
        watch();
        await("the bad line is reported", () -> err().contains(bad));
        manyPolls();
        assertEquals(1, count(err(), bad), err());
        assertTrue(Files.exists(dir.resolve("ssh.cdb")), "the others are built");

        edit("smtp", "# still wrong, with a comment more\n", StandardOpenOption.APPEND);
        await("reported again once the source changed", () -> count(err(), bad) == 2);
        manyPolls();
        assertEquals(2, count(err(), bad), err());
    }

    @Test
    void goesOnThroughSourcesDeletedAndRecreatedAndAMakefileChanged() throws Exception {
        watch();
        await("the first build", () -> Files.exists(dir.resolve("ssh.cdb")) && Files.exists(dir.resolve("smtp.cdb")));

        Files.delete(dir.resolve("ssh"));
        String gone = "cdbmake-all: ssh.cdb: no source: none of ssh, ssh.rules, ssh.cdbmake exists (ssh.cdb kept as it was)\n";
        await("the missing source is reported", () -> err().contains(gone));
        manyPolls();
        assertEquals(1, count(err(), gone), err());

        edit("ssh", ":deny,BACK=\"yes\"\n");
        await("ssh.cdb rebuilt from the new ssh", () -> holds("ssh.cdb", "BACK=yes"));

        replaceMakefile("all: ssh.cdb smtp.cdb pop3.cdb\nthis is wrong\n");
        String wrong = "cdbmake-all: Makefile:2: missing separator: neither a rule nor a variable: this is wrong\n";
        await("the wrong Makefile is reported", () -> err().contains(wrong));
        manyPolls();
        assertEquals(1, count(err(), wrong), err());
        assertFalse(Files.exists(dir.resolve("pop3.cdb")), "nothing built from a Makefile that cannot be read");

        replaceMakefile("all: ssh.cdb smtp.cdb pop3.cdb\n");
        await("pop3.cdb built once the Makefile asks for it", () -> Files.exists(dir.resolve("pop3.cdb")));
        assertEquals(1, count(err(), wrong), err());
        assertFalse(err().contains("Exception"), err());
    }
}
