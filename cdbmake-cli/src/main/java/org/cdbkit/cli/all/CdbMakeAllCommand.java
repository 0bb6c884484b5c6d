package org.cdbkit.cli.all;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.cdbkit.cli.ErrorText;
import org.cdbkit.cli.FileNames;
import org.cdbkit.cli.ToolProcess;
import org.cdbkit.make.BuildFailure;
import org.cdbkit.make.BuildTarget;
import org.cdbkit.make.CdbMakeAll;
import org.cdbkit.make.DatabaseNames;
import org.cdbkit.make.FileNameCodec;
import org.cdbkit.make.Outcome;
import org.cdbkit.make.SourceError;
import org.cdbkit.make.SourceKind;
import org.cdbkit.make.TargetFinder;
import org.cdbkit.rules.RulesDialect;
import org.cdbkit.rules.RulesLint;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cdbmake-all [options] [TARGET...]}: rebuilds the stale cdb files of an /etc/tcp-like
 * folder, as its Makefile's {@code make} would, and better: content changes are caught even
 * when times go backwards, builds are atomic, and a bad source does not stop the others.
 *
 * <p>Arguments and file names are bytes, as in a C tool: arguments arrive as byte strings
 * (one char per byte), become paths through {@link FileNames}, and are printed back through
 * ISO-8859-1 streams, so a name that is not in the locale's charset comes out unchanged.
 */
@Command(name = "cdbmake-all", mixinStandardHelpOptions = true, version = "cdbmake-all (cdbkit) 0.1.0",
        description = {"Rebuilds the stale cdb files of a folder such as /etc/tcp: X.cdb from the rules in X "
                + "or X.rules (as tcprules) or from X.cdbmake (as cdbmake), or as the folder's Makefile says; "
                + "X.cdb64, named or in the Makefile, is built the same way as a cdb64 (as cdb64make).",
            "Targets: those named; else the cdbs the all: target of the folder's Makefile asks for; else those its "
                + "rules make of the sources present; else one for every source file."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:everything is up to date, or was rebuilt", "1:with -q, something is stale",
            "100:a source or the Makefile is wrong (the cdbs were kept), or a usage error",
            "111:trouble reading or writing files"})
public final class CdbMakeAllCommand implements Callable<Integer> {
    private static final FileNameCodec BYTES = new FileNameCodec() {
        @Override
        public String text(Path path) {
            return FileNames.text(path);
        }

        @Override
        public Path path(String text) {
            return FileNames.path(text);
        }
    };

    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR", description = "work in DIR instead of the current folder")
    String folderName = ".";

    @Option(names = "-n", description = "print what would be rebuilt, change nothing")
    boolean dryRun;

    @Option(names = "-B", description = "rebuild every target")
    boolean always;

    @Option(names = "-j", paramLabel = "N", description = "build up to N targets at once (default 1)")
    int jobs = 1;

    @Option(names = {"-q", "--check"}, description = "change nothing; exit 1 when something is stale")
    boolean check;

    @Option(names = "-v", description = "also name the targets that are up to date, and what the Makefile's "
            + "all: names that is not a cdb")
    boolean verbose;

    @Option(names = "--no-lint", description = "do not show tcpruleslint's warnings for the rules sources rebuilt")
    boolean noLint;

    @Option(names = "--cidr", description = "compile rules as tcprules --cidr does: a.b.c.d/n prefixes into keys")
    boolean cidr;

    @Option(names = "--dialect", paramLabel = "NAME",
            description = "whose tcprules the rules are for: ucspi-tcp (the default) or ucspi-tcp6")
    String dialectName = RulesDialect.UCSPI_TCP.optionName();

    @Option(names = "--watch", description = "keep running, rebuilding a target soon after its source changes")
    boolean watch;

    @Option(names = "--interval", paramLabel = "MS", description = "with --watch, how often to look (default 500)")
    long intervalMillis = 500;

    @Parameters(paramLabel = "TARGET", description = "X.cdb, X.cdb64 or X")
    List<String> targetNames = new ArrayList<>();

    private final PrintStream out;
    private final PrintStream err;

