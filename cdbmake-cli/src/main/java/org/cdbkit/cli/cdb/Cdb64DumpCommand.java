package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64dump}: prints every record of a cdb64 in cdbmake's format.
 * It is {@link CdbDumpCommand}, cdbdump's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64DumpCommand implements Callable<Integer> {
    private final CdbDumpCommand command;

    public Cdb64DumpCommand(ToolIo io, List<String> arguments) {
        this.command = new CdbDumpCommand(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
