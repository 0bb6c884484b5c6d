package org.cdbkit.make;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The modes a recipe's chmod gives a cdb: octal and symbolic, as chmod(1) applies them. */
class ChmodModeTest {
    private static int apply(String mode, int to) {
        return ChmodMode.parse(mode).applyTo(to);
    }

    @Test
    void anOctalModeIsTheModeWhateverTheFileHad() {
        assertEquals(0444, apply("444", 0644));
        assertEquals(0640, apply("0640", 0777));
        assertEquals(0, apply("000", 0644));
        assertEquals("0640", ChmodMode.parse("0640").toString());
    }

    @Test
    void symbolicClausesChangeTheModeTheFileHas() {
        assertEquals(0444, apply("a-w", 0644));
        assertEquals(0444, apply("-w", 0664), "no who: for all");
        assertEquals(0644, apply("go=r", 0600));
        assertEquals(0644, apply("go=r", 0677));
        assertEquals(0644, apply("u=rw,go=r", 0));
        assertEquals(0755, apply("+x", 0644));
        assertEquals(0640, apply("o-rwx", 0647));
        assertEquals(0600, apply("go=", 0644));
        assertEquals(0, apply("=", 0755));
        assertEquals(0664, apply("g+w-x", 0654));
        assertEquals("u=rw,go=r", ChmodMode.parse("u=rw,go=r").toString());
    }

    @Test
    void capitalXGivesExecuteOnlyWhereSomeoneHasItAlready() {
        assertEquals(0644, apply("a+X", 0644));
        assertEquals(0755, apply("a+X", 0744));
        assertEquals(0754, apply("g+X", 0744));
    }

    @Test
    void onlyPermissionBitsAreTouched() {
        assertEquals(01444, apply("a-w", 01644));
    }

    @Test
    void modesChmodWouldNotTakeOrThatTouchMoreThanPermissionsAreRefused() {
        for (String bad : new String[] {"888", "64", "06440", "rw", "u+s", "g+t", "a", "u=rw,", ",a-w", "755x", ""}) {
            assertNull(ChmodMode.parse(bad), bad);
        }
    }
}
