package org.cdbkit.make;

import java.util.List;

/**
 * What a Makefile rule's recipe says of the cdb it builds: which tool compiles the source
 * (tcprules: rules; cdbmake or cdb64make: cdbmake's format; the target's name says which width),
 * and the mode a {@code chmod} line gives the
 * result (null when there is none: the cdb keeps the mode tcprules and cdbmake give, 0644
 * less the umask).
 */
record Recipe(SourceKind kind, ChmodMode mode) {

    /** The recipe's lines, each with its line number; null when it runs neither tcprules nor cdbmake. */
    static Recipe of(List<Makefile.Line> lines, String makefileText) throws SourceError {
        SourceKind kind = null;
        ChmodMode mode = null;
        for (Makefile.Line line : lines) {
            String[] words = line.text().strip().split("[\\s;&|()]+");
            for (int i = 0; i < words.length; i++) {
                String command = commandName(words[i]);
                if (kind == null && command.equals("tcprules")) {
                    kind = SourceKind.RULES;
                } else if (kind == null && (command.equals("cdbmake") || command.equals("cdb64make"))) {
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

    private static ChmodMode chmodMode(String[] words, int from, Makefile.Line line, String makefileText)
            throws SourceError {
        for (int i = from; i < words.length; i++) {
            if (words[i].matches("-[fvcR]+")) {
                continue; // chmod's options
            }
            ChmodMode mode = ChmodMode.parse(words[i]);
            if (mode == null) {
                throw new SourceError(makefileText, line.number(), "unable to read the mode in chmod " + words[i]
                        + ": only octal modes and symbolic ones of r, w, x and X are understood");
            }
            return mode;
        }
        throw new SourceError(makefileText, line.number(), "chmod without a mode");
    }
}
