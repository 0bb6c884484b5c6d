package org.cdbkit.cli.all;

import java.util.HashMap;
import java.util.Map;

/**
 * For {@code --watch}: says whether a problem is news. A problem that persists is reported
 * once, and again only when what it is about changed (its source was edited, the folder's
 * files moved), so that a bad line does not fill a multilog at every poll.
 */
final class ReportedOnce {
    private final Map<String, String> reported = new HashMap<>();

    /**
     * Whether {@code message} about {@code subject} should be reported: false when it was the
     * last one reported about it and {@code fingerprint} (what it depends on) is unchanged.
     */
    boolean isNews(String subject, String message, String fingerprint) {
        String seen = message + '\0' + fingerprint;
        return !seen.equals(reported.put(subject, seen));
    }

    /** {@code subject} is fine now: its next problem is news. */
    void settled(String subject) {
        reported.remove(subject);
    }
}
