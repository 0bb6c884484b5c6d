package org.cdbkit.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command-line arguments as the bytes the C tools get in argv. The JVM decodes argv with
 * the locale's charset, which loses bytes that charset cannot hold (any byte over 127 under
 * the C locale), so on Linux the raw bytes are read back from {@code /proc/self/cmdline}, whose
 * last entries are the program's arguments; elsewhere the strings are encoded again.
 */
public final class ArgumentBytes {
    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private ArgumentBytes() {
    }

    /** The arguments as byte strings: argv's bytes, one char per byte (ISO-8859-1). */
    public static String[] strings(String[] args) {
        byte[][] raw = of(args);
        String[] strings = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            strings[i] = new String(raw[i], java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return strings;
    }

    public static byte[][] of(String[] args) {
        byte[][] raw = fromCmdline(args);
        if (raw != null) {
            return raw;
        }
        Charset charset = localeCharset();
        byte[][] encoded = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            encoded[i] = args[i].getBytes(charset);
        }
        return encoded;
    }

    private static byte[][] fromCmdline(String[] args) {
        try {
            byte[] cmdline = Files.readAllBytes(CMDLINE);
            List<byte[]> entries = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < cmdline.length; i++) {
                if (cmdline[i] == 0) {
                    entries.add(java.util.Arrays.copyOfRange(cmdline, start, i));
                    start = i + 1;
                }
            }
            if (entries.size() < args.length + 1) {
                return null;
            }
            byte[][] raw = entries.subList(entries.size() - args.length, entries.size()).toArray(new byte[0][]);
            Charset charset = localeCharset();
            for (int i = 0; i < args.length; i++) {
                // only trust the entries if they really are these arguments
                if (!new String(raw[i], charset).equals(args[i])) {
                    return null;
                }
            }
            return raw;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The charset the JVM decodes arguments and file names with (the locale's). Here, not in
     * FileNames, whose start costs a tool that names no file.
     */
    static Charset localeCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
