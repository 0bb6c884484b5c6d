package org.cdbkit.cli.cdb;

import java.io.IOException;
import java.nio.file.Path;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbTooLargeException;
import org.cdbkit.cdb.CdbmakeFormatException;
import org.cdbkit.cdb.RecordSink;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolFailure;

/**
 * cdbmake's job with cdbmake's messages: records from a source go into {@code tmp}, which is
 * renamed over {@code cdb}. On any failure the old {@code cdb} is untouched and, unlike
 * cdbmake, the temporary file is removed.
 */
final class CdbBuild {
    /** Where the records come from. */
    @FunctionalInterface
    interface RecordSource {
        void readAll(RecordSink sink) throws IOException;
    }

    private CdbBuild() {
    }

    static void build(Path cdb, Path tmp, RecordSource source) {
        AtomicCdbFile out;
        try {
            out = AtomicCdbFile.create(cdb, tmp);
        } catch (IOException e) {
            throw cannotCreate(tmp, e);
        }
        try (out) {
            try {
                source.readAll(out.writer());
            } catch (CdbmakeFormatException e) {
                if (e.problem() == CdbmakeFormatException.Problem.LENGTH_TOO_LARGE) {
                    throw tooLarge(tmp, e);
                }
                throw ToolFailure.fatal(ToolFailure.TEMPORARY,
                        "unable to read input: entry " + e.entry() + ": " + CdbmakeMessages.of(e.problem()), e);
            } catch (ReadFailure e) {
                throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: entry "
                        + (out.writer().recordCount() + 1) + ": " + ErrorText.of(e.getCause()), e);
            } catch (CdbTooLargeException e) {
                throw tooLarge(tmp, e);
            } catch (IOException e) {
                throw cannotCreate(tmp, e);
            }
            try {
                out.finishAndSync();
            } catch (IOException e) {
                throw cannotCreate(tmp, e);
            }
            try {
                out.commit();
            } catch (IOException e) {
                throw ToolFailure.fatal(ToolFailure.TEMPORARY,
                        "unable to rename " + tmp + " to " + cdb + ": " + ErrorText.of(e), e);
            }
        } catch (IOException e) {
            throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to remove " + tmp + ": " + ErrorText.of(e), e);
        }
    }

    private static ToolFailure cannotCreate(Path tmp, IOException e) {
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to create " + tmp + ": " + ErrorText.of(e), e);
    }

    private static ToolFailure tooLarge(Path tmp, IOException e) {
        // cdbmake's words for a length or a database that would pass 4 GiB
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to create " + tmp + ": out of memory", e);
    }
}
