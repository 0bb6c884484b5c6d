package org.cdbkit.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.cdbkit.cdb.CdbSequentialReader;

/**
 * tcprulesdump: turns a rules database back into rules text that tcprules compiles to the same
 * bytes. tcprules writes one record per key in source order, a range's keys ascending, so the
 * records are printed in file order, one line each ({@code KEY:allow,VAR="value"} or
 * {@code KEY:deny}), except that a run of records with the same data whose keys count up in one
 * dot-separated component ({@code P.37}, {@code P.38}, ...) is folded back into one range
 * ({@code P.37-53}) whenever that range expands to exactly those keys.
 *
 * <p>Every line is checked before it is printed: parsed back and expanded, it must give exactly
 * its records. Lines are read as the ucspi-tcp dialect with the IPv6 build's addresses (the
 * address ends at the first colon followed by {@code allow} or {@code deny}); the IPv4 build
 * ends it at the first colon, so for that build a key holding a colon cannot be written at all.
 * A record no line gives throws {@link RulesDumpException}: its key or a variable holds a
 * newline (which would end the line), its key starts with {@code #} (a comment), holds a colon
 * followed by {@code allow} or {@code deny} (where the address would end), or holds a {@code -}
 * that would be read as a range with no number component before it (a key like
 * {@code 30.1.3-4.5}, which {@code 30.1-2.3-4.5} writes, is written {@code 30-30.1.3-4.5});
 * a value holds every byte that could quote it; or its data is not what tcprules writes
 * ({@code D} and a NUL for deny, then {@code +NAME=value} and a NUL per variable, a NUL in a
 * value kept as it is). Only the ucspi-tcp dialect is written; a key holding a NUL is fine.
 */
public final class RulesDumper {
    /** Receives each line, without its newline, one char per byte (ISO-8859-1). */
    @FunctionalInterface
    public interface LineSink {
        void line(String line) throws IOException;
    }

    /** Larger keys or data than a Java array holds are not dumped. */
    private static final long MAX_LENGTH = Integer.MAX_VALUE - 8;

    private final LineSink out;
    private long records;
    // the run being gathered: records with the same data whose keys count up in one component
    private final List<Rule> run = new ArrayList<>();
    private final List<String> runKeys = new ArrayList<>();
    private final List<String[]> runComponents = new ArrayList<>();
    private byte[] runData;
    private int component = -1;

