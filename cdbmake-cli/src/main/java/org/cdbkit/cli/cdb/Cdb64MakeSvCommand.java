package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64make-sv cdb cdb.tmp}: builds a cdb64 of /etc/services for lookups by name and by port.
 * It is {@link CdbMakeSvCommand}, cdbmake-sv's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64MakeSvCommand implements Callable<Integer> {
    private final CdbMakeSvCommand command;

    public Cdb64MakeSvCommand(ToolIo io, List<String> arguments) {
        this.command = new CdbMakeSvCommand(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
