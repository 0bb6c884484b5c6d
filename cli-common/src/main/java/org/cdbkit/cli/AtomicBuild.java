package org.cdbkit.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbSink;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.CdbWriter;
import org.cdbkit.cdb.SameFileException;

/**
 * What every compiling tool does (cdbmake, tcprules): records from a source go into a
 * temporary file, which is renamed over the database, each failure worded as the tool words
 * it. On any failure the old database is untouched and, unlike the originals, the temporary
 * file is removed. Unlike them too, the temporary file is created new, never written through a
 * link, and one that is the database itself is refused. Either width: a cdb
 * ({@link #run(Path, Path, Source, Wording)}, cdbmake and tcprules) or a cdb64 as well
 * ({@link #run(Path, Path, CdbWidth, SinkSource, Wording)}), with the same steps and words.
 */
public final class AtomicBuild {
    private AtomicBuild() {
    }

    /** Writes the records of a cdb. */
    @FunctionalInterface
    public interface Source {
        void writeTo(CdbWriter writer) throws IOException;
    }

    /** Writes the records of a database of either width. */
    @FunctionalInterface
    public interface SinkSource {
        void writeTo(CdbSink sink) throws IOException;
    }

    /** A tool's words for what can fail; each returns the text before {@code ": " + error}. */
    public interface Wording {
        /**
         * The failure for an error of the source (bad input, read error), or null for a write
         * error; {@code writer} is the database being written (a {@link CdbWriter} when building
         * a cdb), for its {@link CdbSink#recordCount()}.
         */
        ToolFailure sourceFailure(IOException e, CdbSink writer);

        String cannotCreate();

        String cannotWrite();

        String cannotRename();
    }

    /** Builds a cdb. */
    public static void run(Path cdb, Path tmp, Source source, Wording words) {
        // the sink of a 32-bit AtomicCdbFile is its CdbWriter
        run(cdb, tmp, CdbWidth.CDB32, sink -> source.writeTo((CdbWriter) sink), words);
    }

    /** Builds a database of the given width. */
    public static void run(Path cdb, Path tmp, CdbWidth width, SinkSource source, Wording words) {
        AtomicCdbFile out;
        try {
            out = AtomicCdbFile.create(cdb, tmp, width);
        } catch (SameFileException e) {
            // a mistake in the command, not trouble that goes away: exit 100, as for bad usage
            throw ToolFailure.fatal(ToolFailure.PERMANENT,
                    FileNames.text(tmp) + " names the same file as " + FileNames.text(cdb), e);
        } catch (IOException e) {
            throw failure(words.cannotCreate(), e);
        }
        try (out) {
            try {
                source.writeTo(out.sink());
            } catch (IOException e) {
                ToolFailure f = words.sourceFailure(e, out.sink());
                throw f != null ? f : failure(words.cannotWrite(), e);
            }
            try {
                out.finishAndSync();
            } catch (IOException e) {
                throw failure(words.cannotWrite(), e);
            }
            try {
                out.commit();
            } catch (IOException e) {
                throw failure(words.cannotRename(), e);
            }
        } catch (IOException e) {
            throw failure("unable to remove " + tmp, e);
        }
    }

    private static ToolFailure failure(String what, IOException e) {
        return ToolFailure.fatal(ToolFailure.TEMPORARY, what + ": " + ErrorText.of(e), e);
    }
}
