package org.cdbkit.make;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which cdb files to keep fresh, and from what, as make would see it. The targets are those
 * named; else the cdbs the {@code all:} target of the folder's Makefile asks for; else those
 * the Makefile's cdb rules make from the sources present (the djb way: {@code all:} runs a
 * script); else, with no such rules, one per source file by the built-in conventions
 * ({@link CdbRule#BUILT_IN}, {@link SourceNames}).
 *
 * <p>A target is built from the source next to it, as the rules of the Makefile of its own
 * folder say, or the built-in conventions when none of them applies.
 */
public final class TargetFinder {
    /** The targets, and notes for {@code -v}: what the Makefile said that was left out. */
    public record Plan(List<BuildTarget> targets, List<String> notes) {
    }

    /** A folder's Makefile (null if none) and the cdb rules in it. */
    private record Conventions(Path folder, Makefile makefile, Path makefilePath, List<CdbRule> rules) {
    }

    private final Path folder;
    private final FileNameCodec names;
    private final Map<Path, Conventions> conventions = new HashMap<>();

    private TargetFinder(Path folder, FileNameCodec names) {
        this.folder = folder;
        this.names = names;
    }

    /**
     * The targets of {@code folder}: {@code named} (relative to it; {@code X} is {@code X.cdb},
     * {@code X.cdb64} a cdb64), else as above.
     */
    public static Plan find(Path folder, Collection<Path> named, FileNameCodec names) throws IOException {
        return new TargetFinder(folder, names).plan(named);
    }

    private Plan plan(Collection<Path> named) throws IOException {
        List<String> notes = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        if (!named.isEmpty()) {
            for (Path n : named) {
                boolean database = DatabaseNames.isDatabase(names.text(n.getFileName()));
                paths.add(folder.resolve(database ? n : names.sibling(n, "", ".cdb")));
            }
        } else {
            Conventions here = conventionsOf(folder);
            Makefile.AllTargets all = here.makefile == null ? null : here.makefile.allTargets();
            if (all != null) {
                String where = shown(here.makefilePath) + ":" + all.line().number() + ": ";
                if (!all.leftOut().isEmpty()) {
                    notes.add(where + "all: left out " + String.join(" ", all.leftOut())
                            + " (neither a cdb nor a target of the Makefile)");
                }
                for (String t : all.targets()) {
                    paths.add(folder.resolve(names.path(t)));
                }
                if (paths.isEmpty()) {
                    notes.add(where + "all: names no cdb: building what the rules make of the sources present");
                }
            }
            if (paths.isEmpty()) {
                paths.addAll(implied(here));
            }
        }
        Map<Path, BuildTarget> targets = new LinkedHashMap<>();
        for (Path p : paths) {
            if (!targets.containsKey(p.normalize())) {
                targets.put(p.normalize(), resolve(p));
            }
        }
        return new Plan(new ArrayList<>(targets.values()), notes);
    }

    private Conventions conventionsOf(Path dir) throws IOException {
        Path key = dir.toAbsolutePath().normalize();
        Conventions c = conventions.get(key);
        if (c == null) {
            c = readConventions(dir);
            conventions.put(key, c);
        }
        return c;
    }

    private Conventions readConventions(Path dir) throws IOException {
        for (String name : SourceNames.makefiles()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                Makefile m;
                try {
                    m = Makefile.read(p, shown(p));
                } catch (SourceError e) {
                    throw e;
                } catch (IOException e) {
                    throw new BuildFailure("unable to read " + shown(p), e);
                }
                return new Conventions(dir, m, p, m.cdbRules());
            }
        }
        return new Conventions(dir, null, null, List.of());
    }

    /** The targets the rules make of the files present: each file is the source of its most specific rule. */
    private List<Path> implied(Conventions c) throws IOException {
        List<CdbRule> rules = c.rules.isEmpty() ? CdbRule.BUILT_IN : c.rules;
        List<Path> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(c.folder)) {
            files = list.filter(Files::isRegularFile).sorted(Comparator.comparing(names::text)).toList();
        } catch (IOException e) {
            throw new BuildFailure("unable to list " + shown(c.folder), e);
        } catch (UncheckedIOException e) {
            throw new BuildFailure("unable to list " + shown(c.folder), e.getCause());
        }
        for (Path file : files) {
            String name = names.text(file.getFileName());
            if (!SourceNames.isSource(name)) {
                continue;
            }
            CdbRule best = null;
            for (CdbRule r : rules) {
                boolean moreSpecific = best == null || r.source().fixedLength() > best.source().fixedLength();
                if (r.targetFor(name) != null && moreSpecific) {
                    best = r;
                }
            }
            if (best != null) {
                found.add(file.resolveSibling(names.path(best.targetFor(name))));
            }
        }
        return found;
    }

    /**
     * The target at {@code target} with its source: from the first rule of its folder's
     * Makefile, then of the built-in ones, whose source exists (the first of all when none does).
     */
    private BuildTarget resolve(Path target) throws IOException {
        Path dir = target.getParent() == null ? Path.of("") : target.getParent();
        String name = names.text(target.getFileName());
        List<CdbRule> rules = new ArrayList<>(conventionsOf(dir).rules);
        rules.addAll(CdbRule.BUILT_IN);
        List<String> candidates = new ArrayList<>();
        CdbRule chosen = null;
        Path source = null;
        for (CdbRule r : rules) {
            String sourceName = r.sourceFor(name);
            if (sourceName == null) {
                continue;
            }
            Path p = target.resolveSibling(names.path(sourceName));
            String text = shown(p);
            if (!candidates.contains(text)) {
                candidates.add(text);
            }
            if (chosen == null || source != null && !Files.exists(source) && Files.exists(p)) {
                chosen = r;
                source = p;
            }
        }
        candidates.remove(shown(source));
        candidates.add(0, shown(source));
        return new BuildTarget(target, source, chosen.recipe(), shown(target), candidates);
    }

    /** {@code p} as messages show it: relative to the folder worked in when it is inside it. */
    private String shown(Path p) {
        return names.text(p.startsWith(folder) && !p.equals(folder) ? folder.relativize(p) : p);
    }
}
