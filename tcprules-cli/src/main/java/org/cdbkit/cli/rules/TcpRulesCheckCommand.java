package org.cdbkit.cli.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.MappedInput;
import org.cdbkit.cli.DjbOutput;
import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.FileNames;
import org.cdbkit.cli.ReadFailure;
import org.cdbkit.cli.ToolFailure;
import org.cdbkit.cli.ToolIo;
import org.cdbkit.rules.Decision;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.rules.RulesLookup;

/**
 * {@code tcprulescheck rules.cdb}: shows what tcpserver would do with a connection described by
 * TCPREMOTEIP (default 0.0.0.0), TCPREMOTEHOST and TCPREMOTEINFO. With
 * {@code --dialect=ucspi-tcp6}, what ucspi-tcp6's tcprulescheck shows for a database its
 * tcprules wrote, its line of information on standard error included (TCPREMOTEIP default 0).
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
        // ours, before the file name: the original takes no options
        boolean batch = false;
        boolean explain = false;
        RulesDialect dialect = RulesDialect.UCSPI_TCP;
        int first = 0;
        for (; first < arguments.size() && arguments.get(first).startsWith("--"); first++) {
            switch (arguments.get(first)) {
                case "--batch":
                    batch = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                default:
                    dialect = DialectOption.parse(arguments.get(first));
                    if (dialect == null) {
                        throw ToolFailure.usage(USAGE + "\ntcprulescheck: options: --batch (clients on standard input), "
                                + "--explain (the keys tried), --dialect=ucspi-tcp or --dialect=ucspi-tcp6 (whose "
                                + "tcprules wrote the file)");
                    }
            }
        }
        if (arguments.size() <= first) {
            throw ToolFailure.usage(USAGE);
        }
        String file = arguments.get(first);
        DjbOutput out = new DjbOutput(io.out());
        if (dialect == RulesDialect.UCSPI_TCP6 && !batch) {
            io.err().writeBytes(ucspi6Info(io.env("TCPREMOTEIP"), io.env("TCPREMOTEHOST"), io.env("TCPREMOTEINFO")));
            io.err().flush();
        }
        try (MappedInput input = MappedInput.map(FileNames.path(file)); CdbReader rules = CdbReader.openUnchecked(input)) {
            if (input.length() == 0) {
                // what the original says of an empty file: its failed mmap leaves EINVAL
                throw cannotRead(file, "invalid argument", null);
            }
            if (batch) {
                BatchCheck.run(rules, out.flushingBefore(io.in()), out, explain, dialect);
                out.flush();
                return 0;
            }
            String ip = io.env("TCPREMOTEIP");
            if (ip == null) {
                ip = dialect == RulesDialect.UCSPI_TCP6 ? "0" : "0.0.0.0";
            }
            String host = io.env("TCPREMOTEHOST");
            String info = io.env("TCPREMOTEINFO");
            Decision decision = RulesLookup.decide(rules, ip, host, info, dialect);
            if (explain) {
                out.put(BatchCheck.explain(rules, ip, host, info, dialect));
            }
            out.put(format(decision, dialect));
        } catch (CdbFormatException e) {
            throw cannotRead(file, "protocol error", e);
        } catch (ReadFailure e) {
            throw ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read input: " + ErrorText.of(e.getCause()), e);
        } catch (IOException e) {
            throw cannotRead(file, ErrorText.of(e), e);
        }
        try {
            out.flush();
        } catch (ToolFailure e) {
            // the original does not check its output: a report nobody can read is still exit 0
            // (a reader gone away ends the process before this, as SIGPIPE ends the original)
        }
        return 0;
    }

    /**
     * ucspi-tcp6's line of information: its strings up to the first unset one, as its logmsg
     * prints them (the address, then the host, then the remote user).
     */
    static byte[] ucspi6Info(String ip, String host, String info) {
        StringBuilder s = new StringBuilder("tcprulescheck: info: TCPREMOTEIP: ").append(ip == null ? "0" : ip)
                .append(" TCPREMOTEHOST: ");
        if (host != null) {
            s.append(host).append(" TCPREMOTEINFO: ");
            if (info != null) {
                s.append(info);
            }
        }
        return s.append('\n').toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** tcprulescheck's report of a decision, as the dialect's tcprulescheck names its rule. */
    static String format(Decision d, RulesDialect dialect) {
        String name = dialect.ruleName(d.key());
        StringBuilder s = new StringBuilder(name == null ? "default" : "rule " + name).append(":\n");
        for (String setting : d.settings()) {
            s.append("set environment variable ").append(setting).append('\n');
        }
        return s.append(d.allow() ? "allow connection\n" : "deny connection\n").toString();
    }

    private static ToolFailure cannotRead(String file, String why, Exception e) {
        return ToolFailure.fatal(ToolFailure.TEMPORARY, "unable to read " + file + ": " + why, e);
    }
}
