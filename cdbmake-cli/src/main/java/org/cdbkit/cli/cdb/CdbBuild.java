package org.cdbkit.cli.cdb;

import java.io.IOException;

import org.cdbkit.cdb.CdbSink;
import org.cdbkit.cdb.CdbTooLargeException;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.CdbmakeFormatException;
import org.cdbkit.cdb.RecordSink;
import org.cdbkit.cli.AtomicBuild;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.FileNames;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolFailure;

/**
 * cdbmake's job with cdbmake's messages (see {@link AtomicBuild}), in either width: cdb64make's
 * messages are cdbmake's, under its own name.
 */
final class CdbBuild {
    /** Where the records come from. */
    @FunctionalInterface
    interface RecordSource {
        void readAll(RecordSink sink) throws IOException;
    }

    private CdbBuild() {
    }

    /**
     * Builds {@code cdb} through {@code tmp} in {@code width}, both file names as byte strings
     * (see {@link FileNames}).
     */
    static void build(String cdb, String tmp, CdbWidth width, RecordSource source) {
        AtomicBuild.run(FileNames.path(cdb), FileNames.path(tmp), width, source::readAll, new AtomicBuild.Wording() {
            @Override
            public ToolFailure sourceFailure(IOException e, CdbSink writer) {
                if (e instanceof CdbmakeFormatException f) {
                    if (f.problem() == CdbmakeFormatException.Problem.LENGTH_TOO_LARGE) {
                        return tooLarge(tmp, e);
                    }
                    return ToolFailure.fatal(ToolFailure.TEMPORARY,
                            "unable to read input: entry " + f.entry() + ": " + CdbmakeMessages.of(f.problem()), e);
                }
                if (e instanceof ReadFailure r) {
                    return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: entry "
                            + (writer.recordCount() + 1) + ": " + ErrorText.of(r.getCause()), e);
                }
                return e instanceof CdbTooLargeException ? tooLarge(tmp, e) : null;
            }

            @Override
            public String cannotCreate() {
                return "unable to create " + tmp;
            }

            @Override
            public String cannotWrite() {
                return "unable to create " + tmp; // cdbmake's words for any trouble writing it
            }

            @Override
            public String cannotRename() {
                return "unable to rename " + tmp + " to " + cdb;
            }
        });
    }

    private static ToolFailure tooLarge(String tmp, IOException e) {
        // cdbmake's words for a length or a database that would pass 4 GiB
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to create " + tmp + ": out of memory", e);
    }
}