    public RulesDumper(LineSink out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Reads a cdb from {@code cdb} front to back and writes its rules; returns the number of records. */
    public static long dump(InputStream cdb, LineSink out) throws IOException {
        CdbSequentialReader in = new CdbSequentialReader(Objects.requireNonNull(cdb, "cdb"));
        RulesDumper dumper = new RulesDumper(out);
        in.readHeader();
        while (in.hasNextRecord()) {
            in.readRecordHeader();
            long number = dumper.records + 1;
            byte[] key = read(in, in.keyLength(), number, "key");
            byte[] data = read(in, in.valueLength(), number, "data");
            dumper.add(key, data);
        }
        dumper.finish();
        return dumper.records;
    }

    /**
     * Reads a ucspi-tcp6 database and writes rules its tcprules compiles back to the same bytes:
     * each key as that tcprules reads it back (CIDR keys as {@code address/bits}, IPv6 written
     * out in full as stored), no ranges folded. Returns the number of records.
     */
    public static long dumpUcspi6(InputStream cdb, LineSink out) throws IOException {
        CdbSequentialReader in = new CdbSequentialReader(Objects.requireNonNull(cdb, "cdb"));
        Objects.requireNonNull(out, "out");
        in.readHeader();
        long number = 0;
        while (in.hasNextRecord()) {
            in.readRecordHeader();
            number++;
            String key = new String(read(in, in.keyLength(), number, "key"), StandardCharsets.ISO_8859_1);
            byte[] data = read(in, in.valueLength(), number, "data");
            String address = key.isEmpty() ? "" : Ucspi6Rules.ruleName(key);
            Rule rule = decode(number, address, data);
            String line = rule.toString();
            if (line.indexOf('\n') >= 0 || address.startsWith("#")) {
                throw new RulesDumpException(number, "its key or data cannot be written on one line");
            }
            out.line(line);
        }
        return number;
    }

    private static byte[] read(CdbSequentialReader in, long length, long number, String what) throws IOException {
        if (length > MAX_LENGTH) {
            throw new RulesDumpException(number, "its " + what + " of " + length + " bytes is too long to dump");
        }
        byte[] bytes = new byte[(int) length];
        in.readFully(bytes, 0, bytes.length);
        return bytes;
    }

    /**
     * The next record in file order; its line is written once its run is known to end. A record
     * no line gives throws, after the lines of the records before it are written. {@code data}
     * is kept until its run ends: do not reuse the array.
     */
    public void add(byte[] key, byte[] data) throws IOException {
        long number = ++records;
        String text = new String(key, StandardCharsets.ISO_8859_1);
        Rule rule;
        try {
            rule = rule(number, text, data);
        } catch (RulesDumpException e) {
            flush(); // the records before it are written
            throw e;
        }
        String[] components = text.split("\\.", -1);
        if (!run.isEmpty() && Arrays.equals(runData, data)) {
            int at = countsUp(runComponents.get(runComponents.size() - 1), components);
            if (at >= 0 && (component < 0 || component == at)) {
                component = at;
                run.add(rule);
                runKeys.add(text);
                runComponents.add(components);
                return;
            }
        }
        flush();
        run.add(rule);
        runKeys.add(text);
        runComponents.add(components);
        runData = data;
    }

    /** Writes what is left; call once after the last record. */
    public void finish() throws IOException {
        flush();
    }

    private void flush() throws IOException {
        if (run.size() > 1) {
            Rule folded = folded();
            if (folded != null) {
                out.line(folded.toString());
                clear();
                return;
            }
        }
        for (Rule rule : run) {
            out.line(rule.toString());
        }
        clear();
    }

    private void clear() {
        run.clear();
        runKeys.clear();
        runComponents.clear();
        component = -1;
    }

    /** The run as one range, or null when that range does not expand to exactly the run's keys. */
    private Rule folded() throws IOException {
        String[] range = runComponents.get(0).clone();
        range[component] += "-" + runComponents.get(runComponents.size() - 1)[component];
        Rule first = run.get(0);
        Rule folded = new Rule(String.join(".", range), first.allow(), first.env());
        return compilesTo(folded, runKeys) ? folded : null;
    }

    /**
     * The one component in which {@code next} is {@code last} plus one, both decimal numbers as
     * tcprules writes a range's (no leading zeros, at most 255), or -1.
     */
    private static int countsUp(String[] last, String[] next) {
        if (last.length != next.length) {
            return -1;
        }
        int at = -1;
        for (int i = 0; i < last.length; i++) {
            if (!last[i].equals(next[i])) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            }
        }
        return at >= 0 && number(last[at]) >= 0 && number(next[at]) == number(last[at]) + 1 ? at : -1;
    }

