package org.cdbkit.make;

import java.util.List;

import org.cdbkit.cdb.CdbWidth;

/**
 * The names of the databases cdbmake-all builds, and the width each is built in: {@code X.cdb}
 * a cdb, {@code X.cdb64} a cdb64 (djb's cdb-20251021, the same layout with 8-byte numbers).
 * The name alone decides, as the tool a Makefile would run for it (cdbmake or cdb64make) does.
 */
public final class DatabaseNames {
    /** The endings of database names, in the order the widths are told apart. */
    static final List<String> ENDINGS = List.of(CdbWidth.CDB32.extension(), CdbWidth.CDB64.extension());

    private DatabaseNames() {
    }

    /** Whether {@code name} names a database: it ends in {@code .cdb} or {@code .cdb64}. */
    public static boolean isDatabase(String name) {
        return ending(name) != null;
    }

    /** {@code .cdb} or {@code .cdb64}, as {@code name} ends, or null. */
    static String ending(String name) {
        for (String e : ENDINGS) {
            if (name.endsWith(e)) {
                return e;
            }
        }
        return null;
    }

    /** The width of the database {@code name} names: a cdb64 for {@code X.cdb64}, else a cdb. */
    static CdbWidth widthOf(String name) {
        return name.endsWith(CdbWidth.CDB64.extension()) ? CdbWidth.CDB64 : CdbWidth.CDB32;
    }
}
