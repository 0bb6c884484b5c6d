package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64get key [skip]}: prints the data of a record of a cdb64.
 * It is {@link CdbGetCommand}, cdbget's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64GetCommand implements Callable<Integer> {
    private final CdbGetCommand command;

    public Cdb64GetCommand(ToolIo io, List<String> arguments) {
        this.command = new CdbGetCommand(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
