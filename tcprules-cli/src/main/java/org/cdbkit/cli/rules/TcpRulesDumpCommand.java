package org.cdbkit.cli.rules;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cli.CdbFailures;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.ToolFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.rules.RulesDumpException;
import org.cdbkit.rules.RulesDumper;

/**
 * {@code tcprulesdump < rules.cdb}: prints rules text that tcprules compiles back to the same
 * bytes (see {@link RulesDumper}). Reads in sequence, so standard input may be a pipe. A record
 * no rules line can give stops it with exit 100, after the lines of the records before it.
 */
public final class TcpRulesDumpCommand implements Callable<Integer> {
    static final String USAGE = "tcprulesdump: usage: tcprulesdump [--dialect=ucspi-tcp6] < rules.cdb";

    private final ToolIo io;

    private final List<String> arguments;

    public TcpRulesDumpCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        RulesDialect dialect = arguments.isEmpty() ? RulesDialect.UCSPI_TCP
                : arguments.size() == 1 ? DialectOption.parse(arguments.get(0)) : null;
        if (dialect == null) {
            throw ToolFailure.usage(USAGE);
        }
        boolean ucspi6 = dialect == RulesDialect.UCSPI_TCP6;
        DjbOutput out = new DjbOutput(io.out());
        RulesDumper.LineSink lines = line -> {
            out.put(line);
            out.put("\n");
        };
        try {
            if (ucspi6) {
                RulesDumper.dumpUcspi6(out.flushingBefore(io.in()), lines);
            } else {
                RulesDumper.dump(out.flushingBefore(io.in()), lines);
            }
        } catch (RulesDumpException e) {
            out.flush();
            throw ToolFailure.fatal(ToolFailure.PERMANENT, e.getMessage(), e);
        } catch (IOException e) {
            out.flush();
            throw CdbFailures.reading(e);
        }
        out.flush();
        return 0;
    }
}
