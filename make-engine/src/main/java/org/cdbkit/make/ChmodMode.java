package org.cdbkit.make;

/**
 * The mode a recipe's {@code chmod} gives a file: octal ({@code 444}, {@code 0640}) or
 * symbolic ({@code a-w}, {@code go=r}, {@code u=rw,go=r}), as a change to the mode the file
 * has. Only the permission bits (0777) are touched; with no {@code ugoa}, a clause is for all
 * (chmod would also leave out what the umask masks: a Makefile that relies on it is rare).
 */
final class ChmodMode {
    private final String text;
    private final int octal;

    private ChmodMode(String text, int octal) {
        this.text = text;
        this.octal = octal;
    }

    /** The mode in {@code text}, or null when it is not one chmod would take. */
    static ChmodMode parse(String text) {
        if (text.matches("0?[0-7]{3}")) {
            return new ChmodMode(text, Integer.parseInt(text, 8));
        }
        return text.matches("([ugoa]*([-+=][rwxX]*)+)(,[ugoa]*([-+=][rwxX]*)+)*") ? new ChmodMode(text, -1) : null;
    }

    /** The mode a file of mode {@code mode} has after this chmod. */
    int applyTo(int mode) {
        if (octal >= 0) {
            return octal;
        }
        for (String clause : text.split(",")) {
            mode = applyClause(clause, mode);
        }
        return mode;
    }

    private static int applyClause(String clause, int mode) {
        int i = 0;
        int who = 0;
        for (; i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0; i++) {
            who |= switch (clause.charAt(i)) {
                case 'u' -> 0700;
                case 'g' -> 0070;
                case 'o' -> 0007;
                default -> 0777;
            };
        }
        who = who == 0 ? 0777 : who;
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            int bits = 0;
            for (; i < clause.length() && "rwxX".indexOf(clause.charAt(i)) >= 0; i++) {
                bits |= switch (clause.charAt(i)) {
                    case 'r' -> 0444;
                    case 'w' -> 0222;
                    case 'x' -> 0111;
                    default -> (mode & 0111) != 0 ? 0111 : 0; // X: execute where anyone may execute already
                };
            }
            bits &= who;
            mode = switch (op) {
                case '+' -> mode | bits;
                case '-' -> mode & ~bits;
                default -> (mode & ~who) | bits;
            };
        }
        return mode;
    }

    @Override
    public String toString() {
        return text;
    }
}
