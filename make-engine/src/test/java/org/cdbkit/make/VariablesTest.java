package org.cdbkit.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A Makefile's variables, expanded as make expands them, or refused where only make could. */
class VariablesTest {
    private final Variables variables = new Variables();

    private String expand(String text) throws Variables.Unexpandable {
        return variables.expand(text);
    }

    private String refused(String text) {
        return assertThrows(Variables.Unexpandable.class, () -> variables.expand(text)).getMessage();
    }

    @Test
    void everyFormOfReference() throws Exception {
        variables.assign("V", "=", "ssh");
        variables.assign("LONG", "=", "smtp");
        assertEquals("ssh.cdb smtp.cdb smtp.cdb", expand("$V.cdb $(LONG).cdb ${LONG}.cdb"));
        assertEquals("$V costs $$", expand("$$V costs $$$$"));
        assertEquals("ends in ", expand("ends in $"));
    }

    @Test
    void recursiveVariablesAreExpandedWhereUsedSimpleOnesWhereDefined() throws Exception {
        variables.assign("LATE", "=", "$(X)");
        variables.assign("NOW", ":=", "$(LATE)");
        assertEquals("$(X) is not defined in this Makefile", refused("$(NOW)"));
        variables.assign("X", "=", "first");
        variables.assign("NOW2", "::=", "$(LATE)");
        variables.assign("X", "=", "second");
        assertEquals("second first", expand("$(LATE) $(NOW2)"));
    }

    @Test
    void appendingKeepsTheFlavourAndDefaultingKeepsTheFirstValue() throws Exception {
        variables.assign("X", "=", "a");
        variables.assign("R", "=", "$(X)");
        variables.assign("R", "+=", "b");
        variables.assign("S", ":=", "$(X)");
        variables.assign("S", "+=", "$(X)");
        variables.assign("X", "=", "c");
        assertEquals("c b", expand("$(R)"));
        assertEquals("a a", expand("$(S)"));
        variables.assign("NEW", "+=", "only");
        variables.assign("NEW", "?=", "not this");
        assertEquals("only", expand("$(NEW)"));
    }

    @Test
    void substitutionReferencesWorkWordByWord() throws Exception {
        variables.assign("SRC", "=", "a.rules  b.rules c.txt");
        assertEquals("a.cdb b.cdb c.txt", expand("$(SRC:.rules=.cdb)"));
        assertEquals("db-a.cdb db-b.cdb c.txt", expand("$(SRC:%.rules=db-%.cdb)"));
        assertEquals("unable to read the substitution reference :.rules", refused("$(SRC:.rules)"));
    }

    @Test
    void whatOnlyMakeKnowsIsRefusedNeverGuessed() {
        variables.assign("SELF", "=", "$(SELF)");
        variables.assign("OUT", "!=", "ls");
        assertEquals("$(wildcard *.rules) calls a make function, and cdbmake-all runs none",
                refused("$(wildcard *.rules)"));
        assertEquals("$(shell ls) calls a make function, and cdbmake-all runs none", refused("$(shell ls)"));
        assertEquals("$@ has a value only in a recipe", refused("$@"));
        assertEquals("$< has a value only in a recipe", refused("$(<)"));
        assertEquals("$(NONE) is not defined in this Makefile", refused("$(NONE)"));
        assertEquals("a variable refers to itself", refused("$(SELF)"));
        assertEquals("$(OUT) is the output of a shell command, and cdbmake-all runs none", refused("$(OUT)"));
        assertEquals("unterminated variable reference: $(OPEN", refused("x $(OPEN"));
    }
}
