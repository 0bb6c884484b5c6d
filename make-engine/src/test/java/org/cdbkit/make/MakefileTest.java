package org.cdbkit.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cdbmake-all reads of a Makefile (cdbmake-all(1): the Makefile is read, never run). */
class MakefileTest {
    @TempDir
    Path dir;

    private Makefile read(String... lines) throws IOException {
        Path file = dir.resolve("Makefile");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1);
        return Makefile.read(file, "Makefile");
    }

    /** Each cdb rule as {@code TARGET <- SOURCE KIND MODE}. */
    private static List<String> rules(Makefile m) throws SourceError {
        return m.cdbRules().stream().map(r -> r.target() + " <- " + r.source() + " " + r.recipe().kind() + " "
                + r.recipe().mode()).toList();
    }

    @Test
    void allTakesTheCdbsFollowsOtherTargetsAndLeavesOutTheRest() throws IOException {
        Makefile m = read(
                "all: rules ssh.cdb install README",
                "rules: smtp.cdb",
                "install: rules",
                "\tcp *.cdb /somewhere");
        Makefile.AllTargets all = m.allTargets();
        assertEquals(1, all.line().number());
        assertEquals(List.of("smtp.cdb", "ssh.cdb"), all.targets());
        assertEquals(List.of("README"), all.leftOut());
    }

    @Test
    void withoutAnAllTargetThereIsNone() throws IOException {
        assertNull(read("ssh.cdb: ssh", "\ttcprules ssh.cdb ssh.tmp < ssh").allTargets());
    }

    @Test
    void variablesOfEveryFlavourAndContinuationLinesAreExpanded() throws IOException {
        Makefile m = read(
                "DBS = ssh.cdb \\",
                "      smtp.cdb",
                "MORE := $(DBS)",
                "MORE += pop3.cdb",
                "OPT ?= first.cdb",
                "OPT ?= second.cdb",
                "LATE = $(NAME).cdb",
                "NAME = late",
                "SRC = a.rules b.rules",
                "all: $(MORE) ${OPT} $(LATE) $(SRC:.rules=.cdb) $(SRC:%.rules=x%.cdb) $$(not-a-reference)");
        Makefile.AllTargets all = m.allTargets();
        assertEquals(10, all.line().number(), "a continued line counts as the lines it spans");
        assertEquals(List.of("ssh.cdb", "smtp.cdb", "pop3.cdb", "first.cdb", "late.cdb", "a.cdb", "b.cdb", "xa.cdb",
                "xb.cdb"), all.targets());
        assertEquals(List.of("$(not-a-reference)"), all.leftOut());
    }

    @Test
    void commentsEndALineUnlessTheHashIsEscaped() throws IOException {
        Makefile m = read("# a comment", "all: ssh.cdb # smtp.cdb", "  # an indented comment");
        assertEquals(List.of("ssh.cdb"), m.allTargets().targets());
    }

    @Test
    void explicitPatternStaticAndSuffixRulesWithTheirToolAndMode() throws IOException {
        Makefile m = read(
                "DBS = a.cdb",
                "ssh.cdb: ssh",
                "\t@/usr/local/bin/tcprules ssh.cdb ssh.tmp < ssh",
                "\tchmod 0640 ssh.cdb",
                "%.cdb: %.cdbmake",
                "\tcdbmake $@ $@.tmp < $<",
                ".rules.cdb:",
                "\ttcprules $@ $@.tmp < $< && chmod -f a-w $@",
                "$(DBS): %.cdb: %.txt",
                "\t-tcprules $@ $@.tmp < $<",
                "copy.cdb: other.cdb",
                "\tcp other.cdb copy.cdb");
        assertEquals(List.of(
                "ssh.cdb <- ssh RULES 0640",
                "%.cdb <- %.cdbmake CDBMAKE null",
                "%.cdb <- %.rules RULES a-w",
                "%.cdb <- %.txt RULES null"), rules(m), "a recipe that runs neither tool makes no cdb rule");
    }

    @Test
    void directivesAndOtherStatementsArePassedOver() throws IOException {
        Makefile m = read(
                "include config.mk",
                "-include local.mk",
                "ifeq ($(X),y)",
                "all: ssh.cdb",
                "else",
                "all: smtp.cdb",
                "endif",
                "define RECIPE",
                "this: is not a rule",
                "endef",
                ".include <bsd.prog.mk>",
                ".if defined(X)",
                ".endif",
                "$(info building)",
                "export PATH = /bin",
                "override Y = y",
                "ssh.cdb: Z = target-specific",
                "vpath %.rules src");
        assertEquals(List.of("ssh.cdb", "smtp.cdb"), m.allTargets().targets(), "every branch of a conditional holds");
        assertEquals(List.of(), rules(m));
    }

    @Test
    void whatMakeWouldRefuseIsAnErrorNamingFileAndLine() throws IOException {
        SourceError e = assertThrows(SourceError.class, () -> read("all: ssh.cdb", "ssh.cdb ssh"));
        assertEquals("Makefile:2: missing separator: neither a rule nor a variable: ssh.cdb ssh", e.getMessage());
        e = assertThrows(SourceError.class, () -> read("two words = x"));
        assertEquals("Makefile:1: unable to read this assignment: two words = x", e.getMessage());
    }

    @Test
    void whatOnlyMakeCouldExpandOnAllIsAnErrorNamingFileAndLine() throws IOException {
        assertAllFails("Makefile:2: unable to expand the prerequisites of all: $(wildcard *.rules) calls a make "
                + "function, and cdbmake-all runs none", "X = 1", "all: $(wildcard *.rules)");
        assertAllFails("Makefile:1: unable to expand the prerequisites of all: $(DBS) is not defined in this "
                + "Makefile", "all: $(DBS)");
        assertAllFails("Makefile:2: unable to expand the prerequisites of all: $(DBS) is the output of a shell "
                + "command, and cdbmake-all runs none", "DBS != ls *.cdb", "all: $(DBS)");
        assertAllFails("Makefile:2: unable to expand the prerequisites of all: $(DBS) is not defined in this "
                + "Makefile", "COPY := $(DBS)", "all: $(COPY)");
        assertAllFails("Makefile:2: unable to expand the prerequisites of all: a variable refers to itself",
                "A = $(A) x", "all: $(A)");
    }

    private void assertAllFails(String message, String... lines) throws IOException {
        Makefile m = read(lines);
        SourceError e = assertThrows(SourceError.class, m::allTargets);
        assertEquals(message, e.getMessage());
    }

    @Test
    void aChmodWithoutAModeItUnderstandsIsAnErrorNamingFileAndLine() throws IOException {
        Makefile m = read("ssh.cdb: ssh", "\ttcprules $@ $@.tmp < $<", "\tchmod u+s $@");
        SourceError e = assertThrows(SourceError.class, m::cdbRules);
        assertEquals("Makefile:3: unable to read the mode in chmod u+s: only octal modes and symbolic ones of r, "
                + "w, x and X are understood", e.getMessage());
        m = read("ssh.cdb: ssh", "\ttcprules $@ $@.tmp < $< ; chmod");
        e = assertThrows(SourceError.class, m::cdbRules);
        assertEquals("Makefile:2: chmod without a mode", e.getMessage());
    }
}
