package org.cdbkit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbWriter;

/**
 * The lookup benchmarks' database: keys {@code key-%010d} for i from 0, values of 8 to 64
 * random bytes. The same file serves the Java benchmarks and the C harness
 * ({@code java -cp benchmarks.jar org.cdbkit.bench.LookupData FILE RECORDS}).
 */
public final class LookupData {
    private LookupData() {
    }

    public static byte[] key(long i) {
        return String.format("key-%010d", i).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] value(Random random) {
        byte[] value = new byte[8 + random.nextInt(57)];
        random.nextBytes(value);
        return value;
    }

    /** The database for {@code records} records: the one named by -Dcdbkit.bench.db if it exists, else built. */
    public static Path database(int records) throws IOException {
        String named = System.getProperty("cdbkit.bench.db");
        if (named != null && Files.exists(Path.of(named))) {
            return Path.of(named);
        }
        Path file = Files.createTempDirectory("cdbkit-bench").resolve("lookup-" + records + ".cdb");
        write(file, records);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return file;
    }

    public static void write(Path file, int records) throws IOException {
        Random random = new Random(42);
        try (AtomicCdbFile out = AtomicCdbFile.create(file, file.resolveSibling(file.getFileName() + ".tmp"))) {
            CdbWriter writer = out.writer();
            for (int i = 0; i < records; i++) {
                writer.add(key(i), value(random));
            }
            out.commit();
        }
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args[0]), Integer.parseInt(args[1]));
    }
}
