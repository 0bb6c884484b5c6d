package org.cdbkit.rules;

import java.io.IOException;

/**
 * Receives each rule of a rules text as ranges of its line's bytes, so that compiling makes no
 * object per rule. The arrays are reused for the next line: copy what is kept.
 */
public interface RuleSink {
    /**
     * @param line the line's bytes, trailing blanks trimmed, in {@code line[0, length)}
     * @param addressLength the address is {@code line[0, addressLength)}
     * @param allow allow or deny
     * @param env for variable i: its name is {@code line[env[4i], env[4i+1])} and its value
     *        {@code line[env[4i+2], env[4i+3])}
     * @param variables how many variables
     * @param lineNumber 1-based, counting every line
     */
    void rule(byte[] line, int length, int addressLength, boolean allow, int[] env, int variables, long lineNumber)
            throws IOException;
}
