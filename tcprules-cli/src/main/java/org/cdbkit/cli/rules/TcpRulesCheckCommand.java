package org.cdbkit.cli.rules;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.MappedInput;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.FileNames;
import org.cdbkit.cli.ToolFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.rules.Decision;
import org.cdbkit.rules.RulesLookup;

/**
 * {@code tcprulescheck rules.cdb}: shows what tcpserver would do with a connection described by
 * TCPREMOTEIP (default 0.0.0.0), TCPREMOTEHOST and TCPREMOTEINFO.
 */
public final class TcpRulesCheckCommand implements Callable<Integer> {
    static final String USAGE = "tcprulescheck: usage: tcprulescheck rules.cdb";

    private final ToolIo io;

    private final List<String> arguments;

    public TcpRulesCheckCommand(ToolIo io, List<String> arguments) {
        this.io = io;
        this.arguments = arguments;
    }

    @Override
    public Integer call() {
        if (arguments.isEmpty()) {
            throw ToolFailure.usage(USAGE);
        }
        String file = arguments.get(0);
        String ip = io.env("TCPREMOTEIP");
        if (ip == null) {
            ip = "0.0.0.0";
        }
        Decision decision;
        try (MappedInput input = MappedInput.map(FileNames.path(file)); CdbReader rules = CdbReader.openUnchecked(input)) {
            if (input.length() == 0) {
                // what the original says of an empty file: its failed mmap leaves EINVAL
                throw cannotRead(file, "invalid argument", null);
            }
            decision = RulesLookup.decide(rules, ip, io.env("TCPREMOTEHOST"), io.env("TCPREMOTEINFO"));
        } catch (CdbFormatException e) {
            throw cannotRead(file, "protocol error", e);
        } catch (IOException e) {
            throw cannotRead(file, ErrorText.of(e), e);
        }
        DjbOutput out = new DjbOutput(io.out());
        out.put(format(decision));
        try {
            out.flush();
        } catch (ToolFailure e) {
            // the original does not check its output: a report nobody can read is still exit 0
            // (a reader gone away ends the process before this, as SIGPIPE ends the original)
        }
        return 0;
    }

    /** tcprulescheck's report of a decision. */
    static String format(Decision d) {
        if (d.key() == null) {
            return "default:\nallow connection\n";
        }
        StringBuilder s = new StringBuilder("rule ").append(d.key()).append(":\n");
        for (String setting : d.settings()) {
            s.append("set environment variable ").append(setting).append('\n');
        }
        return s.append(d.allow() ? "allow connection\n" : "deny connection\n").toString();
    }

    private static ToolFailure cannotRead(String file, String why, Exception e) {
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read " + file + ": " + why, e);
    }
}
