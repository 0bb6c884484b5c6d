package org.cdbkit.make;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbTooLargeException;
import org.cdbkit.cdb.CdbWriter;
import org.cdbkit.cdb.CdbmakeFormatException;
import org.cdbkit.cdb.CdbmakeTextReader;
import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesFormatException;

/** Compiles a target's source into a cdb, as tcprules or cdbmake would. */
final class TargetBuilder {
    private TargetBuilder() {
    }

    /** Builds {@code into} from the target's source, atomically; {@code temporary} is removed on failure. */
    static void build(BuildTarget t, Path into, Path temporary) throws IOException {
        try (AtomicCdbFile out = AtomicCdbFile.create(into, temporary)) {
            write(t, out.writer());
            out.commit();
        }
    }

    /**
     * Builds the target afresh next to it and compares bytes: when they are the same, the new
     * file is dropped and the target left alone; when they differ, it replaces the target if
     * {@code replace}. Returns whether they differ.
     */
    static boolean buildIfDifferent(BuildTarget t, Path temporary, boolean replace) throws IOException {
        try (AtomicCdbFile out = AtomicCdbFile.create(t.target(), temporary)) {
            write(t, out.writer());
            out.finishAndSync();
            if (Digests.of(temporary).equals(Digests.of(t.target()))) {
                return false;
            }
            if (replace) {
                out.commit();
            }
            return true;
        }
    }

    private static void write(BuildTarget t, CdbWriter writer) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(t.source()), 1 << 16)) {
            if (t.kind() == SourceKind.RULES) {
                RulesCompiler.write(in, writer);
            } else {
                new CdbmakeTextReader(in).readAll(writer);
            }
        } catch (NoSuchFileException e) {
            throw SourceError.noSource(t);
        } catch (RulesFormatException e) {
            throw new SourceError(t.sourceName(), e.lineNumber(), "unable to parse this line: " + e.line(), e);
        } catch (CdbmakeFormatException e) {
            throw new SourceError(t.sourceName(), e.line(), e.problem().description() + " (record " + e.entry()
                    + ", byte " + e.offset() + ")", e);
        } catch (CdbTooLargeException e) {
            throw new SourceError(t.sourceName() + ": " + e.getMessage());
        }
    }
}
