package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbWriter;

/**
 * tcprules: compiles rules text into a cdb, byte-identical to ucspi-tcp's tcprules, and
 * replaces the target atomically. A bad line leaves the target untouched.
 */
public final class RulesCompiler {
    private RulesCompiler() {
    }

    /** Compiles {@code rules} into {@code cdb} through {@code tmp}; returns the number of rules. */
    public static long compile(InputStream rules, Path cdb, Path tmp) throws IOException {
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, tmp)) {
            long count = write(rules, out.writer());
            out.commit();
            return count;
        }
    }

    /** Writes the records of every rule in {@code rules} to {@code writer}, in order. */
    public static long write(InputStream rules, CdbWriter writer) throws IOException {
        long[] count = {0};
        RulesParser.parse(rules, rule -> {
            add(rule, writer);
            count[0]++;
        });
        return count[0];
    }

    /** The records of one rule: one per key its address stands for, all with the same value. */
    public static void add(Rule rule, CdbWriter writer) throws IOException {
        byte[] data = RuleData.encode(rule);
        for (String key : RuleKeys.of(rule)) {
            writer.add(key.getBytes(StandardCharsets.ISO_8859_1), data);
        }
    }
}
