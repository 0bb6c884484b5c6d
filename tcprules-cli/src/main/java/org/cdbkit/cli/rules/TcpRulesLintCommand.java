package org.cdbkit.cli.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.FileNames;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.rules.RulesLint;

/**
 * {@code tcpruleslint FILE...}: what in rules sources compiles but cannot work as written
 * ({@link RulesLint}), as {@code FILE:LINE: warning: ...}; {@code -} reads standard input.
 * Exit 0 when clean, 1 with warnings, 100 when a line is one tcprules refuses (or on bad usage).
 */
public final class TcpRulesLintCommand implements Callable<Integer> {
    static final String USAGE = "tcpruleslint: usage: tcpruleslint FILE...";

    private final ToolIo io;
    private final List<String> arguments;

    public TcpRulesLintCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        if (arguments.isEmpty()) {
            throw ToolFailure.usage(USAGE);
        }
        DjbOutput out = new DjbOutput(io.out());
        int code = 0;
        for (String file : arguments) {
            List<RulesLint.Finding> findings;
            try (InputStream in = file.equals("-") ? io.in() : Files.newInputStream(FileNames.path(file))) {
                findings = RulesLint.check(in);
            } catch (ReadFailure e) {
                throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: " + ErrorText.of(e.getCause()), e);
            } catch (IOException e) {
                throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read " + file + ": " + ErrorText.of(e), e);
            }
            for (RulesLint.Finding f : findings) {
                out.put(file + ":" + f.line() + (f.error() ? ": error: " : ": warning: ") + f.message() + "\n");
                code = Math.max(code, f.error() ? ToolFailure.PERMANENT : 1);
            }
        }
        out.flush();
        return code;
    }
}
