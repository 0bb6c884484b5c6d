package org.cdbkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Environment variables as the bytes the C tools see, one char per byte (ISO-8859-1). The JVM
 * decodes the environment with the locale's charset, which loses bytes; on Linux the raw
 * bytes are read from {@code /proc/self/environ} (the environment the process started with).
 */
public final class RawEnvironment {
    private static final Path ENVIRON = Path.of("/proc/self/environ");

    private RawEnvironment() {
    }

    /** The environment as the process started with it, read once. */
    private static byte[] environ;

    /** The value of {@code name}, or null when it is not set. */
    public static synchronized String get(String name) {
        try {
            if (environ == null) {
                environ = Files.readAllBytes(ENVIRON);
            }
            byte[] all = environ;
            byte[] prefix = (name + "=").getBytes(StandardCharsets.ISO_8859_1);
            int start = 0;
            for (int i = 0; i <= all.length; i++) {
                if (i == all.length || all[i] == 0) {
                    if (i - start >= prefix.length
                            && Arrays.equals(all, start, start + prefix.length, prefix, 0, prefix.length)) {
                        return new String(all, start + prefix.length, i - start - prefix.length,
                                StandardCharsets.ISO_8859_1);
                    }
                    start = i + 1;
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            String value = System.getenv(name);
            return value == null ? null : new String(value.getBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