    public CdbMakeAllCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command on {@code args}, byte strings (one char per byte); prints names as their bytes. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new CdbMakeAllCommand(out, err));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            if (ex instanceof IOException io) {
                err.println("cdbmake-all: fatal: " + failure(io));
                return 111;
            }
            // out of memory, or a bug of ours: the runtime words it as for every tool (ToolProcess)
            throw unwrapped(ex);
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("cdbmake-all: " + ex.getMessage());
            err.println("usage: cdbmake-all [-nBqv] [-C DIR] [-j N] [--watch] [TARGET...]  (--help for more)");
            return 100;
        });
        return cl.execute(args);
    }

    /** picocli hands an Error of the command over wrapped: the Error itself, or {@code e}. */
    private static Exception unwrapped(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Error error) {
                throw error;
            }
        }
        return e;
    }

    @Override
    public Integer call() throws IOException {
        Path folder = checkedOptions();
        List<Path> targets = new ArrayList<>();
        for (String name : targetNames) {
            Path target = path(name, "TARGET");
            if (target.getFileName() == null) {
                throw usage("TARGET " + name + ": not the name of a file");
            }
            targets.add(target);
        }
        CdbMakeAll make = new CdbMakeAll(folder,
                new CdbMakeAll.Options().dryRun(dryRun || check).always(always).jobs(jobs).names(BYTES)
                        .dialect(dialect()));
        return watch ? watch(make, folder, targets) : once(make, folder, targets);
    }

    /** The folder to work in, once every option is known to make sense. */
    /** The dialect the options name; checked by {@link #checkedOptions()}. */
    private RulesDialect dialect() {
        RulesDialect named = RulesDialect.named(dialectName);
        return cidr && named == RulesDialect.UCSPI_TCP ? RulesDialect.CIDR : named;
    }

    private Path checkedOptions() {
        RulesDialect named = RulesDialect.named(dialectName);
        if (named == null) {
            throw usage("--dialect NAME: ucspi-tcp or ucspi-tcp6, not " + dialectName);
        }
        if (cidr && named != RulesDialect.UCSPI_TCP) {
            throw usage("--cidr is ucspi-tcp's: ucspi-tcp6 reads prefixes of its own");
        }
        if (jobs < 1) {
            throw usage("-j N: N must be 1 or more, not " + jobs);
        }
        if (intervalMillis < 1) {
            throw usage("--interval MS: MS must be 1 or more, not " + intervalMillis);
        }
        Path folder = path(folderName, "-C");
        if (!Files.exists(folder)) {
            throw usage("-C " + folderName + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw usage("-C " + folderName + ": not a folder");
        }
        return folder;
    }

    private Path path(String name, String what) {
        try {
            return FileNames.path(name);
        } catch (InvalidPathException e) {
            throw usage(what + " " + name + ": " + e.getReason());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int once(CdbMakeAll make, Path folder, List<Path> targets) throws IOException {
        TargetFinder.Plan plan;
        try {
            plan = make.plan(targets);
        } catch (SourceError e) {
            err.println("cdbmake-all: " + e.getMessage());
            return 100;
        }
        if (verbose) {
            for (String note : plan.notes()) {
                out.println("cdbmake-all: " + note);
            }
        }
        List<Outcome> outcomes = make.run(plan, this::report);
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
            out.println("cdbmake-all: no targets in " + FileNames.text(folder));
        } else if (!stale && code == 0) {
            out.println("cdbmake-all: everything is up to date (" + outcomes.size()
                    + (outcomes.size() == 1 ? " target)" : " targets)"));
        }
        if (code == 0 && check && stale) {
            return 1;
        }
        return code;
    }

    /**
     * Polls until interrupted. Each problem is reported once, and again only when what it is
     * about changes; a wrong Makefile or a vanished source does not stop the watch.
     *
     * <p>Not Commons IO's FileAlterationMonitor: what is watched is the plan, which the Makefile
     * decides afresh at each poll (sources and targets in other folders, targets it adds), and
     * the build's own stamps (size, times, inode) see changes that the monitor's size and
     * modification time miss. Planning again at every poll is the whole watch, on this thread,
     * so an interrupt stops it; the monitor would add a thread and observers to keep in step.
     */
    private int watch(CdbMakeAll make, Path folder, List<Path> targets) {
        out.println("cdbmake-all: watching " + FileNames.text(folder.toAbsolutePath().normalize()) + " every "
                + intervalMillis + " ms");
        ReportedOnce reported = new ReportedOnce();
        String run = "\0run"; // the subject of problems of the run as a whole: no file is named so
        while (!Thread.currentThread().isInterrupted()) {
            String problem = null;
            try {
                TargetFinder.Plan plan = make.plan(targets);
                for (String note : plan.notes()) {
                    if (verbose && reported.isNews("\0note " + note, note, "")) {
                        out.println("cdbmake-all: " + note);
                    }
                }
                List<Outcome> outcomes = make.run(plan, o -> {
                    String subject = FileNames.text(o.target().target().toAbsolutePath());
                    boolean bad = o.kind() == Outcome.Kind.BAD_SOURCE || o.kind() == Outcome.Kind.FAILED;
                    if (!bad) {
                        reported.settled(subject);
                        report(o);
                    } else if (reported.isNews(subject, o.reason(), stamp(o.target().source()))) {
                        report(o);
                    }
                });
                if (outcomes.isEmpty()) {
                    problem = "cdbmake-all: no targets in " + FileNames.text(folder);
                }
            } catch (InterruptedIOException e) {
                break;
            } catch (SourceError e) {
                problem = "cdbmake-all: " + e.getMessage();
            } catch (IOException e) {
                problem = "cdbmake-all: " + failure(e);
            }
            if (problem == null) {
                reported.settled(run);
            } else if (reported.isNews(run, problem, folderStamp(folder))) {
                err.println(problem);
            }
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                break; // the way to stop a watch: interrupt its thread
            }
        }
        return 0;
    }

    /** Size and times of a file, to see that it changed; "absent" when there is none. */
    private static String stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "/" + a.lastModifiedTime() + "/" + a.fileKey();
        } catch (IOException e) {
            return "absent";
        }
    }

    /**
     * The stamps of the files in a folder that a problem of the whole run can be about (the
     * Makefile, the sources): they move when one of those changes. Not what this tool writes
     * itself (the cdbs, its state and scratch files, which start with a dot), or its own
     * work would make an old problem look new.
     */
    private static String folderStamp(Path folder) {
        StringBuilder s = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> {
                String name = FileNames.text(p.getFileName());
                return !name.startsWith(".") && !DatabaseNames.isDatabase(name);
            }).sorted().forEach(p -> s.append(FileNames.text(p)).append(' ').append(stamp(p)).append('\n'));
        } catch (IOException | RuntimeException e) {
            s.append("unreadable");
        }
        return s.toString();
    }

    private void report(Outcome o) {
        switch (o.kind()) {
            case UP_TO_DATE:
                if (verbose) {
                    out.println("cdbmake-all: " + o.describe());
                }
                break;
            case BAD_SOURCE:
                err.println("cdbmake-all: " + o.describe() + " (" + o.target().name() + " kept as it was)");
                break;
            case FAILED:
                err.println("cdbmake-all: " + failure(o.problem()) + " (" + o.target().name() + " kept as it was)");
                break;
            default:
                out.println("cdbmake-all: " + o.describe());
                // tcpruleslint reads ucspi-tcp's rules as tcprules does without options
                if (o.kind() == Outcome.Kind.REBUILT && o.target().kind() == SourceKind.RULES && !noLint
                        && dialect() == RulesDialect.UCSPI_TCP) {
                    lint(o.target());
                }
        }
    }

    /** tcpruleslint's warnings for a rules source just rebuilt: what compiles but will not work. */
    private void lint(BuildTarget target) {
        try (java.io.InputStream in = Files.newInputStream(target.source())) {
            for (RulesLint.Finding f : RulesLint.check(in)) {
                if (!f.error()) {
                    err.println("cdbmake-all: " + target.sourceName() + ":" + f.line() + ": warning: " + f.message());
                }
            }
        } catch (IOException e) {
            // just built from it: a source that cannot be read again now has nothing more to say
        }
    }

    /**
     * An I/O failure as the other tools word it: {@code unable to create X: access denied},
     * {@code unable to write X: out of disk space}; never a Java class name.
     */
    static String failure(IOException e) {
        if (e instanceof BuildFailure f) {
            return f.doing() + ": " + ErrorText.of(f.ioError());
        }
        return ErrorText.of(e);
    }
}
