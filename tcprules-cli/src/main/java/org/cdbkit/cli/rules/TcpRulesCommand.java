package org.cdbkit.cli.rules;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbSink;
import org.cdbkit.cli.AtomicBuild;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.FileNames;
import org.cdbkit.cli.ReadAhead;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.rules.RulesFormatException;

/**
 * {@code tcprules [--cidr] rules.cdb rules.tmp < rules}: compiles rules into a cdb for tcpserver,
 * atomically. A bad line is reported as tcprules reports it, then by its line number; the old
 * cdb is left as it was and, unlike tcprules, the temporary file is removed. {@code --cidr} compiles
 * {@code a.b.c.d/n} prefixes into the keys tcpserver matches ({@link org.cdbkit.rules.CidrKeys}).
 */
public final class TcpRulesCommand implements Callable<Integer> {
    static final String USAGE = "tcprules: usage: tcprules rules.cdb rules.tmp";

    /** Said where an option is given: the originals' tool has none. */
    static final String OPTIONS_USAGE = "tcprules: usage: tcprules [--cidr] [--dialect=ucspi-tcp6] rules.cdb rules.tmp";

    /** tcprules keeps a carriage return as part of the line, which puzzles whoever saved it on Windows. */
    static final String CARRIAGE_RETURN_HINT = ", which ends in a carriage return: convert the file with dos2unix";

    private final ToolIo io;

    private final List<String> arguments;

    public TcpRulesCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        // options come before the file names, and only ours start with "--"
        int first = 0;
        RulesDialect dialect = RulesDialect.UCSPI_TCP;
        while (first < arguments.size() && arguments.get(first).startsWith("--") && arguments.get(first).length() > 2) {
            String option = arguments.get(first);
            RulesDialect named = DialectOption.parse(option);
            if (option.equals("--cidr")) {
                dialect = RulesDialect.CIDR;
            } else if (named == RulesDialect.UCSPI_TCP6) {
                dialect = named;
            } else if (named != RulesDialect.UCSPI_TCP) {
                throw ToolFailure.usage(OPTIONS_USAGE);
            }
            first++;
        }
        // like tcprules: two arguments at least, any further ones ignored
        if (arguments.size() - first < 2) {
            throw ToolFailure.usage(first == 0 ? USAGE : OPTIONS_USAGE);
        }
        String cdbName = arguments.get(first);
        String tmpName = arguments.get(first + 1);
        RulesDialect chosen = dialect;
        AtomicBuild.run(FileNames.path(cdbName), FileNames.path(tmpName),
                writer -> {
                    // a large input is read ahead on the second core while this one compiles
                    try (InputStream in = ReadAhead.whenLarge(io.in())) {
                        RulesCompiler.write(in, writer, chosen);
                    }
                },
                new AtomicBuild.Wording() {
                    @Override
                    public ToolFailure sourceFailure(IOException e, CdbSink writer) {
                        if (e instanceof RulesFormatException f) {
                            // the dialect's tcprules' line and status, then ours naming the line number
                            return ToolFailure.asIs(chosen.syntaxStatus(), "tcprules: " + chosen.complaint(f)
                                    + "\ntcprules: (line " + f.lineNumber() + " of the input"
                                    + (f.detail() != null ? ": " + f.detail()
                                            : f.line().endsWith("\r") ? CARRIAGE_RETURN_HINT : "")
                                    + ")");
                        }
                        if (e instanceof ReadFailure r) {
                            return ToolFailure.fatal(ToolFailure.TEMPORARY,
                                    "unable to read input: " + ErrorText.of(r.getCause()), e);
                        }
                        return null;
                    }

                    @Override
                    public String cannotCreate() {
                        return "unable to create " + tmpName;
                    }

                    @Override
                    public String cannotWrite() {
                        return "unable to write to " + tmpName;
                    }

                    @Override
                    public String cannotRename() {
                        return "unable to move " + tmpName + " to " + cdbName;
                    }
                });
        return 0;
    }

}
