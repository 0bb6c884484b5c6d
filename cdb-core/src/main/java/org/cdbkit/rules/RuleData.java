package org.cdbkit.rules;

import java.io.ByteArrayOutputStream;
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
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        if (!rule.allow()) {
            data.write('D');
            data.write(0);
        }
        for (EnvVar v : rule.env()) {
            data.write('+');
            data.writeBytes((v.name() + "=" + v.value()).getBytes(StandardCharsets.ISO_8859_1));
            data.write(0);
        }
        return data.toByteArray();
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
