package org.cdbkit.make;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Parts of the names of the scratch files cdbmake-all writes next to the targets. A fixed
 * name would let anyone who can write to the folder plant a link there beforehand, waiting
 * for a run as root; a name with 64 random bits cannot be guessed.
 */
final class UnpredictableNames {
    private static final SecureRandom RANDOM = new SecureRandom();

    private UnpredictableNames() {
    }

    /** 16 hexadecimal digits, new each time. */
    static String token() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
