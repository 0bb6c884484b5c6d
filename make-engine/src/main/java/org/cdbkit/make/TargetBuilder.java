package org.cdbkit.make;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.io.input.ProxyInputStream;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbSink;
import org.cdbkit.cdb.CdbTooLargeException;
import org.cdbkit.cdb.CdbmakeFormatException;
import org.cdbkit.cdb.CdbmakeTextReader;
import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.rules.RulesFormatException;

/**
 * Compiles a target's source into a cdb, as tcprules or cdbmake would, through a scratch file
 * next to it, and gives it the Makefile's mode. A target named {@code X.cdb64} is written as a
 * cdb64 ({@link DatabaseNames#widthOf}), from either kind of source. Each step's I/O trouble is a
 * {@link BuildFailure} naming the step and the file.
 */
final class TargetBuilder {
    private final BuildTarget t;
    private final Path scratch;
    private final String scratchName;

    /** {@code scratch}, shown as {@code scratchName}, must be on the target's file system. */
    private final RulesDialect dialect;

    TargetBuilder(BuildTarget t, Path scratch, String scratchName, RulesDialect dialect) {
        this.t = t;
        this.dialect = dialect;
        this.scratch = scratch;
        this.scratchName = scratchName;
    }

    /** Builds the target from its source, atomically; the scratch file is removed on failure. */
    void build() throws IOException {
        try (InputStream in = open(); AtomicCdbFile out = create()) {
            write(in, out.sink());
            finish(out);
            commit(out);
        }
    }

    /**
     * Builds the target afresh next to it and compares bytes: when they are the same, the new
     * file is dropped and the target left alone; when they differ, it replaces the target if
     * {@code replace}. Returns whether they differ.
     */
    boolean buildIfDifferent(boolean replace) throws IOException {
        try (InputStream in = open(); AtomicCdbFile out = create()) {
            write(in, out.sink());
            finish(out);
            String built = Digests.of(scratch);
            String old;
            try {
                old = Digests.of(t.target());
            } catch (IOException e) {
                throw new BuildFailure("unable to read " + t.name(), e);
            }
            if (built.equals(old)) {
                return false;
            }
            if (replace) {
                commit(out);
            }
            return true;
        }
    }

    private InputStream open() throws IOException {
        try {
            return new ReadFailures(new BufferedInputStream(Files.newInputStream(t.source()), 1 << 16));
        } catch (NoSuchFileException e) {
            throw SourceError.noSource(t);
        } catch (IOException e) {
            throw new BuildFailure("unable to read " + t.sourceName(), e);
        }
    }

    private AtomicCdbFile create() throws IOException {
        try {
            return AtomicCdbFile.create(t.target(), scratch, DatabaseNames.widthOf(t.name()));
        } catch (IOException e) {
            throw new BuildFailure("unable to create " + scratchName, e);
        }
    }

    private void write(InputStream in, CdbSink writer) throws IOException {
        try {
            if (t.kind() == SourceKind.RULES) {
                RulesCompiler.write(in, writer, dialect);
            } else {
                new CdbmakeTextReader(in).readAll(writer);
            }
        } catch (RulesFormatException e) {
            throw new SourceError(t.sourceName(), e.lineNumber(), e.reason() + ": " + e.line()
                    + (e.detail() == null ? "" : " (" + e.detail() + ")"), e);
        } catch (CdbmakeFormatException e) {
            throw new SourceError(t.sourceName(), e.line(), e.problem().description() + " (record " + e.entry()
                    + ", byte " + e.offset() + ")", e);
        } catch (CdbTooLargeException e) {
            throw new SourceError(t.sourceName() + ": " + e.getMessage());
        } catch (BuildFailure e) {
            throw e;
        } catch (IOException e) {
            throw new BuildFailure("unable to write " + scratchName, e);
        }
    }

    /** Forces the new cdb to disk and gives it the Makefile's mode. */
    private void finish(AtomicCdbFile out) throws IOException {
        try {
            out.finishAndSync();
        } catch (IOException e) {
            throw new BuildFailure("unable to write " + scratchName, e);
        }
        if (t.mode() != null) {
            try {
                // through the file created, never a link put in its place
                out.setPermissions(permissions(t.mode().applyTo(mode(out.permissions()))));
            } catch (IOException e) {
                throw new BuildFailure("unable to change the mode of " + scratchName, e);
            }
        }
    }

    private void commit(AtomicCdbFile out) throws IOException {
        try {
            out.commit();
        } catch (IOException e) {
            throw new BuildFailure("unable to move " + scratchName + " to " + t.name(), e);
        }
    }

    /** The permissions of an octal mode such as 0444. */
    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ first: 0400 down to 0001
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (0400 >> i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    /** The mode bits of {@code permissions}, as {@code ls -l} would read them. */
    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 0400 >> p.ordinal();
        }
        return mode;
    }

    /** The source as the compilers read it, with its read errors named as such (writes fail otherwise). */
    private final class ReadFailures extends ProxyInputStream {
        ReadFailures(InputStream in) {
            super(in);
        }

        @Override
        protected void handleIOException(IOException e) throws BuildFailure {
            throw new BuildFailure("unable to read " + t.sourceName(), e);
        }
    }
}
