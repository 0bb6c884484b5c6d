package org.cdbkit.make;

import java.util.List;

/**
 * One way to make a cdb: targets matching {@code target} are built from the file named by
 * {@code source} (same stem), as {@code recipe} says. Written in a Makefile as an explicit rule
 * ({@code ssh.cdb: ssh}), a pattern rule ({@code %.cdb: %.rules}) or a suffix rule
 * ({@code .rules.cdb:}); {@link #BUILT_IN} are the conventions used where a Makefile says nothing.
 */
record CdbRule(NamePattern target, NamePattern source, Recipe recipe) {
    /**
     * {@code X.cdb} from the rules in {@code X} or {@code X.rules}, or from {@code X.cdbmake} in
     * cdbmake's format; {@code X.cdb64} from {@code X.cdbmake} alone (a cdb64 is not implied by
     * a rules source, and comes after the cdb, so a source present still implies its cdb only).
     */
    static final List<CdbRule> BUILT_IN = List.of(
            new CdbRule(NamePattern.of("%.cdb"), NamePattern.of("%"), new Recipe(SourceKind.RULES, null)),
            new CdbRule(NamePattern.of("%.cdb"), NamePattern.of("%.rules"), new Recipe(SourceKind.RULES, null)),
            new CdbRule(NamePattern.of("%.cdb"), NamePattern.of("%.cdbmake"),
                    new Recipe(SourceKind.CDBMAKE, null)),
            new CdbRule(NamePattern.of("%.cdb64"), NamePattern.of("%.cdbmake"),
                    new Recipe(SourceKind.CDBMAKE, null)));

    /** The source name for target {@code name}, or null when this rule does not make it. */
    String sourceFor(String name) {
        String stem = target.stem(name);
        return stem == null ? null : source.apply(stem);
    }

    /** The target name made from source {@code name}, or null when this rule does not take it. */
    String targetFor(String name) {
        String stem = source.stem(name);
        return stem == null || target.literal() && !source.literal() ? null : target.apply(stem);
    }
}
