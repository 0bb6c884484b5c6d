package org.cdbkit.make;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

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
    }

    private final Path folder;
    private final Options options;

    public CdbMakeAll(Path folder, Options options) {
        this.folder = folder;
        this.options = options;
    }

    /**
     * One pass over {@code named} targets (all of the folder's when empty); each outcome is
     * reported as it happens, from the thread that built it, and all are returned in target order.
     */
    public List<Outcome> run(Collection<String> named, Consumer<Outcome> report) throws IOException {
        List<BuildTarget> targets = TargetFinder.find(folder, named);
        BuildState state = BuildState.load(folder);
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.jobs, Math.max(1, targets.size())));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (BuildTarget t : targets) {
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
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        if (!options.dryRun) {
            state.save();
        }
        return outcomes;
    }

    private Outcome process(BuildTarget t, BuildState state) {
        try {
            String reason = staleness(t, state);
            if (reason == NO_RECORD) {
                // build afresh and compare: one build serves both as the check and as the rebuild
                if (!TargetBuilder.buildIfDifferent(t, scratch(t, "tmp"), !options.dryRun)) {
                    if (!options.dryRun) {
                        state.put(t.name(), entry(t));
                    }
                    return new Outcome(t, Outcome.Kind.UP_TO_DATE, null);
                }
                reason = "it differs from a fresh build of its source";
                if (options.dryRun) {
                    return new Outcome(t, Outcome.Kind.WOULD_REBUILD, reason);
                }
                state.put(t.name(), entry(t));
                return new Outcome(t, Outcome.Kind.REBUILT, reason);
            }
            if (reason == null) {
                return new Outcome(t, Outcome.Kind.UP_TO_DATE, null);
            }
            if (options.dryRun) {
                return new Outcome(t, Outcome.Kind.WOULD_REBUILD, reason);
            }
            TargetBuilder.build(t, t.target(), scratch(t, "tmp"));
            state.put(t.name(), entry(t));
            return new Outcome(t, Outcome.Kind.REBUILT, reason);
        } catch (SourceError e) {
            return new Outcome(t, Outcome.Kind.BAD_SOURCE, e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(t, Outcome.Kind.FAILED, t.name() + ": " + e);
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
        }
        if (options.always) {
            return "every target rebuilt (-B)";
        }
        BasicFileAttributes target;
        try {
            target = Files.readAttributes(t.target(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "it does not exist";
        }
        if (source.lastModifiedTime().compareTo(target.lastModifiedTime()) > 0) {
            return "source newer than target";
        }
        BuildState.Entry built = state.get(t.name());
        if (built != null) {
            if (!digest(t.source(), built.sourceStamp, built.sourceDigest).equals(built.sourceDigest)) {
                return "source content changed since the last build";
            }
            if (!digest(t.target(), built.targetStamp, built.targetDigest).equals(built.targetDigest)) {
                return "the cdb was changed since it was built";
            }
            return null;
        }
        return NO_RECORD;
    }

    /** The digest of a file, hashed again only when its stamp moved since it was recorded. */
    private static String digest(Path file, String recordedStamp, String recordedDigest) throws IOException {
        return stamp(file).equals(recordedStamp) ? recordedDigest : Digests.of(file);
    }

    private static BuildState.Entry entry(BuildTarget t) throws IOException {
        return new BuildState.Entry(stamp(t.source()), Digests.of(t.source()), stamp(t.target()), Digests.of(t.target()));
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

    /** A hidden file next to the target, which target discovery never mistakes for a source. */
    private Path scratch(BuildTarget t, String suffix) {
        return t.target().resolveSibling("." + t.name() + ".cdbmake-all." + suffix);
    }
}
