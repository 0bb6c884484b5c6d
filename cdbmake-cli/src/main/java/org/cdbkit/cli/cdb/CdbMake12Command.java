package org.cdbkit.cli.cdb;

import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.Cdbmake12Format;
import org.cdbkit.cli.ToolIo;

/**
 * {@code cdbmake-12 cdb cdb.tmp}: builds a cdb from {@code key data} lines on standard input. Of
 * either width: {@code cdb64make-12} is this command writing a cdb64 ({@link Cdb64Make12Command}).
 */
public final class CdbMake12Command implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    private final CdbWidth width;

    public CdbMake12Command(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbMake12Command(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.arguments = arguments;
        this.width = width;
    }

    @Override
    public Integer call() {
        String[] files = CdbMakeCommand.targets(arguments, width);
        CdbBuild.build(files[0], files[1], width, sink -> Cdbmake12Format.readAll(io.in(), sink));
        return 0;
    }
}
