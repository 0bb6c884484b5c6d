package org.cdbkit.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cdbkit.testing.Fixtures;
import org.cdbkit.testing.Oracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh PREFIX after {@code mvn package}: tools that run from PREFIX/bin, pages, completion. */
class InstallIT {
    private static final Path INSTALL = Fixtures.root().resolve("install.sh");
    private static final byte[] NONE = new byte[0];

    @TempDir
    Path dir;

    private Oracle.Result install(String destdir, Path prefix) throws Exception {
        return Oracle.run(Oracle.command(INSTALL, prefix), dir, null, null, "DESTDIR", destdir);
    }

    private Path installed() throws Exception {
        Path prefix = dir.resolve("prefix");
        assertEquals(new Oracle.Result(0, NONE, NONE), install(null, prefix));
        return prefix;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void everyToolPageAndTheCompletionIsInstalled() throws Exception {
        Path prefix = installed();
        for (String tool : ManPagesTest.tools()) {
            assertTrue(Files.isExecutable(prefix.resolve("bin").resolve(tool)), tool);
            assertTrue(Files.isRegularFile(prefix.resolve("share/man/man1").resolve(tool + ".1")), tool + ".1");
        }
        assertTrue(Files.isRegularFile(prefix.resolve("share/man/man5/tcprules.5")));
        Path completion = prefix.resolve("share/bash-completion/completions/cdbmake-all");
        Oracle.Result complete = Oracle.run(Oracle.command("bash", "-c", "source \"$0\" && complete -p cdbmake-all",
                completion), dir, null, null);
        assertEquals(new Oracle.Result(0, ascii("complete -o default -F _complete_cdbmake-all cdbmake-all\n"), NONE),
                complete);
    }

    @Test
    void toolsRunFromThePrefixAnywhereAndThroughASymlink() throws Exception {
        Path bin = installed().resolve("bin");
        Path input = dir.resolve("in");
        Files.write(input, ascii("+3,5:one->Hello\n+3,7:two->Goodbye\n\n"));
        Path work = Files.createDirectories(dir.resolve("elsewhere"));
        assertEquals(new Oracle.Result(0, NONE, NONE),
                Oracle.run(Oracle.command(bin.resolve("cdbmake"), "t.cdb", "t.tmp"), work, null, input));
        Path cdb = work.resolve("t.cdb");
        assertEquals(new Oracle.Result(0, ascii("Goodbye"), NONE),
                Oracle.run(Oracle.command(bin.resolve("cdbget"), "two"), work, null, cdb));

        Path link = dir.resolve("mine");
        Files.createSymbolicLink(link, bin.resolve("cdbget"));
        assertEquals(new Oracle.Result(0, ascii("Hello"), NONE),
                Oracle.run(Oracle.command(link, "one"), work, null, cdb));
        // argv0 as the originals print it: the path run, or the bare name when found on PATH
        assertEquals(new Oracle.Result(100, NONE, ascii("usage: " + link + " key [skip]\n\n")),
                Oracle.run(Oracle.command(link), work, null, cdb));
        assertEquals(new Oracle.Result(100, NONE, ascii("usage: cdbget key [skip]\n\n")),
                Oracle.run(Oracle.command("sh", "-c", "cdbget"), work, null, cdb,
                        "PATH", bin + ":" + System.getenv("PATH")));

        // the other jar
        Path rules = dir.resolve("rules");
        Files.write(rules, ascii("10.0.0.:allow,RELAYCLIENT=\"\"\n"));
        assertEquals(0, Oracle.run(Oracle.command(bin.resolve("tcprules"), "r.cdb", "r.tmp"), work, null, rules)
                .exitCode);
        assertEquals(new Oracle.Result(0, ascii("rule 10.0.0.:\nset environment variable RELAYCLIENT=\nallow connection\n"),
                NONE), Oracle.run(Oracle.command(bin.resolve("tcprulescheck"), "r.cdb"), work, null, null,
                "TCPREMOTEIP", "10.0.0.7"));
    }

    @Test
    void manFindsTheInstalledPages() throws Exception {
        Path man = installed().resolve("share/man");
        Oracle.Result where = Man.run("-M", man, "-w", "cdbmake");
        assertEquals(new Oracle.Result(0, ascii(man.resolve("man1/cdbmake.1") + "\n"), NONE), where);
        Oracle.Result format = Man.run("-M", man, "5", "tcprules");
        assertEquals(0, format.exitCode, format.toString());
        assertTrue(Man.words(format).contains(" ADDRESSES "), format.toString());
    }

    /** DESTDIR stages the files for a package; the staged tree runs wherever it is put. */
    @Test
    void destdirStagesARelocatableTree() throws Exception {
        Path stage = dir.resolve("stage");
        assertEquals(new Oracle.Result(0, NONE, NONE), install(stage.toString(), Path.of("/usr/local")));
        Path moved = dir.resolve("moved");
        Files.move(stage.resolve("usr/local"), moved);
        Path cdb = dir.resolve("one.cdb");
        Files.copy(Fixtures.dir("cdb").resolve("one.cdb"), cdb);
        assertEquals(new Oracle.Result(0, Files.readAllBytes(Fixtures.dir("cdb").resolve("one.dump")), NONE),
                Oracle.run(Oracle.command(moved.resolve("bin/cdbdump")), dir, null, cdb));
    }

    @Test
    void usage() throws Exception {
        assertEquals(new Oracle.Result(100, NONE, ascii("usage: " + INSTALL + " PREFIX\n")),
                Oracle.run(Oracle.command(INSTALL), dir, null, null));
    }
}
