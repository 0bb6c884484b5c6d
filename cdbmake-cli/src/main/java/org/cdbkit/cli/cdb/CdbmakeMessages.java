package org.cdbkit.cli.cdb;

import org.cdbkit.cdb.CdbmakeFormatException.Problem;

/** freecdb cdbmake's words for each input problem, typo included, for byte-identical errors. */
final class CdbmakeMessages {
    private CdbmakeMessages() {
    }

    static String of(Problem problem) {
        switch (problem) {
            case END_OF_INPUT:
                return "unexpected end if input";
            case MISSING_PLUS:
                return "entry must start with +";
            case BAD_KEY_LENGTH:
                return "bad keylen format";
            case BAD_DATA_LENGTH:
                return "bad datalen format";
            case MISSING_ARROW:
                return "key must be followed by ->";
            case MISSING_NEWLINE:
                return "newline expected";
            default:
                return problem.description();
        }
    }
}
