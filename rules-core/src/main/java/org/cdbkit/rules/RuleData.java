package org.cdbkit.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cdb value of a rule, as tcprules writes it and tcpserver reads it: {@code D} and a NUL
 * for deny, nothing for allow, then {@code +NAME=value} and a NUL for each variable.
 */
public final class RuleData {
    private RuleData() {
    }

    public static byte[] encode(Rule rule) {
        StringBuilder text = new StringBuilder();
        int[] env = new int[4 * rule.env().size()];
        int i = 0;
        for (EnvVar v : rule.env()) {
            env[i++] = text.length();
            env[i++] = text.append(v.name()).length();
            env[i++] = text.length();
            env[i++] = text.append(v.value()).length();
        }
        byte[] line = text.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[2 + line.length + 3 * rule.env().size()];
        return java.util.Arrays.copyOf(data, encode(rule.allow(), line, env, rule.env().size(), data));
    }

    /**
     * Writes the value of a rule whose variables are ranges of {@code line} (as {@link RuleSink}
     * gives them) into {@code data}, which must hold {@code 2 + 3 * variables} bytes more than
     * the names and values; returns its length.
     */
    static int encode(boolean allow, byte[] line, int[] env, int variables, byte[] data) {
        int n = 0;
        if (!allow) {
            data[n++] = 'D';
            data[n++] = 0;
        }
        for (int i = 0; i < variables; i++) {
            data[n++] = '+';
            int nameLength = env[4 * i + 1] - env[4 * i];
            System.arraycopy(line, env[4 * i], data, n, nameLength);
            n += nameLength;
            data[n++] = '=';
            int valueLength = env[4 * i + 3] - env[4 * i + 2];
            System.arraycopy(line, env[4 * i + 2], data, n, valueLength);
            n += valueLength;
            data[n++] = 0;
        }
        return n;
    }

    /**
     * Reads a value as tcpserver does: entries end at NULs, an unterminated tail is ignored;
     * {@code D} denies at once (the variables after it are not set), {@code +NAME=value} sets.
     */
    public static Decision decode(String key, byte[] data, int offset, int length) {
        List<String> settings = new ArrayList<>();
        int at = offset;
        int end = offset + length;
        for (;;) {
            int nul = at;
            while (nul < end && data[nul] != 0) {
                nul++;
            }
            if (nul >= end) {
                return new Decision(key, true, settings);
            }
            if (data[at] == 'D') {
                return new Decision(key, false, settings);
            }
            if (data[at] == '+') {
                settings.add(new String(data, at + 1, nul - at - 1, StandardCharsets.ISO_8859_1));
            }
            at = nul + 1;
        }
    }
}
