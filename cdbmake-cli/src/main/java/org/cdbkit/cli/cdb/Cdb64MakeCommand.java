package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64make cdb cdb.tmp}: builds a cdb64 from cdbmake text on standard input, atomically.
 * It is {@link CdbMakeCommand}, cdbmake's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64MakeCommand implements Callable<Integer> {
    private final CdbMakeCommand command;

    public Cdb64MakeCommand(ToolIo io, List<String> arguments) {
        this.command = new CdbMakeCommand(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
