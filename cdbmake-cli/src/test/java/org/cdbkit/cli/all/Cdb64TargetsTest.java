package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.cdbkit.cdb.CdbFiles;
import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.InProcessIo;
import org.cdbkit.cli.ToolTable;
import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cdbmake-all builds {@code X.cdb64} targets as cdb64s, from the same sources and by the same
 * rules as {@code X.cdb}: byte for byte what cdb64make writes of the same input, then fresh.
 */
class Cdb64TargetsTest {
    private static final Path CDB64 = Fixtures.dir("cdb64");

    @TempDir
    Path dir;

    private Runs.Run make(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Runs.run(all);
    }

    /** What cdb64make writes of {@code input}. */
    private byte[] cdb64make(Path input) throws IOException {
        Path expected = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-expected")).resolve("x.cdb64");
        InProcessIo io = new InProcessIo(input, false, Map.of());
        Oracle.Result r = io.result(ToolTable.run(io, "cdb64make", expected.toString(), expected + ".tmp"));
        assertEquals(0, r.exitCode, r.toString());
        return Files.readAllBytes(expected);
    }

    @Test
    void aNamedCdb64IsBuiltFromItsCdbmakeSourceThenFresh() throws IOException {
        Files.copy(CDB64.resolve("case-209.in"), dir.resolve("db.cdbmake"));
        Runs.Run first = make("db.cdb64");
        assertEquals(0, first.code, first.toString());
        assertEquals("cdbmake-all: db.cdb64: rebuilt from db.cdbmake (it does not exist)\n", first.out);
        assertArrayEquals(Files.readAllBytes(CDB64.resolve("case-209.cdb64")), Files.readAllBytes(dir.resolve("db.cdb64")));
        assertArrayEquals(cdb64make(dir.resolve("db.cdbmake")), Files.readAllBytes(dir.resolve("db.cdb64")));
        assertFalse(Files.exists(dir.resolve("db.cdb")), "only the cdb64 was asked for");

        Runs.Run second = make("db.cdb64");
        assertEquals(0, second.code, second.toString());
        assertEquals("cdbmake-all: everything is up to date (1 target)\n", second.out);
    }

    /** A Makefile's all: names both widths; its pattern rules run cdbmake and cdb64make. */
    @Test
    void aMakefileAsksForBothWidthsOfOneSource() throws IOException {
        Files.copy(CDB64.resolve("case-204.in"), dir.resolve("db.txt"));
        Files.writeString(dir.resolve("Makefile"), "all: db.cdb db.cdb64\n"
                + "%.cdb: %.txt\n\tcdbmake $@ $@.tmp < $<\n"
                + "%.cdb64: %.txt\n\tcdb64make $@ $@.tmp < $<\n", StandardCharsets.US_ASCII);
        Runs.Run first = make();
        assertEquals(0, first.code, first.toString());
        assertTrue(first.out.contains("db.cdb: rebuilt from db.txt"), first.out);
        assertTrue(first.out.contains("db.cdb64: rebuilt from db.txt"), first.out);
        assertArrayEquals(Files.readAllBytes(CDB64.resolve("case-204.cdb64")), Files.readAllBytes(dir.resolve("db.cdb64")));
        try (CdbDatabase cdb = CdbFiles.open(dir.resolve("db.cdb")); CdbDatabase cdb64 = CdbFiles.open(dir.resolve("db.cdb64"))) {
            assertEquals(CdbWidth.CDB32, cdb.width());
            assertEquals(CdbWidth.CDB64, cdb64.width());
        }
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", make().out);

        // an edit rebuilds both, and the cdb64 is again what cdb64make writes
        Files.writeString(dir.resolve("db.txt"), "+3,5:one->Hello\n\n", StandardCharsets.US_ASCII);
        Runs.Run third = make();
        assertEquals(0, third.code, third.toString());
        assertTrue(third.out.contains("db.cdb64: rebuilt from db.txt"), third.out);
        assertArrayEquals(cdb64make(dir.resolve("db.txt")), Files.readAllBytes(dir.resolve("db.cdb64")));
    }

    /** A rules source makes a cdb64 by a suffix rule as it makes a cdb: the same records, wider. */
    @Test
    void aSuffixRuleBuildsACdb64OfRules() throws IOException {
        Files.copy(Fixtures.dir("etc-tcp").resolve("ssh"), dir.resolve("ssh.rules"));
        Files.writeString(dir.resolve("Makefile"), "all: ssh.cdb64\n.rules.cdb64:\n\ttcprules $@ $@.tmp < $<\n",
                StandardCharsets.US_ASCII);
        Runs.Run first = make("--no-lint");
        assertEquals(0, first.code, first.toString());
        Path cdb = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-rules")).resolve("ssh.cdb");
        Files.write(cdb, Runs.compiledByTcprules(dir.resolve("ssh.rules"), cdb.getParent()));
        InProcessIo twin = new InProcessIo(cdb, false, Map.of());
        Oracle.Result twinDump = twin.result(ToolTable.run(twin, "cdbdump"));
        InProcessIo ours = new InProcessIo(dir.resolve("ssh.cdb64"), false, Map.of());
        assertEquals(twinDump, ours.result(ToolTable.run(ours, "cdb64dump")));
        assertEquals("cdbmake-all: everything is up to date (1 target)\n", make("--no-lint").out);
    }
}
