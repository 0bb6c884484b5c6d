package org.cdbkit.cli.cdb;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbVerifier;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.MappedInput;
import org.cdbkit.cli.CdbFailures;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdbtest < db}: cdb-0.75's check that every record is found through the hash tables.
 * Like the original it ignores its arguments and reports only through its five figures. Of
 * either width: {@code cdb64test} is this command on a cdb64 ({@link Cdb64TestCommand}).
 */
public final class CdbTestCommand implements Callable<Integer> {
    private final ToolIo io;

    private final CdbWidth width;

    /** {@code arguments} are ignored, as the original ignores them. */
    public CdbTestCommand(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbTestCommand(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.width = width;
    }

    @Override
    public Integer call() {
        CdbVerifier result;
        try (MappedInput input = io.mapIn(); CdbDatabase index = MappedDatabase.openUnchecked(input, width)) {
            result = CdbVerifier.of(io.in(), index);
        } catch (IOException e) {
            throw CdbFailures.reading(e);
        }
        DjbOutput out = new DjbOutput(io.out());
        out.put(format(result));
        out.flush();
        return 0;
    }

    static String format(CdbVerifier r) {
        return "found: " + r.found() + "\n"
                + "different record: " + r.differentRecord() + "\n"
                + "bad length: " + r.badLength() + "\n"
                + "not found: " + r.notFound() + "\n"
                + "untested: " + r.untested() + "\n";
    }
}
