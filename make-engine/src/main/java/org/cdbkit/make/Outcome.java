package org.cdbkit.make;

import java.io.IOException;

/** What happened to one target in a run. */
public final class Outcome {
    /** The kinds of outcome. */
    public enum Kind {
        UP_TO_DATE, REBUILT, WOULD_REBUILD,
        /** The source is wrong: {@code FILE:LINE: message}; the old cdb is kept. */
        BAD_SOURCE,
        /** Trouble reading or writing files ({@link #problem()}); the old cdb is kept. */
        FAILED
    }

    private final BuildTarget target;
    private final Kind kind;
    private final String reason;
    private final IOException problem;

    Outcome(BuildTarget target, Kind kind, String reason, IOException problem) {
        this.target = target;
        this.kind = kind;
        this.reason = reason;
        this.problem = problem;
    }

    public BuildTarget target() {
        return target;
    }

    public Kind kind() {
        return kind;
    }

    /** Why it was (or would be) rebuilt, or what went wrong. */
    public String reason() {
        return reason;
    }

    /**
     * What went wrong: a {@link SourceError}, or for {@link Kind#FAILED} the I/O error, a
     * {@link BuildFailure} naming the file, whose error the tool words as the other tools do.
     */
    public IOException problem() {
        return problem;
    }

    /** One line for the operator; a {@link Kind#FAILED} one without the I/O error's own words. */
    public String describe() {
        switch (kind) {
            case UP_TO_DATE:
                return target.name() + ": up to date";
            case REBUILT:
                return target.name() + ": rebuilt from " + target.sourceName() + " (" + reason + ")";
            case WOULD_REBUILD:
                return target.name() + ": would rebuild from " + target.sourceName() + " (" + reason + ")";
            default:
                return reason;
        }
    }
}
