package org.cdbkit.make;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which cdbs a folder calls for, and from what (cdbmake-all(1)): the targets named; else what
 * {@code all:} asks for; else what the Makefile's rules make of the sources present; else one
 * for every source by the conventions.
 */
class TargetFinderTest {
    @TempDir
    Path dir;

    private void files(String... names) throws IOException {
        for (String name : names) {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "1.2.3.4:deny\n");
        }
    }

    private void makefile(String folder, String... lines) throws IOException {
        Path p = dir.resolve(folder).resolve("Makefile");
        Files.createDirectories(p.getParent());
        Files.writeString(p, String.join("\n", lines) + "\n");
    }

    private TargetFinder.Plan find(String... named) throws IOException {
        Collection<Path> paths = java.util.Arrays.stream(named).map(Path::of).toList();
        return TargetFinder.find(dir, paths, FileNameCodec.PLATFORM);
    }

    /** Each target as {@code NAME <- SOURCE KIND}. */
    private static List<String> shown(TargetFinder.Plan plan) {
        return plan.targets().stream().map(t -> t.name() + " <- " + t.sourceName() + " " + t.kind()).toList();
    }

    @Test
    void withoutAMakefileEverySourceGetsACdbByTheConventions() throws IOException {
        files("ssh", "smtp.rules", "db.cdbmake", "ssh.cdb", "README", "notes.txt", "ssh~", ".hidden");
        TargetFinder.Plan plan = find();
        assertEquals(List.of("db.cdb <- db.cdbmake CDBMAKE", "smtp.cdb <- smtp.rules RULES", "ssh.cdb <- ssh RULES"),
                shown(plan));
        assertEquals(dir.resolve("ssh.cdb"), plan.targets().get(2).target());
        assertEquals(dir.resolve("ssh"), plan.targets().get(2).source());
        assertEquals(List.of(), plan.notes());
    }

    @Test
    void namedTargetsComeFirstWithOrWithoutCdbOnceEach() throws IOException {
        files("ssh", "smtp", "pop3");
        makefile(".", "all: pop3.cdb");
        assertEquals(List.of("ssh.cdb <- ssh RULES", "smtp.cdb <- smtp RULES"), shown(find("ssh", "smtp.cdb", "ssh.cdb")));
    }

    @Test
    void allSaysWhichAndNotesWhatItLeftOut() throws IOException {
        files("ssh", "smtp", "pop3");
        makefile(".", "all: ssh.cdb smtp.cdb install", "%.cdb: %", "\ttcprules $@ $@.tmp < $<");
        TargetFinder.Plan plan = find();
        assertEquals(List.of("ssh.cdb <- ssh RULES", "smtp.cdb <- smtp RULES"), shown(plan));
        assertEquals(List.of("Makefile:1: all: left out install (neither a cdb nor a target of the Makefile)"),
                plan.notes());
    }

    @Test
    void anAllThatRunsAScriptBuildsWhatTheRulesMakeOfTheSourcesPresent() throws IOException {
        files("ssh.rules", "smtp.rules", "plain", "build.sh");
        makefile(".", "all:", "\t./build.sh", ".rules.cdb:", "\ttcprules $@ $@.tmp < $<", "\tchmod 444 $@");
        TargetFinder.Plan plan = find();
        assertEquals(List.of("smtp.cdb <- smtp.rules RULES", "ssh.cdb <- ssh.rules RULES"), shown(plan),
                "plain matches no rule of the Makefile");
        assertEquals("444", plan.targets().get(0).mode().toString());
        assertEquals(List.of("Makefile:1: all: names no cdb: building what the rules make of the sources present"),
                plan.notes());
    }

    @Test
    void theMostSpecificRuleTakesASource() throws IOException {
        files("ssh", "smtp.cdbmake");
        makefile(".", "%.cdb: %", "\ttcprules $@ $@.tmp < $<", "%.cdb: %.cdbmake", "\tcdbmake $@ $@.tmp < $<");
        assertEquals(List.of("smtp.cdb <- smtp.cdbmake CDBMAKE", "ssh.cdb <- ssh RULES"), shown(find()));
    }

    @Test
    void aTargetInAnotherFolderIsBuiltAsThatFoldersMakefileSays() throws IOException {
        files("sub/ssh.cdbmake");
        makefile("sub", "%.cdb: %.cdbmake", "\tcdbmake $@ $@.tmp < $<", "\tchmod go-r $@");
        TargetFinder.Plan plan = find("sub/ssh.cdb");
        assertEquals(List.of("sub/ssh.cdb <- sub/ssh.cdbmake CDBMAKE"), shown(plan));
        assertEquals("go-r", plan.targets().get(0).mode().toString());
    }

    @Test
    void withNoSourceTheFirstConventionIsNamedAndEveryCandidateListed() throws IOException {
        BuildTarget t = find("ssh").targets().get(0);
        assertEquals("ssh", t.sourceName());
        assertEquals("ssh.cdb: no source: none of ssh, ssh.rules, ssh.cdbmake exists",
                SourceError.noSource(t).getMessage());
        files("smtp.rules");
        t = find("smtp").targets().get(0);
        assertEquals("smtp.rules", t.sourceName(), "the first source that exists");
    }

    @Test
    void aMakefileTheFinderCannotReadIsASourceErrorNamingIt() throws IOException {
        makefile(".", "all: ssh.cdb", "this is not make");
        SourceError e = org.junit.jupiter.api.Assertions.assertThrows(SourceError.class, () -> find());
        assertEquals("Makefile:2: missing separator: neither a rule nor a variable: this is not make", e.getMessage());
    }

    /** X.cdb64 is a database target as X.cdb is: named, asked for by all:, made by the rules. */
    @Test
    void cdb64TargetsAreFoundAsCdbTargetsAre() throws IOException {
        files("db.cdbmake", "ssh", "old.cdb64");
        // named: from X.cdbmake by the conventions; a cdb64 present is no source
        assertEquals(List.of("db.cdb64 <- db.cdbmake CDBMAKE", "ssh.cdb <- ssh RULES"), shown(find("db.cdb64", "ssh")));
        assertEquals(List.of("db.cdb <- db.cdbmake CDBMAKE", "ssh.cdb <- ssh RULES"), shown(find()),
                "sources imply their cdb, not a cdb64");

        makefile(".", "all: db.cdb64 ssh.cdb64", "%.cdb64: %.rules", "\ttcprules $@ $@.tmp < $<",
                "%.cdb64: %.cdbmake", "\t/usr/local/bin/cdb64make $@ $@.tmp < $<");
        files("ssh.rules");
        assertEquals(List.of("db.cdb64 <- db.cdbmake CDBMAKE", "ssh.cdb64 <- ssh.rules RULES"), shown(find()));
    }

    @Test
    void aSuffixRuleMakesCdb64sOfTheSourcesPresent() throws IOException {
        files("ssh.rules", "smtp.rules", "build.sh");
        makefile(".", "all:", "\t./build.sh", ".rules.cdb64:", "\ttcprules $@ $@.tmp < $<");
        assertEquals(List.of("smtp.cdb64 <- smtp.rules RULES", "ssh.cdb64 <- ssh.rules RULES"), shown(find()));
    }
}
