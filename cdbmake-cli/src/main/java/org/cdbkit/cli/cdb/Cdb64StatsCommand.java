package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdb64stats}: a cdb64's record count and probe distances.
 * It is {@link CdbStatsCommand}, cdbstats's code, run in the cdb64 width; a class of its own so that
 * bin/.tools can name it.
 */
public final class Cdb64StatsCommand implements Callable<Integer> {
    private final CdbStatsCommand command;

    public Cdb64StatsCommand(ToolIo io, List<String> arguments) {
        this.command = new CdbStatsCommand(io, arguments, CdbWidth.CDB64);
    }

    @Override
    public Integer call() {
        return command.call();
    }
}
