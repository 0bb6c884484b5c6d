package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64test}: checks that every record of a cdb64 is found through its hash tables.
 * It is {@link CdbTestCommand}, cdbtest's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64TestCommand implements Callable<Integer> {
    private final CdbTestCommand command;

    public Cdb64TestCommand(ToolIo io, List<String> arguments) {
        this.command = new CdbTestCommand(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
