package org.cdbkit.cli.all;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.cdbkit.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How cdbmake-all reads the Makefiles of real /etc/tcp folders: all:, variables, rules, chmod. */
class MakefileShapesTest {
    private static final Path EXAMPLE = Fixtures.dir("etc-tcp");

    @TempDir
    Path root;
    private Path dir;

    @BeforeEach
    void sources() throws IOException {
        dir = Files.createDirectory(root.resolve("tcp"));
        for (String name : new String[] {"ssh", "smtp", "pop3"}) {
            Files.copy(EXAMPLE.resolve(name), dir.resolve(name));
        }
    }

    private Runs.Run make(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", dir.toString()));
        all.addAll(List.of(args));
        return Runs.run(all.toArray(new String[0]));
    }

    private void makefile(String... lines) throws IOException {
        Files.writeString(dir.resolve("Makefile"), String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
    }

    private void assertCompiledFrom(String source, String cdb) throws IOException {
        assertArrayEquals(Runs.compiledByTcprules(dir.resolve(source), root), Files.readAllBytes(dir.resolve(cdb)),
                cdb + " is what tcprules makes of " + source);
    }

    private String mode(String name) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name)));
    }

    @Test
    void allKeepsTheCdbsFollowsOtherTargetsAndVerboseNamesTheWordsLeftOut() throws IOException {
        makefile("all: install ssh.cdb a ; @echo done",
                "install: smtp.cdb",
                "\tcp smtp.cdb /etc/tcp.smtp.cdb",
                "%.cdb: %",
                "\ttcprules $@ $@.tmp < $<");
        Runs.Run r = make("-v");
        assertEquals(0, r.code, r.toString());
        assertEquals("cdbmake-all: Makefile:1: all: left out a (neither a cdb nor a target of the Makefile)\n"
                + "cdbmake-all: smtp.cdb: rebuilt from smtp (it does not exist)\n"
                + "cdbmake-all: ssh.cdb: rebuilt from ssh (it does not exist)\n", r.out);
        assertCompiledFrom("ssh", "ssh.cdb");
        assertCompiledFrom("smtp", "smtp.cdb");
        assertFalse(Files.exists(dir.resolve("pop3.cdb")), "not asked for");
        assertFalse(make().out.contains("left out"), "said with -v only");
    }

    @Test
    void variablesAndContinuationLinesAreExpanded() throws IOException {
        makefile("# the targets, one per service",
                "CDBS = ssh.cdb \\",
                "       smtp.cdb",
                "BASE = pop",
                "LATER := $(BASE)3",
                "CDBS += ${LATER:=.cdb}",
                "all: \\",
                "    $(CDBS)",
                "%.cdb: %",
                "\ttcprules $@ $@.tmp < $<");
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        for (String name : new String[] {"ssh", "smtp", "pop3"}) {
            assertCompiledFrom(name, name + ".cdb");
        }
    }

    @Test
    void aTargetInAnotherFolderIsBuiltFromTheSourceNextToIt() throws IOException {
        Path other = Files.createDirectory(root.resolve("other"));
        Files.writeString(other.resolve("users"), "10.9.:allow\n:deny\n");
        makefile("all: ssh.cdb ../other/users.cdb", "%.cdb: %", "\ttcprules $@ $@.tmp < $<");
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("cdbmake-all: ../other/users.cdb: rebuilt from ../other/users (it does not exist)\n"),
                r.out);
        assertArrayEquals(Runs.compiledByTcprules(other.resolve("users"), root),
                Files.readAllBytes(other.resolve("users.cdb")));
        assertTrue(Files.exists(other.resolve(".cdbmake-all.state")), "its record is kept next to it");
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", make().out);
    }

    @Test
    void aSuffixRuleAndAnAllThatRunsAScriptBuildWhatTheRulesMakeOfTheSourcesPresent() throws IOException {
        Files.move(dir.resolve("ssh"), dir.resolve("ssh.rules"));
        Files.move(dir.resolve("smtp"), dir.resolve("smtp.rules"));
        makefile(".SUFFIXES: .rules .cdb",
                ".rules.cdb:",
                "\ttcprules $@ $*.tmp < $<",
                "\tchmod 444 $@",
                "all:",
                "\t./rebuild-all");
        Runs.Run r = make("-v");
        assertEquals(0, r.code, r.toString());
        assertTrue(r.out.contains("Makefile:5: all: names no cdb"), r.out);
        assertCompiledFrom("ssh.rules", "ssh.cdb");
        assertCompiledFrom("smtp.rules", "smtp.cdb");
        assertEquals("r--r--r--", mode("ssh.cdb"), "chmod 444 $@");
        assertFalse(Files.exists(dir.resolve("pop3.cdb")), "pop3 is no .rules file");
        assertFalse(Files.exists(dir.resolve("ssh.rules.cdb")));

        Runs.Run named = make("ssh.cdb", "-B");
        assertEquals("cdbmake-all: ssh.cdb: rebuilt from ssh.rules (every target rebuilt (-B))\n", named.out);
    }

    @Test
    void aPatternRuleExplicitRulesAndCdbmakeRecipes() throws IOException {
        Files.move(dir.resolve("ssh"), dir.resolve("ssh.rules"));
        Files.writeString(dir.resolve("users.txt"), "+5,4:alice->1000\n\n");
        makefile("all: ssh.cdb users.cdb pop3.cdb",
                "%.cdb: %.rules",
                "\t/usr/local/bin/tcprules $@ $@.tmp < $<",
                "\t@chmod 0640 $@",
                "users.cdb: users.txt",
                "\tcdbmake $@ $@.tmp < $<",
                "pop3.cdb: pop3",
                "\ttcprules $@ $@.tmp < $< && chmod 400 $@");
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        assertCompiledFrom("ssh.rules", "ssh.cdb");
        assertEquals("rw-r-----", mode("ssh.cdb"));
        assertCompiledFrom("pop3", "pop3.cdb");
        assertEquals("r--------", mode("pop3.cdb"));
        try (var reader = org.cdbkit.cdb.CdbReader.open(dir.resolve("users.cdb"))) {
            assertArrayEquals("1000".getBytes(StandardCharsets.US_ASCII),
                    reader.getBytes("alice".getBytes(StandardCharsets.US_ASCII)), "read as cdbmake's format");
        }
    }

    @Test
    void aCdbWithAnotherModeThanTheChmodGivesIsRebuilt() throws IOException {
        makefile("all: ssh.cdb", "ssh.cdb: ssh", "\ttcprules $@ $@.tmp < $<", "\tchmod 444 $@");
        make();
        Files.setPosixFilePermissions(dir.resolve("ssh.cdb"), PosixFilePermissions.fromString("rw-rw-rw-"));
        Runs.Run r = make();
        assertEquals("cdbmake-all: ssh.cdb: rebuilt from ssh (its mode is 0666, chmod 444 makes it 0444)\n", r.out);
        assertEquals("r--r--r--", mode("ssh.cdb"));
    }

    @Test
    void symbolicChmodModesChangeTheModeTheCdbIsCreatedWith() throws IOException {
        makefile("all: ssh.cdb smtp.cdb", "%.cdb: %", "\ttcprules $@ $@.tmp < $<", "\tchmod -f a-w,u+x,o= $@");
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        String created = Runs.createdMode(root);
        String expected = "r-x" + created.substring(3, 6).replace("w", "-") + "---";
        assertEquals(expected, mode("ssh.cdb"));
        assertEquals(expected, mode("smtp.cdb"));
        assertEquals("cdbmake-all: everything is up to date (2 targets)\n", make().out, "a-w of r--: no change");

        Files.setPosixFilePermissions(dir.resolve("ssh.cdb"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals("cdbmake-all: ssh.cdb: rebuilt from ssh (its mode is 0777, chmod a-w,u+x,o= makes it 0550)\n",
                make().out);
    }

    @Test
    void withoutAChmodTheCdbGetsTheModeTcprulesGives() throws IOException {
        makefile("all: ssh.cdb", "%.cdb: %", "\ttcprules $@ $@.tmp < $<");
        make();
        assertEquals(Runs.createdMode(root), mode("ssh.cdb"));
    }

    @Test
    void whatMakeWouldRefuseOrOnlyMakeCouldExpandIsAnErrorWithFileAndLine() throws IOException {
        makefile("all: ssh.cdb", "", "this line means nothing", "%.cdb: %", "\ttcprules $@ $@.tmp < $<");
        Runs.Run r = make();
        assertEquals(100, r.code, r.toString());
        assertEquals("cdbmake-all: Makefile:3: missing separator: neither a rule nor a variable: "
                + "this line means nothing\n", r.err);
        assertFalse(Files.exists(dir.resolve("ssh.cdb")));

        makefile("CDBS = $(wildcard *.cdb)", "all: $(CDBS)");
        r = make();
        assertEquals(100, r.code, r.toString());
        assertEquals("cdbmake-all: Makefile:2: unable to expand the prerequisites of all: "
                + "$(wildcard *.cdb) calls a make function, and cdbmake-all runs none\n", r.err);

        makefile("all: $(TARGETS)");
        r = make();
        assertEquals(100, r.code, r.toString());
        assertEquals("cdbmake-all: Makefile:1: unable to expand the prerequisites of all: "
                + "$(TARGETS) is not defined in this Makefile\n", r.err);

        makefile("all: ssh.cdb", "%.cdb: %", "\ttcprules $@ $@.tmp < $<", "\tchmod u+s $@");
        r = make();
        assertEquals(100, r.code, r.toString());
        assertEquals("cdbmake-all: Makefile:4: unable to read the mode in chmod u+s: only octal modes and symbolic "
                + "ones of r, w, x and X are understood\n", r.err);
    }

    @Test
    void otherRulesAndDirectivesArePassedOver() throws IOException {
        makefile("include local.mk",
                "ifeq ($(FLAVOUR),strict)",
                "endif",
                "define HELP",
                "this is: not a rule",
                "endef",
                "export PATH := /usr/local/bin:$(PATH)",
                "install: $(shell ls *.cdb)",
                "\tcp *.cdb /backup",
                "clean: ; rm -f *.cdb",
                "$(info reading the Makefile)",
                ".if defined(BSD)",
                ".include <bsd.own.mk>",
                ".endif",
                "all: ssh.cdb",
                "%.cdb: %",
                "\ttcprules $@ $@.tmp < $<");
        Runs.Run r = make();
        assertEquals(0, r.code, r.toString());
        assertCompiledFrom("ssh", "ssh.cdb");
    }
}
