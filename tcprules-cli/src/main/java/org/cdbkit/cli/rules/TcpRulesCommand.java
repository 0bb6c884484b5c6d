package org.cdbkit.cli.rules;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.rules.RulesCompiler;
import org.cdbkit.rules.RulesFormatException;

/**
 * {@code tcprules rules.cdb rules.tmp < rules}: compiles rules into a cdb for tcpserver,
 * atomically. A bad line is reported as tcprules reports it, then by its line number; the old
 * cdb is left as it was and, unlike tcprules, the temporary file is removed.
 */
public final class TcpRulesCommand implements Callable<Integer> {
    static final String USAGE = "tcprules: usage: tcprules rules.cdb rules.tmp";

    private final ToolIo io;

    private final List<String> arguments;

    public TcpRulesCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    public static void main(String[] args) {
        RulesTools.main("tcprules", args);
    }

    @Override
    public Integer call() {
        // like tcprules: two arguments at least, any further ones ignored
        if (arguments.size() < 2) {
            throw ToolFailure.usage(USAGE);
        }
        Path cdb = Path.of(arguments.get(0));
        String tmpName = arguments.get(1);
        AtomicCdbFile out;
        try {
            out = AtomicCdbFile.create(cdb, Path.of(tmpName));
        } catch (IOException e) {
            throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to create " + tmpName + ": " + ErrorText.of(e), e);
        }
        try (out) {
            try {
                RulesCompiler.write(io.in(), out.writer());
            } catch (RulesFormatException e) {
                throw ToolFailure.fatal(ToolFailure.PERMANENT,
                        "unable to parse this line: " + untilNul(e.line()) + "\ntcprules: (line " + e.lineNumber()
                                + " of the input)", e);
            } catch (ReadFailure e) {
                throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: " + ErrorText.of(e.getCause()), e);
            } catch (IOException e) {
                throw cannotWrite(tmpName, e);
            }
            try {
                out.finishAndSync();
            } catch (IOException e) {
                throw cannotWrite(tmpName, e);
            }
            try {
                out.commit();
            } catch (IOException e) {
                throw ToolFailure.fatal(ToolFailure.TEMPORARY,
                        "unable to move " + tmpName + " to " + arguments.get(0) + ": " + ErrorText.of(e), e);
            }
        } catch (IOException e) {
            throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to remove " + tmpName + ": " + ErrorText.of(e), e);
        }
        return 0;
    }

    private static ToolFailure cannotWrite(String tmpName, IOException e) {
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to write to " + tmpName + ": " + ErrorText.of(e), e);
    }

    /** C prints the line as a string: up to its first NUL. */
    private static String untilNul(String line) {
        int nul = line.indexOf('\0');
        return nul < 0 ? line : line.substring(0, nul);
    }
}
