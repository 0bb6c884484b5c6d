package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.Cdbmake12Format;
import org.cdbkit.cli.ToolIo;

/** {@code cdbmake-12 cdb cdb.tmp}: builds a cdb from {@code key data} lines on standard input. */
public final class CdbMake12Command implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    public CdbMake12Command(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        String[] files = CdbMakeCommand.targets(arguments);
        CdbBuild.build(files[0], files[1], sink -> Cdbmake12Format.readAll(io.in(), sink));
        return 0;
    }
}
