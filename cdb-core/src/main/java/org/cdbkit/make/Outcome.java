package org.cdbkit.make;

/** What happened to one target in a run. */
public final class Outcome {
    /** The kinds of outcome. */
    public enum Kind {
        UP_TO_DATE, REBUILT, WOULD_REBUILD,
        /** The source is wrong: {@code FILE:LINE: message}; the old cdb is kept. */
        BAD_SOURCE,
        /** Trouble reading or writing files; the old cdb is kept. */
        FAILED
    }

    private final BuildTarget target;
    private final Kind kind;
    private final String reason;

    Outcome(BuildTarget target, Kind kind, String reason) {
        this.target = target;
        this.kind = kind;
        this.reason = reason;
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

    /** One line for the operator. */
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
