package org.cdbkit.cli.cdb;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbStats;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.MappedInput;
import org.cdbkit.cli.CdbFailures;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.Program;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.cli.ToolFailure;

/**
 * {@code cdbstats < db}: how many records, and how far each sits from its key's first slot. Of
 * either width: {@code cdb64stats} is this command on a cdb64 ({@link Cdb64StatsCommand}).
 */
public final class CdbStatsCommand implements Callable<Integer> {
    private final ToolIo io;

    private final List<String> arguments;

    private final CdbWidth width;

    public CdbStatsCommand(ToolIo io, List<String> arguments) {
        this(io, arguments, CdbWidth.CDB32);
    }

    CdbStatsCommand(ToolIo io, List<String> arguments, CdbWidth width) {
        this.io = io;
        this.arguments = arguments;
        this.width = width;
    }

    static String usage(CdbWidth width) {
        return Program.usage(ToolName.of("cdbstats", width), "");
    }

    @Override
    public Integer call() {
        if (!arguments.isEmpty()) {
            throw ToolFailure.usage(usage(width));
        }
        CdbStats stats;
        try (MappedInput input = io.mapIn(); CdbDatabase index = MappedDatabase.openUnchecked(input, width)) {
            stats = CdbStats.of(io.in(), index);
        } catch (IOException e) {
            throw CdbFailures.reading(e);
        }
        DjbOutput out = new DjbOutput(io.out());
        out.put(format(stats));
        out.flush();
        return 0;
    }

    /** cdbstats' table: an 8-byte label, then the figure right-aligned in 10 columns. */
    static String format(CdbStats stats) {
        StringBuilder s = new StringBuilder(228);
        line(s, "records ", stats.records());
        for (int d = 0; d < CdbStats.BUCKETS - 1; d++) {
            line(s, "d" + d + "      ", stats.distance(d));
        }
        line(s, ">9      ", stats.distance(CdbStats.BUCKETS - 1));
        return s.toString();
    }

    private static void line(StringBuilder s, String label, long value) {
        s.append(label).append(String.format("%10d", value)).append('\n');
    }
}
