package org.cdbkit.make;

import java.util.List;

/**
 * What a Makefile rule's recipe says of the cdb it builds: which tool compiles the source
 * (tcprules: rules; cdbmake: cdbmake's format), and the mode a {@code chmod} line gives the
 * result ({@link #KEEP} when there is none: the mode tcprules and cdbmake give, 0644 less the umask).
 */
record Recipe(SourceKind kind, int mode) {
    static final int KEEP = -1;

    /** The recipe's lines, each with its line number; null when it runs neither tcprules nor cdbmake. */
    static Recipe of(List<Makefile.Line> lines, String makefileText) throws SourceError {
        SourceKind kind = null;
        int mode = KEEP;
        for (Makefile.Line line : lines) {
            String[] words = line.text().strip().split("[\\s;&|()]+");
            for (int i = 0; i < words.length; i++) {
                String command = commandName(words[i]);
                if (kind == null && command.equals("tcprules")) {
                    kind = SourceKind.RULES;
                } else if (kind == null && command.equals("cdbmake")) {
                    kind = SourceKind.CDBMAKE;
                } else if (command.equals("chmod")) {
                    mode = chmodMode(words, i + 1, line, makefileText);
                }
            }
        }
        return kind == null ? null : new Recipe(kind, mode);
    }

    /** {@code tcprules} of {@code @/usr/local/bin/tcprules}: make's prefixes and the folder dropped. */
    private static String commandName(String word) {
        String w = word.replaceFirst("^[@+-]+", "");
        return w.substring(w.lastIndexOf('/') + 1);
    }

    private static int chmodMode(String[] words, int from, Makefile.Line line, String makefileText) throws SourceError {
        for (int i = from; i < words.length; i++) {
            if (words[i].startsWith("-")) {
                continue; // -f, -v: options
            }
            if (words[i].matches("0?[0-7]{3}")) {
                return Integer.parseInt(words[i], 8);
            }
            throw new SourceError(makefileText, line.number(), "unable to read the mode in chmod " + words[i]
                    + ": only octal modes such as 444 are understood");
        }
        throw new SourceError(makefileText, line.number(), "chmod without a mode");
    }

    /** The mode as chmod writes it, or null for {@link #KEEP}. */
    static String octal(int mode) {
        return mode == KEEP ? null : String.format("%04o", mode);
    }
}
