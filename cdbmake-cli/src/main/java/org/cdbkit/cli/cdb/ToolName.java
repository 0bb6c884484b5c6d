package org.cdbkit.cli.cdb;

import org.cdbkit.cdb.CdbWidth;

/**
 * The name of a cdb tool in each width: djb's cdb64 tools are the cdb tools with {@code cdb}
 * widened to {@code cdb64} ({@code cdbget}, {@code cdb64get}; {@code cdbmake-12},
 * {@code cdb64make-12}), and each says its own name where its twin says its.
 */
final class ToolName {
    private ToolName() {
    }

    /** {@code cdbName} (a name starting {@code cdb}) as the tool of {@code width} is called. */
    static String of(String cdbName, CdbWidth width) {
        return width == CdbWidth.CDB64 ? "cdb64" + cdbName.substring("cdb".length()) : cdbName;
    }
}
