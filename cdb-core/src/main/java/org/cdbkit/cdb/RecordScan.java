package org.cdbkit.cdb;

import java.util.Iterator;
import java.util.NoSuchElementException;

/** The records of a database in file order ({@link CdbDatabase#records()}): from the header to the end of the records. */
final class RecordScan implements Iterator<CdbRecord> {
    private final CdbDatabase database;
    private long position;
    private final long end;

    RecordScan(CdbDatabase database) {
        this.database = database;
        this.position = database.width().headerSize();
        try {
            end = database.recordsEnd();
        } catch (CdbFormatException e) {
            throw new CorruptCdbException(e);
        }
    }

    @Override
    public boolean hasNext() {
        return position < end;
    }

    @Override
    public CdbRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        try {
            CdbRecord record = database.recordAt(position, end);
            position = record.end();
            return record;
        } catch (CdbFormatException e) {
            throw new CorruptCdbException(e);
        }
    }
}
