package org.cdbkit.make;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which cdb files a folder keeps fresh, as make would see it: the targets named, else those on
 * the {@code all:} line of the folder's Makefile, else one for every rules source in the folder
 * (a regular file with no extension that is not a Makefile, a dot file, an editor backup or a
 * temporary file). {@code X.cdb} comes from {@code X} (rules), or from {@code X.cdbmake} when
 * that is the source that exists.
 */
public final class TargetFinder {
    private static final List<String> MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");

    private TargetFinder() {
    }

    /** The targets of {@code folder}: {@code named} if any (with or without {@code .cdb}), else as above. */
    public static List<BuildTarget> find(Path folder, Collection<String> named) throws IOException {
        List<String> names = new ArrayList<>();
        if (!named.isEmpty()) {
            for (String n : named) {
                names.add(n.endsWith(".cdb") ? n : n + ".cdb");
            }
        } else {
            Path makefile = makefile(folder);
            names = makefile != null ? allTargets(makefile) : null;
            if (names == null) {
                names = new ArrayList<>();
                for (String source : rulesSources(folder)) {
                    names.add(source + ".cdb");
                }
            }
        }
        List<BuildTarget> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (seen.add(name)) {
                targets.add(resolve(folder, name));
            }
        }
        return targets;
    }

    /** The Makefile make would read in {@code folder}, or null. */
    static Path makefile(Path folder) {
        for (String name : MAKEFILES) {
            Path p = folder.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The prerequisites on the {@code all:} line (continued over backslash-newlines), or null
     * when the Makefile has no such line.
     */
    static List<String> allTargets(Path makefile) throws IOException {
        List<String> lines = Files.readAllLines(makefile, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("all:") && !line.matches("all\\s*:.*")) {
                continue;
            }
            StringBuilder text = new StringBuilder(line.substring(line.indexOf(':') + 1));
            while (text.length() > 0 && text.charAt(text.length() - 1) == '\\' && i + 1 < lines.size()) {
                text.setLength(text.length() - 1);
                text.append(' ').append(lines.get(++i));
            }
            String prerequisites = text.toString();
            int comment = prerequisites.indexOf('#');
            if (comment >= 0) {
                prerequisites = prerequisites.substring(0, comment);
            }
            int recipe = prerequisites.indexOf(';');
            if (recipe >= 0) {
                prerequisites = prerequisites.substring(0, recipe);
            }
            List<String> names = new ArrayList<>();
            for (String word : prerequisites.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    names.add(word);
                }
            }
            return names;
        }
        return null;
    }

    /** Every rules source in {@code folder}, sorted by name. */
    public static List<String> rulesSources(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(TargetFinder::isRulesSourceName).sorted().forEach(names::add);
        }
        return names;
    }

    static boolean isRulesSourceName(String name) {
        return !name.contains(".") && !MAKEFILES.contains(name) && !name.endsWith("~") && !name.startsWith("#")
                && !name.endsWith("#");
    }

    private static BuildTarget resolve(Path folder, String name) {
        String base = name.substring(0, name.length() - ".cdb".length());
        Path rules = folder.resolve(base);
        Path cdbmake = folder.resolve(base + ".cdbmake");
        boolean useCdbmake = !Files.exists(rules) && Files.exists(cdbmake);
        return new BuildTarget(name, folder.resolve(name), useCdbmake ? cdbmake : rules,
                useCdbmake ? SourceKind.CDBMAKE : SourceKind.RULES);
    }
}
