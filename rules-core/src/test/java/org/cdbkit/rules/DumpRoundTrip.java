package org.cdbkit.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rules text to a database with {@link RulesCompiler}, and a database back to text with {@link RulesDumper}. */
final class DumpRoundTrip {
    private DumpRoundTrip() {
    }

    /** The cdb tcprules writes for {@code rules} (one char per byte). */
    static byte[] compile(String rules) throws IOException {
        Path dir = Files.createTempDirectory("dump");
        try {
            Path cdb = dir.resolve("r.cdb");
            RulesCompiler.compile(new ByteArrayInputStream(rules.getBytes(StandardCharsets.ISO_8859_1)), cdb,
                    dir.resolve("r.tmp"));
            return Files.readAllBytes(cdb);
        } finally {
            Files.deleteIfExists(dir.resolve("r.cdb"));
            Files.deleteIfExists(dir.resolve("r.tmp"));
            Files.delete(dir);
        }
    }

    /** The dumped rules of {@code cdb}, a line each with its newline. */
    static String dump(byte[] cdb) throws IOException {
        StringBuilder text = new StringBuilder();
        RulesDumper.dump(new ByteArrayInputStream(cdb), line -> text.append(line).append('\n'));
        return text.toString();
    }
}
