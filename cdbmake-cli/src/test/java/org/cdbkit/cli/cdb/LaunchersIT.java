package org.cdbkit.cli.cdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.testing.CdbmakeTextWriter;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.cdbkit.testing.PlantedLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools as a user runs them: bin/NAME after {@code mvn package}, from another folder and
 * through a symlink, as whole processes.
 */
class LaunchersIT {
    private static final Path BIN = Fixtures.root().resolve("bin");
    private static final Path CDB = Fixtures.dir("cdb");

    @TempDir
    Path dir;

    /** A symlink to bin/NAME in a folder of its own, as an operator would install it. */
    private Path linked(String name) throws IOException {
        Path links = Files.createDirectories(dir.resolve("links"));
        Path link = links.resolve(name);
        if (!Files.exists(link)) {
            Files.createSymbolicLink(link, BIN.resolve(name));
        }
        return link;
    }

    private Oracle.Result run(Path stdin, Object... command) throws Exception {
        return Oracle.run(Oracle.command(command), dir, null, stdin, "LC_ALL", "C");
    }

    @Test
    void cdbmakeThroughASymlinkFromAnotherFolder() throws Exception {
        Oracle.Result r = run(CDB.resolve("many.in"), linked("cdbmake"), "many.cdb", "many.tmp");
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), r);
        assertArrayEquals(Files.readAllBytes(CDB.resolve("many.cdb")), Files.readAllBytes(dir.resolve("many.cdb")));
    }

    @Test
    void readersPrintTheGoldenBytes() throws Exception {
        Path cdb = CDB.resolve("dups.cdb");
        assertEquals(new Oracle.Result(0, Files.readAllBytes(CDB.resolve("dups.dump")), new byte[0]),
                run(cdb, BIN.resolve("cdbdump")));
        assertEquals(new Oracle.Result(0, Files.readAllBytes(CDB.resolve("dups.stats")), new byte[0]),
                run(cdb, linked("cdbstats")));
        assertEquals(new Oracle.Result(0, Files.readAllBytes(CDB.resolve("dups.cdbtest")), new byte[0]),
                run(cdb, BIN.resolve("cdbtest")));
        assertEquals(new Oracle.Result(0, "Goodbye".getBytes(StandardCharsets.US_ASCII), new byte[0]),
                run(cdb, linked("cdbget"), "one", "1"));
        assertEquals(new Oracle.Result(100, new byte[0], new byte[0]), run(cdb, BIN.resolve("cdbget"), "nokey"));
    }

    /**
     * The tools that read standard input only start without sun.nio.fs opened (bin/.tools,
     * names "-"): they must never need it, so they never load FileNames; cdbmake, which names
     * its files, is started with it and names them by their bytes.
     */
    @Test
    void onlyTheToolsThatNameFilesAreOpenedSunNioFs() throws Exception {
        Path cdb = CDB.resolve("dups.cdb");
        Path log = dir.resolve("classes.log");
        Path cdb64 = Fixtures.dir("cdb64").resolve("case-209.cdb64");
        for (String tool : List.of("cdbget", "cdbdump", "cdbstats", "cdbtest", "cdbmake", "cdb64get", "cdb64dump",
                "cdb64make")) {
            Files.deleteIfExists(log);
            boolean make = tool.endsWith("make");
            Object[] command = tool.equals("cdbget") ? new Object[] {BIN.resolve(tool), "one"}
                    : tool.equals("cdb64get") ? new Object[] {BIN.resolve(tool), "key-0000000000"}
                    : make ? new Object[] {BIN.resolve(tool), "new.cdb", "new.tmp"}
                    : new Object[] {BIN.resolve(tool)};
            Path stdin = make ? CDB.resolve("many.in") : tool.startsWith("cdb64") ? cdb64 : cdb;
            Oracle.Result r = Oracle.run(Oracle.command(command), dir, null, stdin, "LC_ALL", "C",
                    "CDBKIT_JAVA_OPTS", "-Xlog:class+load:file=" + log);
            assertEquals(0, r.exitCode, tool + ": " + r.stderrText());
            String loaded = Files.readString(log);
            assertTrue(loaded.contains("org.cdbkit.cli.Main "), tool + " ran");
            assertEquals(make, loaded.contains("org.cdbkit.cli.FileNames "), tool + " and FileNames");
        }
    }

    /** The cdb64 tools as bin/ runs them: the shared golden bytes, given back, looked up, checked. */
    @Test
    void cdb64ToolsThroughTheirScripts() throws Exception {
        Path cdb64 = Fixtures.dir("cdb64");
        Oracle.Result made = run(cdb64.resolve("case-209.in"), linked("cdb64make"), "t.cdb64", "t.tmp");
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), made);
        assertArrayEquals(Files.readAllBytes(cdb64.resolve("case-209.cdb64")), Files.readAllBytes(dir.resolve("t.cdb64")));
        Path built = dir.resolve("t.cdb64");
        assertEquals(new Oracle.Result(0, Files.readAllBytes(cdb64.resolve("case-209.in")), new byte[0]),
                run(built, BIN.resolve("cdb64dump")));
        // case-209 holds key-0000000000 twice: the byte 0222, then nothing
        assertEquals(new Oracle.Result(0, new byte[] {(byte) 0222}, new byte[0]),
                run(built, BIN.resolve("cdb64get"), "key-0000000000"));
        assertEquals(new Oracle.Result(0, new byte[0], new byte[0]), run(built, BIN.resolve("cdb64get"), "key-0000000000", "1"));
        assertEquals(new Oracle.Result(100, new byte[0], new byte[0]), run(built, BIN.resolve("cdb64get"), "key-0000000000", "2"));
        assertEquals(new Oracle.Result(100, new byte[0], new byte[0]), run(built, BIN.resolve("cdb64get"), "nokey"));
        Oracle.Result test = run(built, BIN.resolve("cdb64test"));
        assertEquals(0, test.exitCode, test.toString());
        assertTrue(new String(test.stdout, StandardCharsets.US_ASCII).contains("\nbad length: 0\nnot found: 0\n"));
        Oracle.Result stats = run(built, BIN.resolve("cdb64stats"));
        assertEquals(0, stats.exitCode, stats.toString());
        assertTrue(new String(stats.stdout, StandardCharsets.US_ASCII).startsWith("records "), stats.toString());

        Path scripts = CDB.resolve("scripts");
        assertEquals(0, run(scripts.resolve("sample.12"), BIN.resolve("cdb64make-12"), "a.cdb64", "a.tmp").exitCode);
        assertEquals(0, run(scripts.resolve("services.sv"), BIN.resolve("cdb64make-sv"), "s.cdb64", "s.tmp").exitCode);
        assertEquals(run(scripts.resolve("services.sv.cdb"), BIN.resolve("cdbdump")),
                run(dir.resolve("s.cdb64"), BIN.resolve("cdb64dump")));

        Path link = linked("cdb64get");
        assertEquals(new Oracle.Result(100, new byte[0], ("usage: " + link + " key [skip]\n\n").getBytes(StandardCharsets.UTF_8)),
                run(built, link));
        Path bad = Files.write(dir.resolve("bad.in"), "+1,1:a->b\n+3,5:one\n".getBytes(StandardCharsets.US_ASCII));
        Oracle.Result failed = run(bad, BIN.resolve("cdb64make"), "t.cdb64", "t.tmp");
        assertEquals(new Oracle.Result(111, new byte[0], "cdb64make: fatal: unable to read input: entry 2: key must be followed by ->\n"
                .getBytes(StandardCharsets.US_ASCII)), failed);
        assertArrayEquals(Files.readAllBytes(cdb64.resolve("case-209.cdb64")), Files.readAllBytes(built), "kept");
        assertTrue(Files.notExists(dir.resolve("t.tmp")));
    }

    @Test
    void usageNamesTheProgramAsInvoked() throws Exception {
        Path link = linked("cdbget");
        Oracle.Result r = run(CDB.resolve("one.cdb"), link);
        assertEquals(100, r.exitCode);
        assertEquals("usage: " + link + " key [skip]\n\n", r.stderrText());
    }

    @Test
    void keysAreArgvBytesWhateverTheLocale() throws Exception {
        byte[] key = {'k', (byte) 0xe9, 'y'};
        Path text = dir.resolve("in");
        Files.write(text, CdbmakeTextWriter.text(List.<byte[][]>of(new byte[][] {key, {(byte) 'v'}})));
        assertEquals(0, run(text, BIN.resolve("cdbmake"), "k.cdb", "k.tmp").exitCode);
        // the key argument as raw bytes, through a shell, under the C locale
        Oracle.Result r = Oracle.run(List.of("sh", "-c", "exec \"$0\" \"$(printf 'k\\351y')\" < k.cdb",
                BIN.resolve("cdbget").toString()), dir, null, null, "LC_ALL", "C");
        assertEquals(new Oracle.Result(0, new byte[] {'v'}, new byte[0]), r);
    }

    @Test
    void badInputExits111AndKeepsTheOldDatabase() throws Exception {
        Path old = dir.resolve("keep.cdb");
        Files.copy(CDB.resolve("one.cdb"), old);
        Path bad = dir.resolve("bad.in");
        Files.write(bad, "+1,1:a->b\n+3,5:one\n".getBytes(StandardCharsets.US_ASCII));
        Oracle.Result r = run(bad, BIN.resolve("cdbmake"), "keep.cdb", "keep.tmp");
        assertEquals(111, r.exitCode);
        assertEquals("cdbmake: fatal: unable to read input: entry 2: key must be followed by ->\n", r.stderrText());
        assertArrayEquals(Files.readAllBytes(CDB.resolve("one.cdb")), Files.readAllBytes(old));
        assertTrue(Files.notExists(dir.resolve("keep.tmp")));
    }

    @Test
    void converters() throws Exception {
        Path scripts = CDB.resolve("scripts");
        assertEquals(0, run(scripts.resolve("sample.12"), BIN.resolve("cdbmake-12"), "a.cdb", "a.tmp").exitCode);
        assertArrayEquals(Files.readAllBytes(scripts.resolve("sample.12.cdb")), Files.readAllBytes(dir.resolve("a.cdb")));
        assertEquals(0, run(scripts.resolve("services.sv"), BIN.resolve("cdbmake-sv"), "s.cdb", "s.tmp").exitCode);
        assertArrayEquals(Files.readAllBytes(scripts.resolve("services.sv.cdb")), Files.readAllBytes(dir.resolve("s.cdb")));
    }

    @Test
    void cdbmakeAllKeepsAnEtcTcpFresh() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc-tcp"));
        for (String name : new String[] {"Makefile", "ssh", "smtp", "pop3"}) {
            Files.copy(Fixtures.dir("etc-tcp").resolve(name), etc.resolve(name));
        }
        Oracle.Result first = run(null, linked("cdbmake-all"), "-C", etc);
        assertEquals(0, first.exitCode, first.toString());
        assertArrayEquals(Files.readAllBytes(Fixtures.dir("etc-tcp-expected").resolve("ssh.cdb")),
                Files.readAllBytes(etc.resolve("ssh.cdb")));
        Oracle.Result second = Oracle.run(Oracle.command(BIN.resolve("cdbmake-all")), etc, null, null);
        assertEquals(new Oracle.Result(0, "cdbmake-all: everything is up to date (2 targets)\n"
                .getBytes(StandardCharsets.US_ASCII), new byte[0]), second);
    }

    @Test
    void cdbmakeNeverWritesThroughALinkAndRefusesTheDatabaseAsItsTemporary() throws Exception {
        Path old = dir.resolve("keep.cdb");
        Files.copy(CDB.resolve("one.cdb"), old);
        PlantedLink.SYMLINK.plant(dir.resolve("keep.tmp"), dir.resolve("victim"));
        Path bad = Files.write(dir.resolve("bad.in"), "+1,1:a->b\n+3,5:one\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(111, run(bad, BIN.resolve("cdbmake"), "keep.cdb", "keep.tmp").exitCode);
        PlantedLink.SYMLINK.assertUntouched(dir.resolve("victim"));
        assertArrayEquals(Files.readAllBytes(CDB.resolve("one.cdb")), Files.readAllBytes(old));

        Oracle.Result same = run(bad, BIN.resolve("cdbmake"), "keep.cdb", "./keep.cdb");
        assertEquals(new Oracle.Result(100, new byte[0],
                "cdbmake: fatal: ./keep.cdb names the same file as keep.cdb\n".getBytes(StandardCharsets.US_ASCII)), same);
        assertArrayEquals(Files.readAllBytes(CDB.resolve("one.cdb")), Files.readAllBytes(old));
    }

    @Test
    void cdbmakeAllNeverWritesThroughALinkAtItsOldScratchNames() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc-tcp"));
        for (String name : new String[] {"Makefile", "ssh", "smtp"}) {
            Files.copy(Fixtures.dir("etc-tcp").resolve(name), etc.resolve(name));
        }
        PlantedLink.HARD_LINK.plant(etc.resolve(".ssh.cdb.cdbmake-all.tmp"), dir.resolve("victim"));
        PlantedLink.SYMLINK.plant(etc.resolve(".cdbmake-all.state.tmp"), dir.resolve("other-victim"));
        for (int run = 0; run < 2; run++) { // a build, then everything up to date
            Oracle.Result r = run(null, BIN.resolve("cdbmake-all"), "-C", etc);
            assertEquals(0, r.exitCode, r.toString());
            PlantedLink.HARD_LINK.assertUntouched(dir.resolve("victim"));
            PlantedLink.SYMLINK.assertUntouched(dir.resolve("other-victim"));
        }
    }

    /** 5M records, about 300 MB of input, in a 256 MiB heap: memory is 8 bytes a record. */
    @Test
    void fiveMillionRecordsIn256MiB() throws Exception {
        int records = 5_000_000;
        ProcessBuilder builder = new ProcessBuilder(BIN.resolve("cdbmake").toString(), "big.cdb", "big.tmp")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile());
        builder.environment().put("CDBKIT_JAVA_OPTS", "-Xmx256m");
        Process process = builder.start();
        try (OutputStream in = new BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
            for (int i = 0; i < records; i++) {
                in.write(BigInput.record(i));
            }
            in.write('\n');
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "cdbmake finished");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("out")));
        Path big = dir.resolve("big.cdb");
        try (CdbReader reader = CdbReader.open(big)) {
            for (int i : new int[] {0, 1, 2_500_000, records - 1}) {
                assertArrayEquals(BigInput.value(i), reader.getBytes(BigInput.key(i)));
            }
            assertEquals(null, reader.get("key-absent".getBytes(StandardCharsets.US_ASCII)));
        }
        assertEquals(2048L + records * (8L + 14 + 40) + 16L * records, Files.size(big));
        Files.delete(big);
    }
}
