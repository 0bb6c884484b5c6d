package org.cdbkit.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The cdb keys a rule's address stands for. An address with no {@code =} and no {@code @}
 * whose text holds a {@code -} is a range: the dot-separated component holding the first dash,
 * {@code bot-top}, is replaced by each number from bot to top (top clipped to 255):
 * {@code 1.2.3.37-53} is {@code 1.2.3.37} to {@code 1.2.3.53}, {@code 10.2-3.} is
 * {@code 10.2.} and {@code 10.3.}. Numbers are read as tcprules reads them: digits only
 * (none at all is 0), as 64-bit unsigned numbers that wrap; a bottom above the top gives no
 * key at all.
 */
public final class RuleKeys {
    private RuleKeys() {
    }

    /** Receives keys; the array is reused for the next key. */
    @FunctionalInterface
    public interface KeyConsumer {
        void key(byte[] key, int length) throws IOException;
    }

    /** What to throw when a range bound is not a number. */
    @FunctionalInterface
    public interface BadRange {
        RulesFormatException exception();
    }

    public static List<String> of(Rule rule) throws RulesFormatException {
        return of(rule.address(), rule.lineNumber(), rule.text());
    }

    /** The keys of {@code address}; {@code line} labels an error. */
    public static List<String> of(String address, long lineNumber, String line) throws RulesFormatException {
        List<String> keys = new ArrayList<>(1);
        byte[] bytes = address.getBytes(StandardCharsets.ISO_8859_1);
        try {
            expand(bytes, bytes.length, new byte[bytes.length + 24],
                    (key, length) -> keys.add(new String(key, 0, length, StandardCharsets.ISO_8859_1)),
                    () -> new RulesFormatException(lineNumber, line));
        } catch (RulesFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("collecting keys does no I/O", e);
        }
        return keys;
    }

    /**
     * Hands each key of the address {@code address[0, length)} to {@code out}, built in
     * {@code scratch} (at least {@code length + 24} bytes) when it is a range.
     */
    public static void expand(byte[] address, int length, byte[] scratch, KeyConsumer out, BadRange bad)
            throws IOException {
        int dash = RulesParser.indexOf(address, length, (byte) '-', 0);
        if (dash < 0 || RulesParser.indexOf(address, length, (byte) '=', 0) >= 0
                || RulesParser.indexOf(address, length, (byte) '@', 0) >= 0) {
            out.key(address, length);
            return;
        }
        int left = dash;
        while (left > 0 && address[left - 1] != '.') {
            left--;
        }
        int right = RulesParser.indexOf(address, length, (byte) '.', dash + 1);
        if (right < 0) {
            right = length;
        }
        long bottom = number(address, left, dash, bad);
        long top = number(address, dash + 1, right, bad);
        if (Long.compareUnsigned(top, 255) > 0) {
            top = 255;
        }
        System.arraycopy(address, 0, scratch, 0, left);
        for (long n = bottom; Long.compareUnsigned(n, top) <= 0; n++) {
            int at = left;
            if (n >= 100) {
                scratch[at++] = (byte) ('0' + n / 100);
            }
            if (n >= 10) {
                scratch[at++] = (byte) ('0' + n / 10 % 10);
            }
            scratch[at++] = (byte) ('0' + n % 10);
            System.arraycopy(address, right, scratch, at, length - right);
            out.key(scratch, at + length - right);
        }
    }

    private static long number(byte[] digits, int from, int to, BadRange bad) throws RulesFormatException {
        long value = 0;
        for (int i = from; i < to; i++) {
            int c = digits[i];
            if (c < '0' || c > '9') {
                throw bad.exception();
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
