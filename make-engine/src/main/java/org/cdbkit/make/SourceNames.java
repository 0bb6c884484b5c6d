package org.cdbkit.make;

import java.util.List;
import java.util.Locale;

/**
 * Which files of a folder can be the source of a cdb when only a pattern ({@code %.cdb: %})
 * says so: not the cdbs themselves, dot files (the state file, scratch files), the Makefile,
 * editors', patch's and package managers' leftovers, temporary files, or notes and scripts
 * kept beside the rules. Anything else, {@code tcp.smtp} as much as {@code ssh}, is a source.
 */
final class SourceNames {
    private static final List<String> NOT_SOURCE_ENDINGS = List.of(".cdb", ".cdb64", ".tmp", "~", ".orig", ".rej", ".swp",
            ".swo", ".bak", ".old", ".save", ".dpkg-old", ".dpkg-new", ".dpkg-dist", ".rpmnew", ".rpmsave", ".ucf-old",
            ".ucf-new", ".ucf-dist", ".mk", ".txt", ".md", ".html", ".sh");
    private static final List<String> MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");

    private SourceNames() {
    }

    static List<String> makefiles() {
        return MAKEFILES;
    }

    static boolean isSource(String name) {
        if (name.startsWith(".") || name.startsWith("#") || MAKEFILES.contains(name)
                || name.toUpperCase(Locale.ROOT).startsWith("README")) {
            return false;
        }
        for (String ending : NOT_SOURCE_ENDINGS) {
            if (name.endsWith(ending)) {
                return false;
            }
        }
        return true;
    }
}