    /** A component's value if it is a number from 0 to 255 written without leading zeros, else -1. */
    private static int number(String component) {
        if (component.isEmpty() || component.length() > 3 || component.length() > 1 && component.charAt(0) == '0') {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n <= 255 ? n : -1;
    }

    /** The rule of one record, checked to compile back to that record alone. */
    private static Rule rule(long number, String key, byte[] data) throws RulesDumpException {
        Rule rule = decode(number, key, data);
        if (key.indexOf('\n') >= 0) {
            throw new RulesDumpException(number, "its key holds a newline, which would end its line");
        }
        if (key.startsWith("#")) {
            throw new RulesDumpException(number, "its key starts with #, which would make its line a comment");
        }
        if (key.contains(":allow") || key.contains(":deny")) {
            throw new RulesDumpException(number,
                    "its key holds a colon followed by allow or deny, where tcprules would end the address");
        }
        if (!isLiteral(key)) {
            rule = asOneRange(rule);
            if (rule == null) {
                throw new RulesDumpException(number, "its key holds a - that tcprules would read as a range, and no"
                        + " number before it to write as a range of one");
            }
        }
        for (int i = 0; i < rule.env().size(); i++) {
            EnvVar v = rule.env().get(i);
            if (v.name().indexOf('\n') >= 0 || v.value().indexOf('\n') >= 0) {
                throw new RulesDumpException(number,
                        "variable " + (i + 1) + " holds a newline, which would end its line");
            }
            if (Rule.quoteFor(v.value()) < 0) {
                throw new RulesDumpException(number, "the value of variable " + (i + 1)
                        + " holds every byte that could quote it");
            }
        }
        if (!compilesTo(rule, List.of(key))) {
            // every reason the line could differ is checked above: this is a bug, said plainly
            throw new RulesDumpException(number, "its line would compile to different records: " + rule);
        }
        return rule;
    }

    /** Whether tcprules takes {@code key} as it is: no {@code -}, or an {@code =} or {@code @} ({@link RuleKeys}). */
    private static boolean isLiteral(String key) {
        return key.indexOf('-') < 0 || key.indexOf('=') >= 0 || key.indexOf('@') >= 0;
    }

    /**
     * A key holding a {@code -} that tcprules would expand, such as {@code 30.1.3-4.5} (written
     * by {@code 30.1-2.3-4.5}), written as a range of one in the first number component before
     * it: {@code 30-30.1.3-4.5}; null when it has none.
     */
    private static Rule asOneRange(Rule rule) {
        String[] components = rule.address().split("\\.", -1);
        for (int i = 0; i < components.length && components[i].indexOf('-') < 0; i++) {
            if (number(components[i]) >= 0) {
                components[i] += "-" + components[i];
                Rule range = new Rule(String.join(".", components), rule.allow(), rule.env());
                return compilesTo(range, List.of(rule.address())) ? range : null;
            }
        }
        return null;
    }

    /** Whether the line of {@code rule}, parsed back, has its address expand to {@code keys} and its data. */
    private static boolean compilesTo(Rule rule, List<String> keys) {
        try {
            Rule back = RulesParser.parseLine(rule.toString(), 0);
            return rule.equals(back) && RuleKeys.of(back).equals(keys);
        } catch (RulesFormatException e) {
            return false;
        }
    }

    /**
     * The rule whose data is {@code data}: {@code D} and a NUL for deny, then variables. A value
     * may hold a NUL (tcprules stores it as it is), so a variable ends at the first NUL that is
     * followed by the end or by another variable ({@code +}, then an {@code =} somewhere after);
     * where several readings exist they all compile to the same bytes.
     */
    private static Rule decode(long number, String key, byte[] data) throws RulesDumpException {
        int n = data.length;
        boolean allow = true;
        int at = 0;
        if (n >= 2 && data[0] == 'D' && data[1] == 0) {
            allow = false;
            at = 2;
        }
        int lastEquals = n - 1;
        while (lastEquals >= 0 && data[lastEquals] != '=') {
            lastEquals--;
        }
        List<EnvVar> env = new ArrayList<>();
        while (at < n) {
            if (data[at] != '+') {
                throw new RulesDumpException(number, "its data at byte " + at
                        + " is not the + of a variable, nor the D of a deny at the start");
            }
            int equals = RulesParser.indexOf(data, n, (byte) '=', at + 1);
            if (equals < 0) {
                throw new RulesDumpException(number, "its data at byte " + at + " is a variable with no =");
            }
            int end = equals + 1;
            while (end < n && !(data[end] == 0 && (end == n - 1 || data[end + 1] == '+' && lastEquals > end + 1))) {
                end++;
            }
            if (end == n) {
                throw new RulesDumpException(number, "its data at byte " + at + " is a variable not ended by a NUL");
            }
            env.add(new EnvVar(new String(data, at + 1, equals - at - 1, StandardCharsets.ISO_8859_1),
                    new String(data, equals + 1, end - equals - 1, StandardCharsets.ISO_8859_1)));
            at = end + 1;
        }
        return new Rule(key, allow, env);
    }
}
