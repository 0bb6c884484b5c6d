package org.cdbkit.testing;

import java.util.HexFormat;

/** Hex for fixture files and readable failure messages. */
public final class Hex {
    private Hex() {
    }

    /** Lowercase, two digits a byte. */
    public static String encode(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    public static byte[] decode(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /** The first bytes, printable ones as they are. */
    public static String preview(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 200); i++) {
            int c = bytes[i] & 0xff;
            s.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s + (bytes.length > 200 ? "... (" + bytes.length + " bytes)" : "");
    }
}
