package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64make-12 cdb cdb.tmp}: builds a cdb64 from {@code key data} lines on standard input.
 * It is {@link CdbMake12Command}, cdbmake-12's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64Make12Command implements Callable<Integer> {
    private final CdbMake12Command command;

    public Cdb64Make12Command(ToolIo io, List<String> arguments) {
        this.command = new CdbMake12Command(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
