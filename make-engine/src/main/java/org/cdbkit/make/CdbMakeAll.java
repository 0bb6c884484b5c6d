package org.cdbkit.make;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.cdbkit.rules.RulesDialect;

/**
 * The make-equivalent rebuild of a folder of cdb files (an /etc/tcp): finds the targets
 * ({@link TargetFinder}), decides which are stale, and rebuilds those, each atomically.
 *
 * <p>A target is stale when it is missing, when its source is newer (make's rule), when the
 * source's content differs from what it was last built from even if its time went backwards,
 * or when the cdb itself was changed since it was built. What it was built from is kept in
 * {@link BuildState}; without a record, the target is built afresh into a scratch file and
 * compared byte for byte, so a lost state file costs time, never a wrong answer.
 */
public final class CdbMakeAll {
    /** What a run may do. */
    public static final class Options {
        boolean dryRun;
        boolean always;
        int jobs = 1;
        FileNameCodec names = FileNameCodec.PLATFORM;
        RulesDialect dialect = RulesDialect.UCSPI_TCP;

        /** {@code -n}: decide, report, change nothing. */
        public Options dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        /** {@code -B}: rebuild every target. */
        public Options always(boolean value) {
            always = value;
            return this;
        }

        /** {@code -j N}: build up to N targets at once. */
        public Options jobs(int value) {
            jobs = Math.max(1, value);
            return this;
        }

        /** Whose tcprules the folder's rules sources are written for (default: ucspi-tcp's). */
        public Options dialect(RulesDialect value) {
            dialect = java.util.Objects.requireNonNull(value, "dialect");
            return this;
        }

        /** How file names are read and written as text (default: the JDK's, through the locale). */
        public Options names(FileNameCodec value) {
            names = value;
            return this;
        }
    }

    private final Path folder;
    private final Options options;

    public CdbMakeAll(Path folder, Options options) {
        this.folder = folder;
        this.options = options;
    }

    /** The targets of a run over {@code named} (all of the folder's when empty); see {@link TargetFinder}. */
    public TargetFinder.Plan plan(Collection<Path> named) throws IOException {
        return TargetFinder.find(folder, named, options.names);
    }

    /** One pass over {@code named} targets (all of the folder's when empty). */
    public List<Outcome> run(Collection<Path> named, Consumer<Outcome> report) throws IOException {
        return run(plan(named), report);
    }

