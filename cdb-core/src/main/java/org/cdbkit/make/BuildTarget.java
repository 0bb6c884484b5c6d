package org.cdbkit.make;

import java.nio.file.Path;

/** A cdb to keep fresh ({@code X.cdb}) and the source it is built from. */
public final class BuildTarget {
    private final String name;
    private final Path target;
    private final Path source;
    private final SourceKind kind;

    BuildTarget(String name, Path target, Path source, SourceKind kind) {
        this.name = name;
        this.target = target;
        this.source = source;
        this.kind = kind;
    }

    /** The target as named in the folder, e.g. {@code ssh.cdb}. */
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
        return kind;
    }

    /** The source's name relative to the folder, as messages show it. */
    public String sourceName() {
        return source.getFileName().toString();
    }

    @Override
    public String toString() {
        return name + " <- " + sourceName();
    }
}
