package org.cdbkit.cdb;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * cdb-0.75's cdbmake-sv input, /etc/services: for {@code name port/proto alias...} it adds
 * {@code @port/proto -> name}, then {@code name/proto -> port} and {@code alias/proto -> port}
 * for the name and each alias. Comments from {@code #} on are ignored, as are lines without a
 * {@code port/proto} second field. The same records as cdb-0.75's awk script produces.
 */
public final class ServicesFormat {
    private ServicesFormat() {
    }

    public static long readAll(InputStream in, RecordSink sink) throws IOException {
        AwkLines lines = new AwkLines(in);
        long records = 0;
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            List<byte[]> beforeComment = AwkLines.split(line, (byte) '#');
            if (beforeComment.isEmpty()) {
                continue;
            }
            byte[] text = beforeComment.get(0);
            List<byte[]> fields = AwkLines.fields(text, 0, text.length);
            if (fields.size() < 2) {
                continue;
            }
            List<byte[]> portProto = AwkLines.split(fields.get(1), (byte) '/');
            if (portProto.size() < 2) {
                continue;
            }
            byte[] port = portProto.get(0);
            byte[] proto = portProto.get(1);
            Records.add(sink, Records.concat(new byte[] {'@'}, port, new byte[] {'/'}, proto), fields.get(0));
            records++;
            for (int i = 0; i < fields.size(); i++) {
                if (i != 1) {
                    Records.add(sink, Records.concat(fields.get(i), new byte[] {'/'}, proto), port);
                    records++;
                }
            }
        }
        return records;
    }
}
