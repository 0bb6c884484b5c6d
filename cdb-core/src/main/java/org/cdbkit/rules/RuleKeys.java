package org.cdbkit.rules;

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

    public static List<String> of(Rule rule) throws RulesFormatException {
        return of(rule.address(), rule.lineNumber(), rule.text());
    }

    /** The keys of {@code address}; {@code line} labels an error. */
    public static List<String> of(String address, long lineNumber, String line) throws RulesFormatException {
        List<String> keys = new ArrayList<>(1);
        int dash = address.indexOf('-');
        if (address.indexOf('=') >= 0 || address.indexOf('@') >= 0 || dash < 0) {
            keys.add(address);
            return keys;
        }
        int left = address.lastIndexOf('.', dash - 1) + 1;
        int right = address.indexOf('.', dash + 1);
        if (right < 0) {
            right = address.length();
        }
        long bottom = number(address.substring(left, dash), lineNumber, line);
        long top = number(address.substring(dash + 1, right), lineNumber, line);
        if (Long.compareUnsigned(top, 255) > 0) {
            top = 255;
        }
        String before = address.substring(0, left);
        String after = address.substring(right);
        for (long n = bottom; Long.compareUnsigned(n, top) <= 0; n++) {
            keys.add(before + n + after);
        }
        return keys;
    }

    private static long number(String digits, long lineNumber, String line) throws RulesFormatException {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new RulesFormatException(lineNumber, line);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
