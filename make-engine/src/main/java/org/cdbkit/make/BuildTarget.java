package org.cdbkit.make;

import java.nio.file.Path;
import java.util.List;

/**
 * A cdb to keep fresh and how: the source it is built from, how that source is read, and the
 * mode the Makefile's {@code chmod} gives it. Names are also kept as messages show them:
 * relative to the folder worked in, as the user named them.
 */
public final class BuildTarget {
    private final Path target;
    private final Path source;
    private final Recipe recipe;
    private final String name;
    private final String sourceName;
    private final List<String> sourceNames;

    /** {@code sourceNames}: the source's name first, then the others the conventions would have taken. */
    BuildTarget(Path target, Path source, Recipe recipe, String name, List<String> sourceNames) {
        this.target = target;
        this.source = source;
        this.recipe = recipe;
        this.name = name;
        this.sourceName = sourceNames.get(0);
        this.sourceNames = sourceNames;
    }

    /** The target as messages name it, e.g. {@code ssh.cdb} or {@code ../m/ssh.cdb}. */
    public String name() {
        return name;
    }

    public Path target() {
        return target;
    }

    public Path source() {
        return source;
    }

    public SourceKind kind() {
        return recipe.kind();
    }

    /** What the Makefile's chmod makes of the built cdb's mode, or null: it keeps the mode it is created with. */
    ChmodMode mode() {
        return recipe.mode();
    }

    /** The source as messages name it. */
    public String sourceName() {
        return sourceName;
    }

    /** A file next to the target, as messages show it: {@code ../m/.x} for {@code ../m/ssh.cdb}. */
    String shownSibling(String fileName) {
        return name.substring(0, name.lastIndexOf('/') + 1) + fileName;
    }

    /** Every source the conventions would have taken, for saying that none exists. */
    List<String> sourceNames() {
        return sourceNames;
    }

    @Override
    public String toString() {
        return name + " <- " + sourceName;
    }
}