    /**
     * One pass over the targets of {@code plan}; each outcome is reported as it happens, from
     * the thread that built it, and all are returned in target order.
     */
    public List<Outcome> run(TargetFinder.Plan plan, Consumer<Outcome> report) throws IOException {
        List<BuildTarget> targets = plan.targets();
        // each folder's record of its builds lies next to its targets
        Map<Path, BuildState> states = new LinkedHashMap<>();
        for (BuildTarget t : targets) {
            states.computeIfAbsent(folderOf(t), BuildState::load);
        }
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs, Math.max(1, targets.size())));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (BuildTarget t : targets) {
                BuildState state = states.get(folderOf(t));
                futures.add(pool.submit(() -> {
                    Outcome o = process(t, state);
                    synchronized (report) {
                        report.accept(o);
                    }
                    return o;
                }));
            }
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("process() reports every failure as an outcome", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!options.dryRun) {
            for (BuildState state : states.values()) {
                try {
                    state.save();
                } catch (IOException e) {
                    throw new BuildFailure("unable to write " + options.names.text(state.file()), e);
                }
            }
        }
        return outcomes;
    }

    private static Path folderOf(BuildTarget t) {
        Path parent = t.target().toAbsolutePath().getParent();
        return parent == null ? t.target().toAbsolutePath() : parent.normalize();
    }

    private String key(BuildTarget t) {
        return options.names.text(t.target().getFileName());
    }

    private Outcome process(BuildTarget t, BuildState state) {
        try {
            String reason = staleness(t, state);
            TargetBuilder builder = builder(t);
            if (reason == NO_RECORD) {
                // build afresh and compare: one build serves both as the check and as the rebuild
                if (!builder.buildIfDifferent(!options.dryRun)) {
                    if (!options.dryRun) {
                        state.put(key(t), entry(t));
                    }
                    return new Outcome(t, Outcome.Kind.UP_TO_DATE, null, null);
                }
                reason = "it differs from a fresh build of its source";
                if (options.dryRun) {
                    return new Outcome(t, Outcome.Kind.WOULD_REBUILD, reason, null);
                }
                state.put(key(t), entry(t));
                return new Outcome(t, Outcome.Kind.REBUILT, reason, null);
            }
            if (reason == null) {
                return new Outcome(t, Outcome.Kind.UP_TO_DATE, null, null);
            }
            if (options.dryRun) {
                return new Outcome(t, Outcome.Kind.WOULD_REBUILD, reason, null);
            }
            builder.build();
            state.put(key(t), entry(t));
            return new Outcome(t, Outcome.Kind.REBUILT, reason, null);
        } catch (SourceError e) {
            return new Outcome(t, Outcome.Kind.BAD_SOURCE, e.getMessage(), e);
        } catch (IOException e) {
            return new Outcome(t, Outcome.Kind.FAILED, e.getMessage(), e);
        } catch (InvalidPathException e) {
            // a name the file system cannot hold: said as what it is, never as a Java class
            IOException failure = new BuildFailure("unable to build " + t.name(), new IOException(e.getReason(), e));
            return new Outcome(t, Outcome.Kind.FAILED, failure.getMessage(), failure);
        }
    }

    /** What {@link #staleness} says of a target whose last build left no record. */
    private static final String NO_RECORD = "no record of its last build";

    /**
     * Why {@code t} must be rebuilt, null when it is up to date, or {@link #NO_RECORD} when only
     * a fresh build can tell.
     */
    private String staleness(BuildTarget t, BuildState state) throws IOException {
        BasicFileAttributes source;
        try {
            source = Files.readAttributes(t.source(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw SourceError.noSource(t);
        } catch (IOException e) {
            Path folder = t.source().toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                // "sub/ssh" where sub is a file: there is no such source (JDKs differ on the error)
                throw SourceError.noSource(t);
            }
            throw new BuildFailure("unable to read " + t.sourceName(), e);
        }
        if (options.always) {
            return "every target rebuilt (-B)";
        }
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(t.target(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "it does not exist";
        } catch (IOException e) {
            throw new BuildFailure("unable to read " + t.name(), e);
        }
        if (source.lastModifiedTime().compareTo(target.lastModifiedTime()) > 0) {
            return "source newer than target";
        }
        String mode = wrongMode(t);
        if (mode != null) {
            return mode;
        }
        BuildState.Entry built = state.get(key(t));
        try {
            if (built != null) {
                if (!digest(t.source(), built.sourceStamp(), built.sourceDigest()).equals(built.sourceDigest())) {
                    return "source content changed since the last build";
                }
                if (!digest(t.target(), built.targetStamp(), built.targetDigest()).equals(built.targetDigest())) {
                    return "the cdb was changed since it was built";
                }
                return null;
            }
        } catch (IOException e) {
            throw new BuildFailure("unable to read " + t.sourceName() + " or " + t.name(), e);
        }
        return NO_RECORD;
    }

    /** Why the cdb's mode is not what the Makefile's chmod gives it, or null. */
    private String wrongMode(BuildTarget t) throws IOException {
        if (t.mode() == null) {
            return null;
        }
        int mode;
        try {
            mode = TargetBuilder.mode(Files.getPosixFilePermissions(t.target()));
        } catch (UnsupportedOperationException e) {
            return null; // no Unix modes here to honour
        } catch (IOException e) {
            throw new BuildFailure("unable to read " + t.name(), e);
        }
        int wanted = t.mode().applyTo(mode);
        return mode == wanted ? null
                : String.format("its mode is %04o, chmod %s makes it %04o", mode, t.mode(), wanted);
    }

    /** The digest of a file, hashed again only when its stamp moved since it was recorded. */
    private static String digest(Path file, String recordedStamp, String recordedDigest) throws IOException {
        return stamp(file).equals(recordedStamp) ? recordedDigest : Digests.of(file);
    }

    private static BuildState.Entry entry(BuildTarget t) throws IOException {
        return new BuildState.Entry(stamp(t.source()), Digests.of(t.source()), stamp(t.target()),
                Digests.of(t.target()));
    }

    /**
     * Size, modification and change times, and file identity. The change time (ctime) moves on
     * every write and cannot be set back, so a file restored with an old modification time
     * still shows a new stamp and is hashed again.
     */
    static String stamp(Path file) throws IOException {
        try {
            java.util.Map<String, Object> a = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino");
            return a.get("size") + "/" + ((java.nio.file.attribute.FileTime) a.get("lastModifiedTime"))
                    .to(java.util.concurrent.TimeUnit.NANOSECONDS) + "/" + ((java.nio.file.attribute.FileTime) a
                            .get("ctime")).to(java.util.concurrent.TimeUnit.NANOSECONDS) + "/" + a.get("dev") + ":"
                    + a.get("ino");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "/" + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + "/"
                    + a.fileKey();
        }
    }

    /**
     * A builder through a hidden scratch file next to the target, which target discovery never
     * mistakes for a source, under a name no one can guess beforehand (see {@link UnpredictableNames}).
     */
    private TargetBuilder builder(BuildTarget t) {
        String suffix = SCRATCH_SUFFIX + UnpredictableNames.token() + ".tmp";
        return new TargetBuilder(t, options.names.sibling(t.target(), ".", suffix),
                t.shownSibling("." + key(t) + suffix), options.dialect);
    }

    private static final String SCRATCH_SUFFIX = ".cdbmake-all.";
}
