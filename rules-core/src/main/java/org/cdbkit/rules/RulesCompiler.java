package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.cdbkit.cdb.AtomicCdbFile;
import org.cdbkit.cdb.CdbSink;

/**
 * tcprules: compiles rules text into a cdb, byte-identical to ucspi-tcp's tcprules, and
 * replaces the target atomically. A bad line leaves the target untouched.
 */
public final class RulesCompiler {
    private RulesCompiler() {
    }

    /** Compiles {@code rules} into {@code cdb} through {@code tmp}; returns the number of rules. */
    public static long compile(InputStream rules, Path cdb, Path tmp) throws IOException {
        return compile(rules, cdb, tmp, RulesDialect.UCSPI_TCP);
    }

    /** As {@link #compile(InputStream, Path, Path)}, for the tcprules of {@code dialect}. */
    public static long compile(InputStream rules, Path cdb, Path tmp, RulesDialect dialect) throws IOException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(cdb, "cdb");
        Objects.requireNonNull(tmp, "tmp");
        try (AtomicCdbFile out = AtomicCdbFile.create(cdb, tmp)) {
            long count = write(rules, out.writer(), dialect);
            out.commit();
            return count;
        }
    }

    /**
     * Writes the records of every rule in {@code rules} to {@code writer}, in order, as the
     * tcprules of {@code dialect} writes them; returns the number of rules. A line it cannot
     * compile throws a {@link RulesFormatException} whose {@link RulesDialect#complaint} is what
     * that tcprules prints.
     */
    public static long write(InputStream rules, CdbSink writer, RulesDialect dialect) throws IOException {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(dialect, "dialect");
        if (dialect == RulesDialect.UCSPI_TCP6) {
            return Ucspi6Rules.write(rules, writer);
        }
        Records records = new Records(writer, dialect == RulesDialect.CIDR);
        RulesParser.parse(rules, records);
        return records.count;
    }

    /** Writes the records of every rule in {@code rules} to {@code writer}, in order. */
    public static long write(InputStream rules, CdbSink writer) throws IOException {
        return write(rules, writer, RulesDialect.UCSPI_TCP);
    }

    /** The records of one rule: one per key its address stands for, all with the same value. */
    public static void add(Rule rule, CdbSink writer) throws IOException {
        byte[] data = RuleData.encode(rule);
        for (String key : RuleKeys.of(rule)) {
            writer.add(key.getBytes(StandardCharsets.ISO_8859_1), data);
        }
    }

    /** Turns the parser's byte ranges straight into records, with no object per rule. */
    private static final class Records implements RuleSink, RuleKeys.KeyConsumer, RuleKeys.BadRange {
        private final CdbSink writer;
        private final boolean cidr;
        private byte[] data = new byte[256];
        private int dataLength;
        private byte[] keys = new byte[256];
        long count;
        // the line being compiled, for the error of a bad range
        private byte[] line;
        private int length;
        private long lineNumber;

        Records(CdbSink writer, boolean cidr) {
            this.writer = writer;
            this.cidr = cidr;
        }

        @Override
        public void rule(byte[] line, int length, int addressLength, boolean allow, int[] env, int variables,
                long lineNumber) throws IOException {
            if (data.length < length + 2 + 3 * variables) {
                data = new byte[Math.max(data.length * 2, length + 2 + 3 * variables)];
            }
            dataLength = RuleData.encode(allow, line, env, variables, data);
            if (keys.length < addressLength + 24) {
                keys = new byte[Math.max(keys.length * 2, addressLength + 24)];
            }
            this.line = line;
            this.length = length;
            this.lineNumber = lineNumber;
            if (cidr && CidrKeys.isPrefix(line, addressLength)) {
                addPrefix(new String(line, 0, addressLength, StandardCharsets.ISO_8859_1));
            } else {
                RuleKeys.expand(line, addressLength, keys, this, this);
            }
            count++;
        }

        private void addPrefix(String prefix) throws IOException {
            List<String> prefixKeys;
            try {
                prefixKeys = CidrKeys.of(prefix);
            } catch (IllegalArgumentException e) {
                throw RulesFormatException.refused(lineNumber, new String(line, 0, length,
                        StandardCharsets.ISO_8859_1), e.getMessage());
            }
            for (String key : prefixKeys) {
                byte[] bytes = key.getBytes(StandardCharsets.ISO_8859_1);
                key(bytes, bytes.length);
            }
        }

        @Override
        public RulesFormatException exception() {
            return new RulesFormatException(lineNumber, new String(line, 0, length, StandardCharsets.ISO_8859_1));
        }

        @Override
        public void key(byte[] key, int length) throws IOException {
            writer.add(key, 0, length, data, 0, dataLength);
        }
    }
}
