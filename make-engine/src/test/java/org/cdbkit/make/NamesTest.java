package org.cdbkit.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Name patterns, the built-in conventions, and which files can be sources (cdbmake-all(1)). */
class NamesTest {
    @Test
    void aPatternMatchesWithANonEmptyStemAndAppliesIt() {
        NamePattern p = NamePattern.of("%.cdb");
        assertEquals("ssh", p.stem("ssh.cdb"));
        assertEquals("tcp.smtp", p.stem("tcp.smtp.cdb"));
        assertNull(p.stem(".cdb"), "make's stem is never empty");
        assertNull(p.stem("ssh.cdb.tmp"));
        assertEquals("pop3.cdb", p.apply("pop3"));
        assertEquals(4, p.fixedLength());
        assertEquals("%.cdb", p.toString());

        NamePattern prefixed = NamePattern.of("db-%.cdb");
        assertEquals("ssh", prefixed.stem("db-ssh.cdb"));
        assertNull(prefixed.stem("ssh.cdb"));
        assertEquals(7, prefixed.fixedLength());
    }

    @Test
    void aPlainNameMatchesOnlyItselfWithAnEmptyStem() {
        NamePattern p = NamePattern.of("ssh.cdb");
        assertTrue(p.literal());
        assertEquals("", p.stem("ssh.cdb"));
        assertNull(p.stem("smtp.cdb"));
        assertEquals("ssh.cdb", p.apply("anything"));
        assertEquals("ssh.cdb", p.toString());
    }

    @Test
    void theConventionsBuildXCdbFromXThenXRulesThenXCdbmake() {
        // a fourth convention, last, makes X.cdb64 from X.cdbmake alone
        assertEquals(Arrays.asList("ssh", "ssh.rules", "ssh.cdbmake", null),
                CdbRule.BUILT_IN.stream().map(r -> r.sourceFor("ssh.cdb")).toList());
        assertEquals(Arrays.asList(null, null, null, "ssh.cdbmake"),
                CdbRule.BUILT_IN.stream().map(r -> r.sourceFor("ssh.cdb64")).toList());
        assertEquals(List.of(SourceKind.RULES, SourceKind.RULES, SourceKind.CDBMAKE, SourceKind.CDBMAKE),
                CdbRule.BUILT_IN.stream().map(r -> r.recipe().kind()).toList());
        CdbRule fromRules = CdbRule.BUILT_IN.get(1);
        assertEquals("smtp.cdb", fromRules.targetFor("smtp.rules"));
        assertNull(fromRules.targetFor("smtp"));
        assertNull(fromRules.sourceFor("smtp"), "a rule makes only cdbs");
    }

    @Test
    void anExplicitRuleMakesItsTargetFromItsSourceOnly() {
        CdbRule explicit = new CdbRule(NamePattern.of("ssh.cdb"), NamePattern.of("ssh.conf"),
                new Recipe(SourceKind.RULES, null));
        assertEquals("ssh.conf", explicit.sourceFor("ssh.cdb"));
        assertNull(explicit.sourceFor("smtp.cdb"));
        assertEquals("ssh.cdb", explicit.targetFor("ssh.conf"));
        assertNull(explicit.targetFor("smtp.conf"));
        CdbRule oneFromMany = new CdbRule(NamePattern.of("all.cdb"), NamePattern.of("%.conf"),
                new Recipe(SourceKind.RULES, null));
        assertNull(oneFromMany.targetFor("ssh.conf"), "no source implies a plain-named target");
    }

    @Test
    void anyRegularFileIsASourceExceptWhatTheManPageLeavesOut() {
        for (String source : new String[] {"ssh", "smtp", "tcp.smtp", "pop3.rules", "db.cdbmake", "caf\u00e9",
                "readers", "Ssh.conf"}) {
            assertTrue(SourceNames.isSource(source), source);
        }
        for (String not : new String[] {"ssh.cdb", ".cdbmake-all.state", ".ssh.cdb.cdbmake-all.0a1b.tmp", ".hidden",
                "Makefile", "makefile", "GNUmakefile", "ssh~", "#ssh#", "ssh.orig", "ssh.rej", "ssh.swp", "ssh.bak",
                "ssh.old", "ssh.tmp", "ssh.dpkg-old", "ssh.dpkg-new", "ssh.dpkg-dist", "ssh.rpmnew", "ssh.rpmsave",
                "ssh.ucf-dist", "README", "readme", "README.rules", "notes.txt", "NEWS.md", "rules.mk",
                "index.html", "rebuild.sh"}) {
            assertFalse(SourceNames.isSource(not), not);
        }
    }

    @Test
    void makefilesAreLookedForInGnuMakesOrder() {
        assertEquals(List.of("GNUmakefile", "makefile", "Makefile"), SourceNames.makefiles());
    }
}
