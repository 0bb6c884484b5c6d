package org.cdbkit.cli.cdb;

import org.cdbkit.cdb.Cdb64Reader;
import org.cdbkit.cdb.CdbDatabase;
import org.cdbkit.cdb.CdbFormatException;
import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.CdbWidth;
import org.cdbkit.cdb.MappedInput;

/**
 * Standard input, mapped, opened as a database of the tool's width without checking its
 * header, as the originals read it: the lookups find the damage as they reach it. The library
 * opens an unchecked database of one width at a time ({@link CdbReader#openUnchecked},
 * {@link Cdb64Reader#openUnchecked}); this picks the one.
 */
final class MappedDatabase {
    private MappedDatabase() {
    }

    static CdbDatabase openUnchecked(MappedInput input, CdbWidth width) throws CdbFormatException {
        return width == CdbWidth.CDB64 ? Cdb64Reader.openUnchecked(input) : CdbReader.openUnchecked(input);
    }
}
