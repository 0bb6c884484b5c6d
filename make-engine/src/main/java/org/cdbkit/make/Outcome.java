package org.cdbkit.make;

import java.io.IOException;

/**
 * What happened to one target in a run.
 *
 * @param reason why it was (or would be) rebuilt, or what went wrong
 * @param problem what went wrong: a {@link SourceError}, or for {@link Kind#FAILED} the I/O
 *     error, a {@link BuildFailure} naming the file, whose error the tool words as the other
 *     tools do
 */
public record Outcome(BuildTarget target, Kind kind, String reason, IOException problem) {
    /** The kinds of outcome. */
    public enum Kind {
        UP_TO_DATE, REBUILT, WOULD_REBUILD,
        /** The source is wrong: {@code FILE:LINE: message}; the old cdb is kept. */
        BAD_SOURCE,
        /** Trouble reading or writing files ({@link Outcome#problem()}); the old cdb is kept. */
        FAILED
    }

    /** One line for the operator; a {@link Kind#FAILED} one without the I/O error's own words. */
    public String describe() {
        return switch (kind) {
            case UP_TO_DATE -> target.name() + ": up to date";
            case REBUILT -> target.name() + ": rebuilt from " + target.sourceName() + " (" + reason + ")";
            case WOULD_REBUILD -> target.name() + ": would rebuild from " + target.sourceName() + " (" + reason + ")";
            default -> reason;
        };
    }
}
