package org.cdbkit.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.cdbkit.cdb.CdbReader;
import org.cdbkit.cdb.CdbRecord;

/**
 * Writes cdbmake's text format, as cdbdump prints it: {@code +klen,dlen:key->data} and a
 * newline per record; {@link #finish()} adds the final empty line. Binary-safe.
 */
public final class CdbmakeTextWriter {
    private final OutputStream out;
    private final byte[] scratch = new byte[1 << 13];

    /** {@code out} should be buffered; it is not closed here. */
    public CdbmakeTextWriter(OutputStream out) {
        Objects.requireNonNull(out, "out");
        this.out = out;
    }

    /** What cdbdump prints for the database {@code cdb}: its records in file order, as cdbmake reads them. */
    public static byte[] dump(Path cdb) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        CdbmakeTextWriter writer = new CdbmakeTextWriter(text);
        try (CdbReader reader = CdbReader.open(cdb)) {
            for (CdbRecord record : reader.records()) {
                writer.write(record);
            }
        }
        writer.finish();
        return text.toByteArray();
    }

    /** cdbmake's input for {@code records}, each a key and a value. */
    public static byte[] text(List<byte[][]> records) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        CdbmakeTextWriter writer = new CdbmakeTextWriter(text);
        for (byte[][] r : records) {
            writer.write(r[0], r[1]);
        }
        writer.finish();
        return text.toByteArray();
    }

    public void write(byte[] key, byte[] value) throws IOException {
        write(ByteBuffer.wrap(key), ByteBuffer.wrap(value));
    }

    /** Writes the remaining bytes of key and value; their positions are not changed. */
    public void write(ByteBuffer key, ByteBuffer value) throws IOException {
        String lengths = "+" + key.remaining() + "," + value.remaining() + ":";
        out.write(lengths.getBytes(StandardCharsets.US_ASCII));
        copy(key);
        out.write('-');
        out.write('>');
        copy(value);
        out.write('\n');
    }

    public void write(CdbRecord record) throws IOException {
        write(record.key(), record.value());
    }

    /** The empty line that ends the input. */
    public void finish() throws IOException {
        out.write('\n');
        out.flush();
    }

    private void copy(ByteBuffer bytes) throws IOException {
        ByteBuffer b = bytes.duplicate();
        if (b.hasArray()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            return;
        }
        while (b.hasRemaining()) {
            int n = Math.min(scratch.length, b.remaining());
            b.get(scratch, 0, n);
            out.write(scratch, 0, n);
        }
    }
}
