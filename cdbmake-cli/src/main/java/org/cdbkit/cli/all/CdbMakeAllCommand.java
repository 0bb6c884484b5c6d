package org.cdbkit.cli.all;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.cdbkit.make.CdbMakeAll;
import org.cdbkit.make.Outcome;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cdbmake-all [options] [TARGET...]}: rebuilds the stale cdb files of an /etc/tcp-like
 * folder, as its Makefile's {@code make} would, and better: content changes are caught even
 * when times go backwards, builds are atomic, and a bad source does not stop the others.
 */
@Command(name = "cdbmake-all", mixinStandardHelpOptions = true, version = "cdbmake-all (cdbkit) 0.1.0",
        description = {"Rebuilds the stale cdb files of a folder such as /etc/tcp: X.cdb from the rules in X "
                + "(as tcprules) or from X.cdbmake (as cdbmake).",
            "Targets: those named; else those on the all: line of the folder's Makefile; else one for every "
                + "rules source (a file with no extension)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:everything is up to date, or was rebuilt", "1:with -q, something is stale",
            "100:a source is wrong (its cdb was kept)", "111:trouble reading or writing files"})
public final class CdbMakeAllCommand implements Callable<Integer> {
    @Option(names = "-C", paramLabel = "DIR", description = "work in DIR instead of the current folder")
    Path folder = Path.of(".");

    @Option(names = "-n", description = "print what would be rebuilt, change nothing")
    boolean dryRun;

    @Option(names = "-B", description = "rebuild every target")
    boolean always;

    @Option(names = "-j", paramLabel = "N", description = "build up to N targets at once (default 1)")
    int jobs = 1;

    @Option(names = {"-q", "--check"}, description = "change nothing; exit 1 when something is stale")
    boolean check;

    @Option(names = "-v", description = "also name the targets that are up to date")
    boolean verbose;

    @Option(names = "--watch", description = "keep running, rebuilding a target soon after its source changes")
    boolean watch;

    @Option(names = "--interval", paramLabel = "MS", description = "with --watch, how often to look (default 500)")
    long intervalMillis = 500;

    @Parameters(paramLabel = "TARGET", description = "X.cdb or X")
    List<String> targets = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    public CdbMakeAllCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new CdbMakeAllCommand(out, err));
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            err.println("cdbmake-all: fatal: " + ex.getMessage());
            return 111;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("cdbmake-all: " + ex.getMessage());
            err.println("usage: cdbmake-all [-nBqv] [-C DIR] [-j N] [--watch] [TARGET...]  (--help for more)");
            return 100;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(folder)) {
            err.println("cdbmake-all: fatal: unable to use " + folder + ": not a folder");
            return 111;
        }
        CdbMakeAll make = new CdbMakeAll(folder,
                new CdbMakeAll.Options().dryRun(dryRun || check).always(always).jobs(jobs));
        if (!watch) {
            return once(make);
        }
        out.println("cdbmake-all: watching " + folder.toAbsolutePath().normalize() + " every " + intervalMillis + " ms");
        for (;;) {
            List<Outcome> outcomes = make.run(targets, this::report);
            if (outcomes.isEmpty()) {
                err.println("cdbmake-all: no targets in " + folder);
            }
            Thread.sleep(intervalMillis);
        }
    }

    private int once(CdbMakeAll make) throws IOException {
        List<Outcome> outcomes = make.run(targets, this::report);
        int code = 0;
        boolean stale = false;
        for (Outcome o : outcomes) {
            switch (o.kind()) {
                case BAD_SOURCE:
                    code = Math.max(code, 100);
                    break;
                case FAILED:
                    code = 111;
                    break;
                case WOULD_REBUILD:
                case REBUILT:
                    stale = true;
                    break;
                default:
                    break;
            }
        }
        if (outcomes.isEmpty()) {
            out.println("cdbmake-all: no targets in " + folder);
        } else if (!stale && code == 0) {
            out.println("cdbmake-all: everything is up to date (" + outcomes.size()
                    + (outcomes.size() == 1 ? " target)" : " targets)"));
        }
        if (code == 0 && check && stale) {
            return 1;
        }
        return code;
    }

    private void report(Outcome o) {
        switch (o.kind()) {
            case UP_TO_DATE:
                if (verbose) {
                    out.println("cdbmake-all: " + o.describe());
                }
                break;
            case BAD_SOURCE:
            case FAILED:
                err.println("cdbmake-all: " + o.describe() + " (" + o.target().name() + " kept as it was)");
                break;
            default:
                out.println("cdbmake-all: " + o.describe());
        }
    }
}
